import { computed, Injectable, signal } from '@angular/core';
import { demoLogin, getMe, login, logout, signup } from '@bw/sdk';
import type { ApiProblem } from '../api/problem';
import { settle, type SdkResult } from '../api/sdk-result';
import type { LoginCredentials, SessionUser, SignupDetails } from './session.types';

export type AuthOutcome =
  { readonly ok: true; readonly user: SessionUser } | { readonly ok: false; readonly problem: ApiProblem };

interface SessionState {
  readonly user: SessionUser | null;
  readonly loading: boolean;
  readonly error: ApiProblem | null;
}

/**
 * The signed-in user for the whole app, kept in signals. The session itself is a server-side
 * cookie; this store only mirrors it (GET /api/auth/me) and wraps the identity calls.
 */
@Injectable({ providedIn: 'root' })
export class SessionStore {
  private readonly state = signal<SessionState>({ user: null, loading: false, error: null });
  private sessionLoad: Promise<SessionUser | null> | null = null;

  readonly user = computed(() => this.state().user);
  readonly loading = computed(() => this.state().loading);
  readonly error = computed(() => this.state().error);
  readonly isLoggedIn = computed(() => this.state().user !== null);
  /** Whether the server has answered who is signed in (the app starts before it has). */
  readonly known = signal(false);

  /** Asks the server who is signed in, once; later callers share the answer. */
  ensureLoaded(): Promise<SessionUser | null> {
    this.sessionLoad ??= this.loadSession();
    return this.sessionLoad;
  }

  login(credentials: LoginCredentials): Promise<AuthOutcome> {
    return this.authenticate(() => login({ body: credentials }));
  }

  signup(details: SignupDetails): Promise<AuthOutcome> {
    return this.authenticate(() => signup({ body: details }));
  }

  demoLogin(): Promise<AuthOutcome> {
    return this.authenticate(() => demoLogin());
  }

  /** Ends the session; resolves to `null` on success or the problem that prevented it. */
  async logout(): Promise<ApiProblem | null> {
    this.patch({ loading: true, error: null });
    const result = await settle(() => logout());
    // 401: the session was already gone, which is what the user wanted.
    if (result.ok || result.problem.status === 401) {
      this.signedIn(null);
      return null;
    }
    this.patch({ loading: false, error: result.problem });
    return result.problem;
  }

  /** The server ended the session (expired, or logged out elsewhere): drop the local copy. */
  forget(): void {
    this.signedIn(null);
  }

  private async loadSession(): Promise<SessionUser | null> {
    this.patch({ loading: true, error: null });
    const result = await settle(() => getMe());
    if (result.ok) {
      this.signedIn(result.data.user);
      return result.data.user;
    }
    if (result.problem.status === 401) {
      this.signedIn(null);
      return null;
    }
    // The API is unreachable or failing: treat as signed out for now, but ask again next time.
    this.sessionLoad = null;
    this.known.set(true);
    this.state.set({ user: null, loading: false, error: result.problem });
    return null;
  }

  private async authenticate(call: () => Promise<SdkResult<{ user: SessionUser }>>): Promise<AuthOutcome> {
    this.patch({ loading: true, error: null });
    const result = await settle(call);
    if (result.ok) {
      this.signedIn(result.data.user);
      return { ok: true, user: result.data.user };
    }
    this.patch({ loading: false, error: result.problem });
    return { ok: false, problem: result.problem };
  }

  private signedIn(user: SessionUser | null): void {
    this.sessionLoad = Promise.resolve(user);
    this.known.set(true);
    this.state.set({ user, loading: false, error: null });
  }

  private patch(partial: Partial<SessionState>): void {
    this.state.update((current) => ({ ...current, ...partial }));
  }
}
