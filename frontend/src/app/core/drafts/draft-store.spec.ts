import { DraftStore, draftKey } from './draft-store';

class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  get length(): number {
    return this.items.size;
  }
  clear(): void {
    this.items.clear();
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
}

describe('DraftStore', () => {
  let storage: MemoryStorage;
  let drafts: DraftStore;

  beforeEach(() => {
    jest.useFakeTimers();
    storage = new MemoryStorage();
    drafts = new DraftStore(storage);
  });

  afterEach(() => jest.useRealTimers());

  it('keys drafts by user, scope and record', () => {
    expect(draftKey('u1', 'reply', 't1')).toBe('bw.draft.u1.reply.t1');
    expect(draftKey('u1', 'new-ticket')).toBe('bw.draft.u1.new-ticket');
    expect(draftKey('u2', 'reply', 't1')).not.toBe(draftKey('u1', 'reply', 't1'));
  });

  it('writes once the user pauses, and reads the waiting value before that', () => {
    const key = draftKey('u1', 'reply', 't1');
    drafts.write(key, 'Hel');
    drafts.write(key, 'Hello');
    expect(storage.getItem(key)).toBeNull();
    expect(drafts.read(key)).toBe('Hello');
    jest.advanceTimersByTime(400);
    expect(storage.getItem(key)).toBe('"Hello"');
    expect(new DraftStore(storage).read(key)).toBe('Hello');
  });

  it('flushes at once on demand', () => {
    drafts.write('k', { title: 'Printer' });
    drafts.flushAll();
    expect(JSON.parse(storage.getItem('k') ?? 'null')).toEqual({ title: 'Printer' });
  });

  it('removes a draft that became empty, and one that was cleared', () => {
    drafts.write('k', 'text');
    drafts.flush('k');
    drafts.write('k', '   ');
    drafts.flush('k');
    expect(storage.getItem('k')).toBeNull();
    drafts.write('k', 'again');
    drafts.clear('k');
    jest.advanceTimersByTime(1000);
    expect(storage.getItem('k')).toBeNull();
    expect(drafts.read('k')).toBeNull();
  });

  it('survives storage that is missing or full', () => {
    const full = new MemoryStorage();
    full.setItem = () => {
      throw new Error('QuotaExceededError');
    };
    const store = new DraftStore(full);
    store.write('k', 'text');
    expect(() => store.flush('k')).not.toThrow();
    const none = new DraftStore(null);
    none.write('k', 'text');
    expect(none.read('k')).toBe('text');
    none.flush('k');
    expect(none.read('k')).toBeNull();
  });

  it('treats unreadable stored text as no draft', () => {
    storage.setItem('k', '{not json');
    expect(drafts.read('k')).toBeNull();
  });
});
