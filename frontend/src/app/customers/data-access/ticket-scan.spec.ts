import type { Page } from '../../core/api/paging';
import type { Settled } from '../../core/api/sdk-result';
import { scanForMatches } from './ticket-scan';

type Row = { id: string; customerId: string };

/** A fake list endpoint over `rows`, `size` per page, cursors are offsets. */
function endpoint(rows: Row[], size: number) {
  const calls: (string | undefined)[] = [];
  const fetchPage = async (cursor: string | undefined): Promise<Settled<Page<Row>>> => {
    calls.push(cursor);
    const start = cursor ? Number(cursor) : 0;
    const end = start + size;
    return { ok: true, data: { items: rows.slice(start, end), nextCursor: end < rows.length ? String(end) : null } };
  };
  return { fetchPage, calls };
}

const rows: Row[] = Array.from({ length: 10 }, (_, i) => ({ id: `t${i}`, customerId: i % 3 === 0 ? 'c1' : 'c2' }));
const forC1 = (row: Row) => row.customerId === 'c1';

describe('scanForMatches', () => {
  it('reads pages until enough matches were found and says where to continue', async () => {
    const { fetchPage, calls } = endpoint(rows, 3);
    const result = await scanForMatches(fetchPage, forC1, undefined, 2, 10);
    expect(result).toEqual({ ok: true, data: { matches: [rows[0], rows[3]], cursor: '6' } });
    expect(calls).toEqual([undefined, '3']);
  });

  it('stops at the end of the list', async () => {
    const { fetchPage } = endpoint(rows, 4);
    const result = await scanForMatches(fetchPage, forC1, undefined, 10, 10);
    expect(result).toEqual({ ok: true, data: { matches: [rows[0], rows[3], rows[6], rows[9]], cursor: null } });
  });

  it('reads at most maxPages pages per call', async () => {
    const { fetchPage, calls } = endpoint(rows, 1);
    const result = await scanForMatches(fetchPage, (r) => r.id === 't9', undefined, 1, 3);
    expect(result).toEqual({ ok: true, data: { matches: [], cursor: '3' } });
    expect(calls).toHaveLength(3);
  });

  it('passes a failure through', async () => {
    const problem = { status: 500, title: 'x', detail: 'x', fieldErrors: {}, retryAfterSeconds: null };
    const result = await scanForMatches(async () => ({ ok: false, problem }), forC1, undefined, 1, 3);
    expect(result).toEqual({ ok: false, problem });
  });
});
