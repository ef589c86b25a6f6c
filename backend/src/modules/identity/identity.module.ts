import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { AuthController } from './api/auth.controller';
import { AuthenticationGuard } from './api/authentication.guard';
import { LoginGuard } from './api/login.guard';
import { Sessions } from './api/session';
import { UsersController } from './api/users.controller';
import { IdentityService } from './application/identity.service';
import { LocalStrategy } from './application/local.strategy';
import { LoginThrottleService } from './application/login-throttle.service';
import { PasswordHasher } from './application/password-hasher';
import { SessionStore } from './application/session-store';
import { TokenCache } from './application/token-cache';
import { ApiToken } from './domain/api-token.entity';
import { User } from './domain/user.entity';

@Module({
  imports: [MikroOrmModule.forFeature([User, ApiToken]), PassportModule],
  controllers: [AuthController, UsersController],
  providers: [
    IdentityService,
    TokenCache,
    SessionStore,
    Sessions,
    PasswordHasher,
    LoginThrottleService,
    LocalStrategy,
    LoginGuard,
    { provide: APP_GUARD, useClass: AuthenticationGuard },
  ],
  exports: [IdentityService, PasswordHasher],
})
export class IdentityModule {}
