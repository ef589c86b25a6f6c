import { ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { createValidationPipe } from '../../../platform/validation/validation';
import { LoginThrottleService } from '../application/login-throttle.service';
import { InvalidCredentialsError } from '../domain/identity.errors';
import { LoginDto } from './dto/login.dto';

/**
 * Runs before passport-local: validates the body (400 naming fields, like every endpoint),
 * refuses throttled accounts and IPs (429), and counts failures.
 */
@Injectable()
export class LoginGuard extends AuthGuard('local') {
  private readonly pipe = createValidationPipe();

  constructor(private readonly throttle: LoginThrottleService) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<FastifyRequest>();
    const dto = (await this.pipe.transform(req.body, { type: 'body', metatype: LoginDto })) as LoginDto;
    const ip = req.ip || 'unknown';
    await this.throttle.assertAllowed(dto.email, ip);
    try {
      await super.canActivate(context);
    } catch (error) {
      if (error instanceof InvalidCredentialsError) await this.throttle.recordFailure(dto.email, ip);
      throw error;
    }
    await this.throttle.recordSuccess(dto.email);
    return true;
  }
}
