export { IdentityModule } from './identity.module';
export { IdentityService, DEMO_USER } from './application/identity.service';
export type { UserSummary } from './application/identity.service';
export { PasswordHasher } from './application/password-hasher';
export { User } from './domain/user.entity';
export { ApiToken } from './domain/api-token.entity';
import { ApiToken as ApiTokenEntity } from './domain/api-token.entity';
import { User as UserEntity } from './domain/user.entity';
/** The entities this module owns, for the ORM's root configuration. */
export const IDENTITY_ENTITIES = [UserEntity, ApiTokenEntity];
