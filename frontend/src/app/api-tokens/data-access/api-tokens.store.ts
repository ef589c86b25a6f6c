import { Injectable, computed, signal } from '@angular/core';
import { type ApiTokenDto, type CreatedApiTokenDto, createApiToken, listApiTokens, revokeApiToken } from '@bw/sdk';
import type { ApiProblem } from '../../core/api/problem';
import { settle } from '../../core/api/sdk-result';

export type ApiToken = ApiTokenDto;
export type CreatedApiToken = CreatedApiTokenDto;

/** The signed-in user's API tokens: the list (newest first), creating one, revoking one. */
@Injectable()
export class ApiTokensStore {
  private readonly state = signal<{ tokens: readonly ApiToken[]; loading: boolean; problem: ApiProblem | null }>({
    tokens: [],
    loading: false,
    problem: null,
  });

  readonly tokens = computed(() => this.state().tokens);
  readonly loading = computed(() => this.state().loading);
  readonly problem = computed(() => this.state().problem);
  readonly empty = computed(
    () => !this.state().loading && this.state().problem === null && this.state().tokens.length === 0,
  );

  async load(): Promise<void> {
    this.state.update((s) => ({ ...s, loading: true, problem: null }));
    const result = await settle(listApiTokens());
    this.state.update((s) =>
      result.ok
        ? { tokens: result.data.items, loading: false, problem: null }
        : { ...s, loading: false, problem: result.problem },
    );
  }

  /** Creates a token; its secret is in the answer only, so the caller shows it once. */
  async create(name: string): Promise<{ ok: true; token: CreatedApiToken } | { ok: false; problem: ApiProblem }> {
    const result = await settle(createApiToken({ body: { name } }));
    if (!result.ok) return result;
    const { token: _secret, ...listed } = result.data;
    this.state.update((s) => ({ ...s, tokens: [{ ...listed, lastUsedAt: null }, ...s.tokens] }));
    return { ok: true, token: result.data };
  }

  async revoke(id: string): Promise<{ ok: true } | { ok: false; problem: ApiProblem }> {
    const result = await settle(revokeApiToken({ path: { id } }));
    if (!result.ok && result.problem.status !== 404) return result;
    this.state.update((s) => ({ ...s, tokens: s.tokens.filter((t) => t.id !== id) }));
    return { ok: true };
  }
}
