import { ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { createValidationPipe } from '../../../platform/validation/validation';
import { LoginThrottleService } from '../application/login-throttle.service';
import { InvalidCredentialsError } from '../domain/identity.errors';
import { LoginDto } from './dto/login.dto';

/**
 * Runs before passport-local: validates the body (400 naming fields, like every endpoint), takes
 * an attempt slot per account and per IP before the password is checked (429 when either is
 * over its limit), and settles the slots with the outcome: a wrong password keeps them (that is
 * the failure), a success clears the account and gives the IP's back, any other error gives both back.
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
    const reservation = await this.throttle.reserve(dto.email, ip);
    try {
      await super.canActivate(context);
    } catch (error) {
      if (!(error instanceof InvalidCredentialsError)) await this.throttle.release(reservation);
      throw error;
    }
    await this.throttle.succeeded(reservation);
    return true;
  }
}
