import { Injectable } from '@angular/core';
import { deleteTrigger, getTrigger, listTriggers, updateTrigger } from '@bw/sdk';
import { ListStore } from '../../core/api/list-store';
import { pageQuery } from '../../core/api/paging';
import type { ApiProblem } from '../../core/api/problem';
import { settle } from '../../core/api/sdk-result';
import { type Trigger, TRIGGERS_PAGE_SIZE } from './trigger.model';

/** /triggers: the caller's triggers, newest first, with "load more", activate/deactivate and delete. Provide it in the page. */
@Injectable()
export class TriggersListStore extends ListStore<Trigger> {
  load(): Promise<void> {
    return this.list((cursor) => settle(() => listTriggers({ query: pageQuery(TRIGGERS_PAGE_SIZE, cursor) })));
  }

  /**
   * Switches a trigger on or off with the version on screen. On a conflict (changed elsewhere)
   * the row is refreshed to the latest version and the problem returned, so the user can retry.
   */
  setActive(trigger: Trigger, active: boolean): Promise<ApiProblem | null> {
    return this.whileBusy(trigger.id, async () => {
      const result = await settle(() =>
        updateTrigger({ path: { id: trigger.id }, body: { active, version: trigger.version } }),
      );
      if (result.ok) {
        this.replace(result.data);
        return null;
      }
      if (result.problem.status === 409) {
        const latest = await settle(() => getTrigger({ path: { id: trigger.id } }));
        if (latest.ok) this.replace(latest.data);
      } else if (result.problem.status === 404) {
        this.drop(trigger.id);
      }
      return result.problem;
    });
  }

  /** Resolves to `null` once the trigger is gone, or the problem that kept it. */
  delete(trigger: Trigger): Promise<ApiProblem | null> {
    return this.deleteRow(trigger, () => settle(() => deleteTrigger({ path: { id: trigger.id } })));
  }
}
