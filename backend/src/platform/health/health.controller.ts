import { EntityManager } from '@mikro-orm/postgresql';
import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/actor';
import { ping } from '../database/ping';
import { DatabasePools } from '../database/pools';
import { ormRunner } from '../database/sql';

export class PoolUseDto {
  @ApiProperty({ description: 'Most connections the pool opens' }) max!: number;
  @ApiProperty({ description: 'Connections checked out right now' }) inUse!: number;
}

/** Every connection pool of this instance (docs/operations.md, "Connections"). */
export class HealthPoolsDto {
  @ApiProperty({ type: PoolUseDto, description: 'MikroORM (DB_POOL_MAX)' }) orm!: PoolUseDto;
  @ApiProperty({ type: PoolUseDto, description: 'The hot reads (DB_READ_POOL_MAX)' }) read!: PoolUseDto;
  @ApiProperty({ type: PoolUseDto, description: 'The session store (SESSION_POOL_MAX)' }) session!: PoolUseDto;
  @ApiProperty({
    type: PoolUseDto,
    description: 'The outbox dispatcher (OUTBOX_CONCURRENCY + 1; 0 without OUTBOX_DISPATCH)',
  })
  outbox!: PoolUseDto;
  @ApiProperty({ type: PoolUseDto, description: 'The NOTIFY after a commit with events (1)' }) notify!: PoolUseDto;
  @ApiProperty({ type: PoolUseDto, description: 'Idempotency-Key claims and answers (IDEMPOTENCY_POOL_MAX)' })
  idempotency!: PoolUseDto;
  @ApiProperty({ type: PoolUseDto, description: 'The live event streams: the log tail and resumes (2)' })
  live!: PoolUseDto;
  @ApiProperty({ description: 'Dedicated LISTEN connections (one, shared)' }) listeners!: number;
  @ApiProperty({ description: 'Most connections this instance opens to PostgreSQL, all pools together' })
  total!: number;
}

export class HealthDto {
  @ApiProperty({ enum: ['ok', 'degraded'] }) status!: 'ok' | 'degraded';
  @ApiProperty({ enum: ['up', 'down'] }) db!: 'up' | 'down';
  @ApiProperty({ type: HealthPoolsDto }) pools!: HealthPoolsDto;
}

const DB_CHECK_TIMEOUT_MS = 2000;

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly em: EntityManager,
    private readonly pools: DatabasePools,
  ) {}

  @Get()
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Liveness and database check, with the use of every connection pool',
    description:
      "`200 {status: ok, db: up}` when the database answers within 2 s, `503` otherwise; `pools` shows each pool's size and connections in use, and their total per instance. Needs no authentication.",
  })
  @ApiOkResponse({ type: HealthDto })
  @ApiServiceUnavailableResponse({ type: HealthDto })
  async getHealth(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthDto> {
    const up = await this.databaseIsUp();
    reply.header('cache-control', 'no-store');
    if (!up) reply.status(503);
    const pools = this.pools.inUse();
    return up ? { status: 'ok', db: 'up', pools } : { status: 'degraded', db: 'down', pools };
  }

  private async databaseIsUp(): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), DB_CHECK_TIMEOUT_MS)));
    const check = ping(ormRunner(this.em))
      .then(() => true)
      .catch(() => false);
    try {
      return await Promise.race([check, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
