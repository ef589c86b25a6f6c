import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * SQL text lives in persistence/ folders (plus migrations, seeds and platform/database): a string
 * or template that starts like a statement anywhere else in backend/src fails this test.
 */
const SRC = path.resolve(__dirname, '../../..');
const ALLOWED = [/\/persistence\//, /^database\/migrations\//, /^database\/seed\//, /^platform\/database\//];
/** Temporary or reasoned exceptions; each entry says why. */
const ALLOWLIST: { pattern: RegExp; why: string }[] = [
  {
    pattern: /^database\/embedded-postgres(\.ts|\/)/,
    why: 'creates the database before the app (and its helper) exists',
  },
];
const STATEMENT =
  /[`'"]\s*(select\s[\s\S]*?\sfrom\s|insert\s+into\s|update\s+\w+\s+set\s|delete\s+from\s|with\s+\w+\s+as(\s+materialized)?\s*\(|(begin|commit|rollback)[`'"]|listen\s|notify\s|create\s+(table|index|database)\s|alter\s+table\s|drop\s+(table|index)\s)/i;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [full] : [];
  });
}

describe('SQL text', () => {
  it('appears only in persistence/, migrations, seeds and platform/database', () => {
    const offenders = sourceFiles(SRC)
      .map((file) => path.relative(SRC, file).split(path.sep).join('/'))
      .filter((file) => !ALLOWED.some((p) => p.test(file)) && !ALLOWLIST.some((a) => a.pattern.test(file)))
      .flatMap((file) =>
        readFileSync(path.join(SRC, file), 'utf8')
          .split('\n')
          .flatMap((line, i) => (STATEMENT.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
      );
    expect(offenders).toEqual([]);
  });

  it('recognises a statement written outside a persistence room', () => {
    for (const text of [
      '`select id from tickets`',
      "'insert into messages (id) values ($1)'",
      '"update tickets set x = 1"',
      "'begin'",
      '`with fresh as (select 1)`',
    ])
      expect(STATEMENT.test(text)).toBe(true);
    for (const text of ["'the ticket is already closed'", '`update ${field}`'])
      expect(STATEMENT.test(text)).toBe(false);
  });
});
