import { Injectable } from '@angular/core';
import { deleteMacro, listMacros } from '@bw/sdk';
import { ListStore } from '../../core/api/list-store';
import { pageQuery } from '../../core/api/paging';
import type { ApiProblem } from '../../core/api/problem';
import { settle } from '../../core/api/sdk-result';
import { type Macro, MACROS_PAGE_SIZE } from './macro.model';

/** /macros: the caller's macros and everyone's shared ones, with search, "load more" and delete. Provide it in the page. */
@Injectable()
export class MacrosListStore extends ListStore<Macro> {
  /** `q` matches the name or description. */
  load(q: string): Promise<void> {
    return this.list((cursor) => settle(() => listMacros({ query: pageQuery(MACROS_PAGE_SIZE, cursor, q) })));
  }

  /** Resolves to `null` once the macro is gone, or the problem that kept it. */
  delete(macro: Macro): Promise<ApiProblem | null> {
    return this.deleteRow(macro, () => settle(() => deleteMacro({ path: { id: macro.id } })));
  }
}
