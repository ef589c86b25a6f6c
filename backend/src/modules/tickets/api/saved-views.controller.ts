import { Body, Controller, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '../../../platform/auth/actor';
import { CreateEndpoint, DeleteEndpoint, GetEndpoint, PatchEndpoint } from '../../../platform/http/endpoint.decorator';
import { IdParam } from '../../../platform/http/id.pipe';
import { PageQueryDto } from '../../../platform/pagination/page-query.dto';
import { SavedViews } from '../application/saved-views.service';
import { MAX_SAVED_VIEWS_PER_USER } from '../domain/saved-view.entity';
import { CreateSavedViewDto, UpdateSavedViewDto } from './dto/saved-view.dto';
import { SavedViewCountsDto, SavedViewDto, SavedViewPageDto } from './dto/saved-view.response.dto';
import { toSavedViewDto } from './saved-view.mapper';

@ApiTags('views')
@Controller()
export class SavedViewsController {
  constructor(private readonly views: SavedViews) {}

  @GetEndpoint('views', {
    summary: "The caller's saved views, newest first",
    description: `Keyset-paged with \`limit\` and \`cursor\`. A user keeps at most ${MAX_SAVED_VIEWS_PER_USER} views.`,
    returns: SavedViewPageDto,
    problems: [400, 401],
  })
  async listSavedViews(@CurrentActor() actor: Actor, @Query() query: PageQueryDto): Promise<SavedViewPageDto> {
    const page = await this.views.list(actor.userId, query);
    return { items: page.items.map(toSavedViewDto), nextCursor: page.nextCursor };
  }

  @GetEndpoint('views/counts', {
    summary: 'How many tickets each of the caller’s saved views lists',
    description:
      'One item per view, newest view first. Exact up to 1000; above it `count` is 1000 and `capped` true. Counted under the same rules as `GET /api/tickets?view=<id>`.',
    returns: SavedViewCountsDto,
    problems: [401],
  })
  async countSavedViews(@CurrentActor() actor: Actor): Promise<SavedViewCountsDto> {
    return { items: await this.views.counts(actor.userId) };
  }

  @CreateEndpoint('views', {
    summary: 'Save a ticket query under a name',
    description: `The filters are those of \`GET /api/tickets\` with its rules (each error names \`filters.<field>\`), plus \`overdue\`; \`sort\` is \`newest\` when left out. Names are unique per user ignoring case (a clash is \`409\` naming \`name\`). A user keeps at most ${MAX_SAVED_VIEWS_PER_USER} views; creating one more is \`409\` (\`SAVED_VIEW_LIMIT_REACHED\`).`,
    returns: SavedViewDto,
    problems: [400, 401, 409],
  })
  async createSavedView(@CurrentActor() actor: Actor, @Body() body: CreateSavedViewDto): Promise<SavedViewDto> {
    const view = await this.views.create(actor.userId, {
      name: body.name,
      filters: body.filters ?? {},
      sort: body.sort ?? 'newest',
    });
    return toSavedViewDto(view);
  }

  @GetEndpoint('views/:id', {
    summary: 'One of the caller’s saved views',
    description: 'Only the owner sees a view; any other is `404`.',
    returns: SavedViewDto,
    problems: [401, 404],
  })
  async getSavedView(@CurrentActor() actor: Actor, @IdParam('id', 'Saved view') id: string): Promise<SavedViewDto> {
    return toSavedViewDto(await this.views.getOwned(actor.userId, id));
  }

  @PatchEndpoint('views/:id', {
    summary: 'Rename a saved view or change its filters or sort',
    description:
      'Send the fields to change and the `version` you read; a stale version is `409` and changes nothing. `filters` replaces the filters as a whole.',
    returns: SavedViewDto,
    problems: [400, 401, 404, 409],
  })
  async updateSavedView(
    @CurrentActor() actor: Actor,
    @IdParam('id', 'Saved view') id: string,
    @Body() body: UpdateSavedViewDto,
  ): Promise<SavedViewDto> {
    const { version, ...changes } = body;
    return toSavedViewDto(await this.views.update(actor.userId, id, version, changes));
  }

  @DeleteEndpoint('views/:id', {
    summary: 'Delete a saved view',
    description: 'Owner only; tickets are not touched. Takes no body.',
    problems: [401, 404],
  })
  async deleteSavedView(@CurrentActor() actor: Actor, @IdParam('id', 'Saved view') id: string): Promise<void> {
    await this.views.delete(actor.userId, id);
  }
}
