import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

export interface StoredConfig {
  url: string;
  token: string;
  tokenId?: string;
  username?: string;
}

/** `$XDG_CONFIG_HOME/balanced-workspace/config.json`, or `~/.config/balanced-workspace/config.json`. */
export function configPath(env: NodeJS.ProcessEnv): string {
  const base = env['XDG_CONFIG_HOME'] || path.join(env['HOME'] || homedir(), '.config');
  return path.join(base, 'balanced-workspace', 'config.json');
}

export function readConfig(env: NodeJS.ProcessEnv): Partial<StoredConfig> {
  try {
    const value: unknown = JSON.parse(readFileSync(configPath(env), 'utf8'));
    return typeof value === 'object' && value !== null ? (value as Partial<StoredConfig>) : {};
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new Error(`Cannot read ${configPath(env)}: ${(error as Error).message}`);
  }
}

/**
 * Writes the config readable by the user only: the folder 0700, the file 0600. The file is
 * written beside the old one and renamed over it, so it never exists with a wider mode and a
 * crash leaves the old one whole.
 */
export function writeConfig(env: NodeJS.ProcessEnv, config: StoredConfig): string {
  const file = configPath(env);
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  renameSync(temporary, file);
  return file;
}
