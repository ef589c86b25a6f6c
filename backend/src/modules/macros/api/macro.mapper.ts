import { Macro } from '../domain/macro.entity';
import { MacroDto } from './dto/macro.response.dto';

export function toMacroDto(m: Macro): MacroDto {
  return {
    id: m.id,
    name: m.name,
    description: m.description,
    availableFor: m.availableFor,
    actions: m.actions.map((a) => ({ type: a.type, value: a.value })),
    version: m.version,
    ownerId: m.ownerId,
    createdAt: m.createdAt.toISOString(),
    updatedAt: m.updatedAt.toISOString(),
  };
}
