import type { SavedViewFields } from '../domain/saved-view.entity';
import type { SavedViewDto } from './dto/saved-view.response.dto';

export function toSavedViewDto(
  v: SavedViewFields & { id: string; version: number; createdAt: Date; updatedAt: Date },
): SavedViewDto {
  return {
    id: v.id,
    name: v.name,
    filters: { ...v.filters },
    sort: v.sort,
    version: v.version,
    createdAt: v.createdAt.toISOString(),
    updatedAt: v.updatedAt.toISOString(),
  };
}
