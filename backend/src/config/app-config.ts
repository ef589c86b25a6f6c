import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validateSync } from 'class-validator';
import { DueSettings } from './due.settings';

/**
 * The environment, validated once at boot. This is the only place that reads process.env
 * (besides the embedded-database bootstrap, which runs before the app exists). The settings are
 * declared by theme, one class a file, each extending the one before: server, database,
 * identity, outbox (the write path), live, webhooks, due dates.
 */
export class AppConfig extends DueSettings {}

/** Every variable AppConfig reads: each setting carries a validator, so the validators name them all. */
export const CONFIG_KEYS: readonly string[] = [
  ...new Set(
    getMetadataStorage()
      .getTargetValidationMetadatas(AppConfig, '', true, false)
      .map((m) => m.propertyName),
  ),
];

export class ConfigError extends Error {}

/** Validates an environment and returns the typed config, or throws one message naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const raw: Record<string, unknown> = {};
  for (const key of CONFIG_KEYS) if (env[key] !== undefined && env[key] !== '') raw[key] = env[key];
  const config = plainToInstance(AppConfig, raw, { excludeExtraneousValues: false });
  const errors = validateSync(config, { whitelist: false });
  if (errors.length > 0) {
    // A missing variable gets its one "is required" message, not every constraint it fails.
    const lines = errors.map(
      (e) => `  ${e.property}: ${e.constraints?.['isDefined'] ?? Object.values(e.constraints ?? {}).join('; ')}`,
    );
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return config;
}
