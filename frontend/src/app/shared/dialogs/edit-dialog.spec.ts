import { Subject } from 'rxjs';
import { type DialogHandle, EditDialog, type EditDialogResult, RecordDialog } from './edit-dialog';

interface Doc {
  readonly id: string;
  readonly version: number;
}

interface Result {
  readonly doc: Doc;
  readonly saved: boolean;
}

class FakeRef implements DialogHandle<Result> {
  disableClose: boolean | undefined = false;
  readonly backdrop = new Subject<unknown>();
  readonly keys = new Subject<KeyboardEvent>();
  readonly closed: (Result | undefined)[] = [];
  backdropClick() {
    return this.backdrop;
  }
  keydownEvents() {
    return this.keys;
  }
  close(result?: Result) {
    this.closed.push(result);
  }
}

const v1: Doc = { id: 'd1', version: 1 };
const v2: Doc = { id: 'd1', version: 2 };

function open(record: Doc | null, latest: Doc | null = v2) {
  const ref = new FakeRef();
  const fetched: string[] = [];
  const dialog = new EditDialog<Doc, Result>(ref, {
    record,
    fetch: async (id) => {
      fetched.push(id);
      return latest;
    },
    result: (doc, saved) => ({ doc, saved }),
  });
  return { ref, dialog, fetched };
}

describe('EditDialog (reload on 409)', () => {
  it('closes only through close(): Escape and a click outside included', () => {
    const { ref } = open(v1);
    expect(ref.disableClose).toBe(true);
    ref.keys.next({ key: 'a' } as KeyboardEvent);
    expect(ref.closed).toEqual([]);
    ref.keys.next({ key: 'Escape' } as KeyboardEvent);
    ref.backdrop.next(undefined);
    expect(ref.closed).toEqual([undefined, undefined]);
  });

  it('reloads the latest version after a conflict and hands it to the page when the user then leaves', async () => {
    const { ref, dialog, fetched } = open(v1);
    await expect(dialog.reload()).resolves.toEqual(v2);
    expect(fetched).toEqual(['d1']);
    expect(dialog.record()).toEqual(v2);
    dialog.close();
    expect(ref.closed).toEqual([{ doc: v2, saved: false }]);
  });

  it('keeps the version on screen when the reload fails, and closes with nothing', async () => {
    const { ref, dialog } = open(v1, null);
    await expect(dialog.reload()).resolves.toBeNull();
    expect(dialog.record()).toEqual(v1);
    dialog.close();
    expect(ref.closed).toEqual([undefined]);
  });

  it('has nothing to reload while creating', async () => {
    const { dialog, fetched } = open(null);
    await expect(dialog.reload()).resolves.toBeNull();
    expect(fetched).toEqual([]);
  });

  it('saves the edit of the latest version and closes with the saved record', async () => {
    const { ref, dialog } = open(v1);
    await dialog.reload();
    const edited: Doc[] = [];
    await dialog.save({
      update: async (doc) => {
        edited.push(doc);
        return { id: doc.id, version: 3 };
      },
    });
    expect(edited).toEqual([v2]);
    expect(ref.closed).toEqual([{ doc: { id: 'd1', version: 3 }, saved: true }]);
  });

  it('creates a new record, stays open when the save fails, and just closes when nothing changed', async () => {
    const creating = open(null);
    await creating.dialog.save({ create: async () => v1, update: () => null });
    expect(creating.ref.closed).toEqual([{ doc: v1, saved: true }]);

    const failing = open(v1);
    await failing.dialog.save({ update: async () => null });
    expect(failing.ref.closed).toEqual([]);

    const unchanged = open(v1);
    await unchanged.dialog.save({ update: () => null });
    expect(unchanged.ref.closed).toEqual([undefined]);
  });
});

describe('EditDialog (unsaved edits)', () => {
  function openWithEdits(edits: boolean, answers: boolean[]) {
    const ref = new FakeRef();
    const asked: number[] = [];
    let release: (() => void) | null = null;
    const dialog = new EditDialog<Doc, Result>(ref, {
      record: v1,
      fetch: async () => v2,
      result: (doc, saved) => ({ doc, saved }),
      unsaved: {
        hasEdits: () => edits,
        confirmDiscard: () =>
          new Promise<boolean>((resolve) => {
            asked.push(asked.length);
            const answer = answers.shift() ?? false;
            release = () => resolve(answer);
          }),
      },
    });
    return { ref, dialog, asked, answer: () => release?.() };
  }

  it('asks before Escape or a click outside drops edits, and stays open when the user keeps them', async () => {
    const { ref, dialog, asked, answer } = openWithEdits(true, [false, true, true]);
    const kept = dialog.dismiss();
    expect(asked).toEqual([0]);
    answer();
    await kept;
    expect(ref.closed).toEqual([]);

    ref.backdrop.next(undefined);
    expect(asked).toEqual([0, 1]);
    answer();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(ref.closed).toEqual([undefined]);

    ref.keys.next({ key: 'Escape' } as KeyboardEvent);
    expect(asked).toEqual([0, 1, 2]);
  });

  it('closes at once when there is nothing unsaved', async () => {
    const { ref, dialog, asked } = openWithEdits(false, []);
    await dialog.dismiss();
    expect(asked).toEqual([]);
    expect(ref.closed).toEqual([undefined]);
  });
});

describe('RecordDialog (a form value through the editor store)', () => {
  class FakeEditor {
    readonly calls: string[] = [];
    fetch = async (id: string) => ({ id, version: 9 });
    create = async (body: string) => {
      this.calls.push(`create ${body}`);
      return { id: 'new', version: 1 };
    };
    update = async (id: string, body: string) => {
      this.calls.push(`update ${id} ${body}`);
      return { id, version: 2 };
    };
  }
  const bodies = {
    create: (value: string) => `c:${value}`,
    update: (doc: Doc, value: string) => (value ? `u:${value}@${doc.version}` : null),
  };

  function openRecord(record: Doc | null) {
    const ref = new FakeRef() as unknown as DialogHandle<EditDialogResult<Doc>> & { closed: unknown[] };
    const editor = new FakeEditor();
    return { ref, editor, dialog: new RecordDialog<Doc, string, string, string>(ref, record, editor, bodies) };
  }

  it('creates from the value, or updates the record being edited, and closes with the saved record', async () => {
    const creating = openRecord(null);
    await creating.dialog.submit('x');
    expect(creating.editor.calls).toEqual(['create c:x']);
    expect(creating.ref.closed).toEqual([{ record: { id: 'new', version: 1 }, saved: true }]);

    const editing = openRecord(v1);
    await editing.dialog.submit('y');
    expect(editing.editor.calls).toEqual(['update d1 u:y@1']);
    expect(editing.ref.closed).toEqual([{ record: { id: 'd1', version: 2 }, saved: true }]);
  });

  it('just closes when the update body says nothing changed, and hands a reloaded record back', async () => {
    const unchanged = openRecord(v1);
    await unchanged.dialog.submit('');
    expect(unchanged.editor.calls).toEqual([]);
    expect(unchanged.ref.closed).toEqual([undefined]);

    const reloaded = openRecord(v1);
    await reloaded.dialog.reload();
    reloaded.dialog.close();
    expect(reloaded.ref.closed).toEqual([{ record: { id: 'd1', version: 9 }, saved: false }]);
  });
});
