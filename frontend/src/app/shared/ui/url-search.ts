import { computed, inject, type Signal } from '@angular/core';
import { Router } from '@angular/router';

/** A page's search kept in the URL (`?q=`): what the page searches for, and how it searches. */
export interface UrlSearch {
  /** The search, trimmed (`''` for none). */
  readonly query: Signal<string>;
  /** Puts `q` into the URL (replacing the entry, so Back leaves the page); the router binds it back. */
  search(q: string): void;
}

/** The `?q=` search of the routed page being created, from its `q` input. Call it in a field initializer. */
export function urlSearch(q: () => string | undefined): UrlSearch {
  const router = inject(Router);
  return {
    query: computed(() => (q() ?? '').trim()),
    search: (text) =>
      void router.navigate([], { queryParams: { q: text || null }, queryParamsHandling: 'merge', replaceUrl: true }),
  };
}
