/** Where a command writes: results on stdout, messages and progress on stderr. */
export interface Output {
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
}

export function printJson(out: Output, value: unknown): void {
  out.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function info(out: Output, line: string): void {
  out.stderr.write(`${line}\n`);
}

/** Columns padded to their widest cell (the last one is not padded). Control characters are shown as spaces. */
export function printTable(out: Output, header: string[], rows: string[][]): void {
  const clean = (cell: string) => cell.replace(/\p{Cc}+/gu, ' ');
  const table = [header, ...rows].map((row) => row.map(clean));
  const widths = header.map((_, i) => Math.max(...table.map((row) => row[i]?.length ?? 0)));
  for (const row of table)
    out.stdout.write(
      `${row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join('  ')}\n`,
    );
}

/** `key: value` lines with the keys aligned. */
export function printFields(out: Output, fields: [string, string][]): void {
  const width = Math.max(...fields.map(([key]) => key.length)) + 1;
  for (const [key, value] of fields) out.stdout.write(`${`${key}:`.padEnd(width)} ${value}\n`);
}

export function truncate(text: string, length: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= length ? line : `${line.slice(0, length - 1)}…`;
}

/**
 * A progress line on stderr while pages arrive, redrawn in place, only when stderr is a terminal.
 * With a known total it is a bar (`▕████░░░░▏ 40/100`); otherwise a count of what arrived.
 */
export class Progress {
  private readonly enabled: boolean;
  private drawn = false;

  constructor(
    private readonly out: Output,
    private readonly label: string,
    private readonly total?: number,
  ) {
    this.enabled = out.stderr.isTTY === true;
  }

  update(done: number, pages: number): void {
    if (!this.enabled) return;
    const width = 24;
    let text: string;
    if (this.total) {
      const filled = Math.min(width, Math.round((done / this.total) * width));
      text = `${this.label} ▕${'█'.repeat(filled)}${'░'.repeat(width - filled)}▏ ${Math.min(done, this.total)}/${this.total}`;
    } else {
      text = `${this.label}: ${done} fetched, ${pages} page${pages === 1 ? '' : 's'}…`;
    }
    this.out.stderr.write(`\r\u001b[2K${text}`);
    this.drawn = true;
  }

  done(): void {
    if (this.drawn) this.out.stderr.write('\r\u001b[2K');
    this.drawn = false;
  }
}

export function print(out: Output, line: string): void {
  out.stdout.write(`${line}\n`);
}
