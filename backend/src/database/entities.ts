import { IDENTITY_ENTITIES } from '../modules/identity';

/** Every entity of every module, for the ORM's root configuration and the migration CLI. */
export const ENTITIES = [...IDENTITY_ENTITIES];
