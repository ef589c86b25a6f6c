import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppConfig } from '../../config/app-config';
import { OwnCredentials } from '../auth/actor';
import { DomainError } from '../errors/domain-error';
import { problem } from '../errors/problem';
import { assertMayReadMetrics, MetricsLoopbackOnlyError, MetricsTokenRequiredError } from './metrics-access';
import { Metrics } from './metrics.service';

const EXAMPLE = [
  '# HELP bw_http_requests_total HTTP requests answered, by method, route pattern and status',
  '# TYPE bw_http_requests_total counter',
  'bw_http_requests_total{method="GET",route="/api/tickets/:id",status="200"} 42',
  '',
].join('\n');

/** A refusal of this operation as the OpenAPI document shows it, with the body the server really sends. */
const ApiRefusal = (error: DomainError, description: string) =>
  ApiResponse({
    status: error.status,
    description,
    content: {
      'application/problem+json': {
        schema: { $ref: '#/components/schemas/ProblemDto' },
        example: problem(error.status, error.code, error.message),
      },
    },
  });

@ApiTags('metrics')
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: Metrics,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @OwnCredentials()
  @ApiOperation({
    summary: "This instance's metrics for Prometheus",
    description: [
      'Prometheus text format 0.0.4: requests and latency per route pattern and status, database pool use, the outbox backlog and delivery lag, open event streams, webhook deliveries by outcome, and Node process metrics (docs/operations.md, "Metrics").',
      "The API's own credentials do not apply (no session, no CSRF header, no rate limit). A caller on the same host (a loopback socket address, without `X-Forwarded-For`, `Forwarded` or `X-Real-IP`) needs nothing;",
      'any other sends `Authorization: Bearer <METRICS_TOKEN>`: without it, or with another token, `401`; while `METRICS_TOKEN` is unset, `404` (the metrics are served to loopback only).',
    ].join(' '),
  })
  @ApiProduces('text/plain')
  @ApiOkResponse({
    description: 'The metrics (`text/plain; version=0.0.4; charset=utf-8`)',
    content: { 'text/plain': { schema: { type: 'string' }, example: EXAMPLE } },
  })
  @ApiRefusal(
    new MetricsTokenRequiredError(),
    'Another host without `Authorization: Bearer <METRICS_TOKEN>`, or with another token',
  )
  @ApiRefusal(new MetricsLoopbackOnlyError(), 'Another host while `METRICS_TOKEN` is unset')
  getMetrics(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    try {
      assertMayReadMetrics(
        { remoteAddress: req.socket.remoteAddress, headers: req.headers },
        this.config.METRICS_TOKEN,
      );
    } catch (error) {
      // RFC 6750: a 401 names the scheme (a request that sent a token also gets error="invalid_token").
      if (error instanceof MetricsTokenRequiredError) reply.header('www-authenticate', 'Bearer');
      throw error;
    }
    reply.header('content-type', this.metrics.contentType);
    return this.metrics.scrape();
  }
}
