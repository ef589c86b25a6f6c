import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-local';
import { User } from '../domain/user.entity';
import { IdentityService } from './identity.service';

/** passport-local: email + password. Wrong credentials throw InvalidCredentialsError (401). */
@Injectable()
export class LocalStrategy extends PassportStrategy(Strategy, 'local') {
  constructor(private readonly identity: IdentityService) {
    super({ usernameField: 'email', passwordField: 'password', session: false });
  }

  validate(email: string, password: string): Promise<User> {
    return this.identity.verifyCredentials(email, password);
  }
}
