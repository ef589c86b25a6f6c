/**
 * CI mode (default) keeps the whole suite within a few minutes; RELIABILITY_MODE=long runs the
 * long versions. Every figure can also be set on its own through its env variable.
 */
export const LONG = process.env['RELIABILITY_MODE'] === 'long';

export function setting(name: string, ci: number, long: number): number {
  const raw = process.env[name];
  if (raw !== undefined && raw !== '') {
    const value = Number(raw);
    if (!Number.isFinite(value)) throw new Error(`${name} must be a number, got "${raw}"`);
    return value;
  }
  return LONG ? long : ci;
}
