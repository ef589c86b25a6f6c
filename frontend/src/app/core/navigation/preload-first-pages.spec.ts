import type { Route } from '@angular/router';
import { firstValueFrom, of } from 'rxjs';
import { PreloadFirstPages } from './preload-first-pages';

describe('PreloadFirstPages', () => {
  const strategy = new PreloadFirstPages();
  const preloads = async (route: Route): Promise<boolean> => {
    let loaded = false;
    await firstValueFrom(
      strategy.preload(route, () => {
        loaded = true;
        return of(true);
      }),
    );
    return loaded;
  };

  it('loads the route tables and the ticket list and ticket pages', async () => {
    expect(await preloads({ path: '', loadChildren: () => [] })).toBe(true);
    expect(await preloads({ path: 'tickets', loadComponent: () => class {} })).toBe(true);
    expect(await preloads({ path: 'ticket/:id', loadComponent: () => class {} })).toBe(true);
  });

  it('leaves the other pages to their first visit', async () => {
    expect(await preloads({ path: 'macros', loadComponent: () => class {} })).toBe(false);
    expect(await preloads({ path: 'settings/tokens', loadComponent: () => class {} })).toBe(false);
  });
});
