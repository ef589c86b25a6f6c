import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Where each spec records the figures of its last run (for docs/reliability.md). Not committed (.data/). */
const FILE = path.resolve(__dirname, '../../../.data/reliability-figures.json');

export function recordFigures(section: string, figures: Record<string, unknown>): void {
  let all: Record<string, unknown> = {};
  try {
    all = JSON.parse(readFileSync(FILE, 'utf8'));
  } catch {
    // first run
  }
  all[section] = { ...figures, at: new Date().toISOString(), mode: process.env['RELIABILITY_MODE'] ?? 'ci' };
  mkdirSync(path.dirname(FILE), { recursive: true });
  writeFileSync(FILE, JSON.stringify(all, null, 2));
  process.stdout.write(`[reliability] ${section}: ${JSON.stringify(figures)}\n`);
}
