import { ApiToken } from '../domain/api-token.entity';
import { User } from '../domain/user.entity';
import { ApiTokenDto, UserDto } from './dto/identity.response.dto';

export function toUserDto(user: User): UserDto {
  return { id: user.id, username: user.username, email: user.email, createdAt: user.createdAt.toISOString() };
}

export function toApiTokenDto(token: ApiToken): ApiTokenDto {
  return {
    id: token.id,
    name: token.name,
    createdAt: token.createdAt.toISOString(),
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
  };
}
