import { Body, Controller } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '../../../platform/auth/actor';
import { GetEndpoint, PutEndpoint } from '../../../platform/http/endpoint.decorator';
import { NO_DUE_POLICY } from '../domain/due-policy';
import { DuePoliciesRepository } from '../persistence/due-policies.repository';
import { DuePolicyDto } from './dto/due-policy.dto';

@ApiTags('settings')
@Controller('settings/due-policy')
export class DuePolicyController {
  constructor(private readonly policies: DuePoliciesRepository) {}

  @GetEndpoint('', {
    summary: "The caller's due policy: minutes until a new ticket is due, per priority",
    description:
      'A ticket the caller creates without `dueAt` is due this many minutes after its creation (by its priority); `null` means no due date. Every priority is `null` until the caller sets the policy.',
    returns: DuePolicyDto,
    problems: [401],
  })
  async getDuePolicy(@CurrentActor() actor: Actor): Promise<DuePolicyDto> {
    return (await this.policies.of([actor.userId])).get(actor.userId) ?? NO_DUE_POLICY;
  }

  @PutEndpoint('', {
    summary: "Replace the caller's due policy",
    description:
      'Every priority is required: whole minutes from 1 to 525600 (a year), or `null` for no due date. Applies to tickets created afterwards; existing tickets keep their `dueAt`.',
    returns: DuePolicyDto,
    problems: [400, 401],
  })
  putDuePolicy(@CurrentActor() actor: Actor, @Body() body: DuePolicyDto): Promise<DuePolicyDto> {
    return this.policies.replace(actor.userId, {
      urgent: body.urgent,
      high: body.high,
      normal: body.normal,
      low: body.low,
    });
  }
}
