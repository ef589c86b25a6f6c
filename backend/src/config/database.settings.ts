import { Transform } from 'class-transformer';
import { IsInt, Matches, Max, Min } from 'class-validator';
import { toInt } from './env-transforms';
import { ServerSettings } from './server.settings';

/** The database and the connection pools of each instance. */
export class DatabaseSettings extends ServerSettings {
  /** postgres://… — when unset, `npm start` runs an embedded PostgreSQL and fills this in. */
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL!: string;

  /** Connections the ORM may open to PostgreSQL (per instance). */
  @Transform(toInt)
  @IsInt()
  @Min(2)
  @Max(200)
  DB_POOL_MAX = 16;

  /** Connections of the read pool (platform/database/read-pool: one ticket, lists, search, names, inbox), per instance. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  DB_READ_POOL_MAX = 8;

  /** How long the read, outbox and notify pools and the LISTEN connections wait to connect (the session store has its own). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(600_000)
  DB_CONNECT_TIMEOUT_MS = 3000;

  /** Connections of the idempotency-key store's pool (claims and recorded answers of Idempotency-Key requests), per instance. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  IDEMPOTENCY_POOL_MAX = 4;
}
