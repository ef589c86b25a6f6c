import { getMacro, listMacros } from '@bw/sdk';
import { settle } from '../../core/api/sdk-result';
import { OptionSearch } from '../../shared/pickers/option-search';
import type { PickerOption } from '../../shared/pickers/picker-options';
import { availabilityLabel } from './macro.model';

const PICKER_PAGE_SIZE = 20;

/** The macros the caller may use (own and shared), searched on the server, as picker options. */
export function createMacroSearch(): OptionSearch {
  return new OptionSearch(async (q) => {
    const result = await settle(() => listMacros({ query: { limit: PICKER_PAGE_SIZE, ...(q ? { q } : {}) } }));
    return result.ok
      ? {
          ok: true,
          data: result.data.items.map((macro) => ({
            id: macro.id,
            label: macro.name,
            hint:
              macro.description ||
              `${availabilityLabel(macro.availableFor)} · ${macro.actions.length} action${macro.actions.length === 1 ? '' : 's'}`,
          })),
        }
      : result;
  });
}

/** One macro as a picker option, e.g. one chosen from outside that is not among the options; `null` when it can't be read. */
export async function macroOption(id: string): Promise<PickerOption | null> {
  const result = await settle(() => getMacro({ path: { id } }));
  return result.ok ? { id, label: result.data.name } : null;
}
