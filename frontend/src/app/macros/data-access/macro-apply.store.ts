import { computed, Injectable, signal } from '@angular/core';
import { applyMacroToTicket, getTicket, previewMacroOnTicket, type TicketDto } from '@bw/sdk';
import type { ApiProblem } from '../../core/api/problem';
import { settle } from '../../core/api/sdk-result';
import { describePreview, type MacroPreview } from './macro-preview';

interface ApplyState {
  readonly preview: MacroPreview | null;
  readonly previewing: boolean;
  readonly applying: boolean;
  readonly problem: ApiProblem | null;
}

const INITIAL: ApplyState = { preview: null, previewing: false, applying: false, problem: null };

/** Previews a macro on one ticket (nothing saved) and applies it. Provide it in the component that offers this. */
@Injectable()
export class MacroApplyStore {
  private readonly state = signal<ApplyState>(INITIAL);
  private generation = 0;

  readonly preview = computed(() => this.state().preview);
  readonly previewing = computed(() => this.state().previewing);
  readonly applying = computed(() => this.state().applying);
  readonly problem = computed(() => this.state().problem);

  /**
   * What `macroId` would do to the ticket: compared with `current` when the host has the ticket,
   * otherwise with a fresh copy read alongside the preview.
   */
  async load(ticketId: string, macroId: string, current: TicketDto | null): Promise<void> {
    const generation = ++this.generation;
    this.state.set({ ...INITIAL, previewing: true });
    const [before, preview] = await Promise.all([
      current && current.id === ticketId
        ? Promise.resolve({ ok: true as const, data: current })
        : settle(() => getTicket({ path: { id: ticketId } })),
      settle(() => previewMacroOnTicket({ path: { id: ticketId, macroId } })),
    ]);
    if (generation !== this.generation) return;
    if (!before.ok || !preview.ok) {
      this.state.set({ ...INITIAL, problem: !preview.ok ? preview.problem : before.ok ? null : before.problem });
      return;
    }
    this.state.set({ ...INITIAL, preview: describePreview(before.data, preview.data) });
  }

  /** Applies every action in one go; resolves to the updated ticket, or `null` (see `problem`). */
  async apply(ticketId: string, macroId: string): Promise<TicketDto | null> {
    if (this.state().applying) return null;
    const generation = ++this.generation;
    this.state.update((s) => ({ ...s, applying: true, problem: null }));
    const result = await settle(() => applyMacroToTicket({ path: { id: ticketId, macroId } }));
    if (generation !== this.generation) return result.ok ? result.data : null;
    this.state.update((s) => ({
      ...s,
      applying: false,
      problem: result.ok ? null : result.problem,
      preview: result.ok ? null : s.preview,
    }));
    return result.ok ? result.data : null;
  }

  clear(): void {
    this.generation++;
    this.state.set(INITIAL);
  }
}
