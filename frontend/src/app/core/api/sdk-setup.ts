import { DOCUMENT, inject, type EnvironmentProviders, provideAppInitializer } from '@angular/core';
import { client } from '@bw/sdk';
import { withXsrfHeader } from './xsrf';

let configured = false;

/**
 * Points the generated SDK at this origin (the API is served under `/api` next to the app;
 * `ng serve` proxies it) with the session cookie, and adds the XSRF header to state-changing
 * requests. Runs once, before anything calls the API.
 */
export function configureSdk(doc: Document): void {
  if (configured) {
    return;
  }
  configured = true;
  client.setConfig({ baseUrl: '', credentials: 'same-origin' });
  client.interceptors.request.use((request) => withXsrfHeader(request, doc.cookie, doc.location.origin));
}

export function provideSdk(): EnvironmentProviders {
  return provideAppInitializer(() => configureSdk(inject(DOCUMENT)));
}
