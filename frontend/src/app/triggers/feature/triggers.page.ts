import { ChangeDetectionStrategy, Component, effect, inject, untracked } from '@angular/core';
import { UserDirectory } from '../../core/lookup/user-directory';
import { RecordPageComponent, type RecordPageText } from '../../shared/ui/record-page.component';
import type { Trigger } from '../data-access/trigger.model';
import { TriggersListStore } from '../data-access/triggers-list.store';
import { TriggerListItemComponent } from '../ui/trigger-list-item.component';
import { TriggerActions } from './trigger-actions';

/** `/triggers`: the caller's message triggers — when something happens, send someone a message. */
@Component({
  selector: 'bw-triggers-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RecordPageComponent, TriggerListItemComponent],
  providers: [TriggersListStore],
  template: `
    <section class="bw-page">
      <bw-record-page [text]="text" [store]="store" [actions]="actions">
        @for (trigger of store.items(); track trigger.id) {
          <bw-trigger-list-item
            [trigger]="trigger"
            [userName]="directory.nameOf"
            [busy]="store.busyIds().has(trigger.id)"
            (toggleActive)="setActive($event.trigger, $event.active)"
            (test)="actions.test($event)"
            (edit)="actions.editIn(store, $event)"
            (delete)="actions.deleteFrom(store, $event)"
          />
        }
      </bw-record-page>
    </section>
  `,
})
export class TriggersPage {
  protected readonly actions = inject(TriggerActions);
  protected readonly store = inject(TriggersListStore);
  protected readonly directory = inject(UserDirectory);
  protected readonly text: RecordPageText = {
    heading: 'Triggers',
    subheading:
      'When a ticket is closed or created, or a customer deleted, send a message automatically. Only you see your triggers.',
    noun: 'trigger',
    plural: 'Triggers',
    emptyText:
      'For example: when a ticket you assigned is closed, tell its creator — with the ticket’s title and customer in the message.',
  };

  constructor() {
    void this.store.load();
    effect(() => {
      const ids = this.store.items().flatMap((t) => (t.recipient.userId ? [t.recipient.userId] : []));
      untracked(() => void this.directory.ensure([...new Set(ids)]));
    });
  }

  protected async setActive(trigger: Trigger, active: boolean): Promise<void> {
    const problem = await this.store.setActive(trigger, active);
    if (problem?.status === 409) {
      this.actions.toast('Someone changed this trigger meanwhile. It now shows the latest version; try again.');
    } else if (problem) {
      this.actions.failed(`Couldn't ${active ? 'activate' : 'deactivate'} the trigger`, problem);
    } else {
      this.actions.toast(active ? `“${trigger.name}” is active` : `“${trigger.name}” is off`);
    }
  }
}
