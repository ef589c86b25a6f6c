import type { TicketDto } from '@bw/sdk';
import { BULK_MAX_IDS, chunk, failedOutcomes, idempotencyKey, outcomeOf, reportOf } from './ticket-bulk';

const ticket = (id: string, number: number, title: string) => ({ id, number, title }) as TicketDto;
const known = new Map([
  ['t1', ticket('t1', 1041, 'Printer jams')],
  ['t2', ticket('t2', 1042, 'Printer smokes')],
]);

describe('bulk changes', () => {
  it('sends at most 100 ids a request, in order', () => {
    const ids = Array.from({ length: 250 }, (_, i) => `id${i}`);
    const parts = chunk(ids);
    expect(BULK_MAX_IDS).toBe(100);
    expect(parts.map((p) => p.length)).toEqual([100, 100, 50]);
    expect(parts.flat()).toEqual(ids);
    expect(chunk([])).toEqual([]);
  });

  it('reads each result: a changed ticket, or the problem’s detail', () => {
    const after = ticket('t1', 1041, 'Printer jams');
    expect(outcomeOf({ id: 't1', status: 200, ticket: after })).toEqual({
      id: 't1',
      ok: true,
      status: 200,
      ticket: after,
    });
    expect(outcomeOf({ id: 't3', status: 204 })).toEqual({ id: 't3', ok: true, status: 204 });
    expect(
      outcomeOf({
        id: 't2',
        status: 409,
        problem: { type: 'about:blank', title: 'Conflict', status: 409, detail: 'The ticket is already closed' },
      }),
    ).toEqual({ id: 't2', ok: false, status: 409, detail: 'The ticket is already closed' });
  });

  it('adds the outcomes up: "8 closed, 2 failed", the failures named by number and title', () => {
    const outcomes = [
      ...Array.from({ length: 8 }, (_, i) => ({ id: `ok${i}`, ok: true, status: 200 })),
      { id: 't2', ok: false, status: 409, detail: 'The ticket is already closed' },
      { id: 'gone', ok: false, status: 404, detail: 'Ticket not found' },
    ];
    const report = reportOf('close', outcomes, known);
    expect(report.summary).toBe('8 closed, 2 failed');
    expect(report.succeeded).toBe(8);
    expect(report.failures).toEqual([
      { id: 't2', label: '#1042 Printer smokes', detail: 'The ticket is already closed' },
      { id: 'gone', label: 'Ticket gone', detail: 'Ticket not found' },
    ]);
    expect(reportOf('delete', [{ id: 't1', ok: true, status: 204 }], known).summary).toBe('1 deleted');
    expect(reportOf('reopen', [{ id: 't1', ok: false, status: 409, detail: 'x' }], known).summary).toBe('1 failed');
  });

  it('a request refused as a whole fails each of its tickets with that problem', () => {
    const problem = {
      status: 0,
      title: 'Offline',
      detail: 'Could not reach the server',
      fieldErrors: {},
      retryAfterSeconds: null,
    };
    expect(failedOutcomes(['t1', 't2'], problem)).toEqual([
      { id: 't1', ok: false, status: 0, detail: 'Could not reach the server' },
      { id: 't2', ok: false, status: 0, detail: 'Could not reach the server' },
    ]);
  });

  it('makes a new idempotency key each time', () => {
    const a = idempotencyKey();
    expect(a).toMatch(/^[0-9a-f-]{32,36}$/);
    expect(idempotencyKey()).not.toBe(a);
  });
});
