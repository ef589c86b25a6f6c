import { InvalidFieldError } from '../errors/domain-error';
import { CursorCodec, toPage } from './cursor';

describe('CursorCodec', () => {
  const codec = new CursorCodec('test-key');
  const position = { createdAt: new Date('2026-01-02T03:04:05.678Z'), id: '1b4e28ba-2fa1-4d3b-a3f5-ef19b5a7633b' };

  it('round-trips a position for the same list', () => {
    expect(codec.decode(codec.encode(position, 'tickets:all'), 'tickets:all')).toEqual(position);
  });

  it('rejects a cursor issued for another list', () => {
    expect(() => codec.decode(codec.encode(position, 'tickets:all'), 'tickets:incoming')).toThrow(InvalidFieldError);
  });

  it('rejects an edited payload, a foreign key and garbage', () => {
    const [payload, signature] = codec.encode(position, 's').split('.');
    const edited = Buffer.from(JSON.stringify(['2030-01-01T00:00:00.000Z', position.id])).toString('base64url');
    expect(() => codec.decode(`${edited}.${signature}`, 's')).toThrow(InvalidFieldError);
    expect(() => new CursorCodec('other-key').decode(`${payload}.${signature}`, 's')).toThrow(InvalidFieldError);
    for (const bad of ['', '.', 'abc', 'a.b.c', `${payload}.`])
      expect(() => codec.decode(bad, 's')).toThrow(InvalidFieldError);
  });

  it('names the cursor field in the error', () => {
    try {
      codec.decode('nope', 's');
    } catch (error) {
      expect((error as InvalidFieldError).field).toBe('cursor');
    }
    expect.assertions(1);
  });
});

describe('toPage', () => {
  const codec = new CursorCodec('k');
  const rows = [3, 2, 1].map((n) => ({ createdAt: new Date(n * 1000), id: `id-${n}` }));

  it('cuts limit + 1 rows to a page with a cursor at the last row', () => {
    const page = toPage(rows, 2, codec, 's', (r) => r.id);
    expect(page.items).toEqual(['id-3', 'id-2']);
    expect(codec.decode(page.nextCursor!, 's')).toEqual(rows[1]);
  });

  it('has no cursor on the last page', () => {
    expect(toPage(rows, 3, codec, 's', (r) => r.id)).toEqual({ items: ['id-3', 'id-2', 'id-1'], nextCursor: null });
  });
});
