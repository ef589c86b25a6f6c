import type { LoginDto, SignupDto, UserDto } from '@bw/sdk';

/** The signed-in user as the API describes it (`{id, username, email, createdAt}`). */
export type SessionUser = UserDto;
export type LoginCredentials = LoginDto;
export type SignupDetails = SignupDto;
