import type { DestroyRef } from '@angular/core';
import { pressName, type PressTarget } from './shortcut-keys';
import { type Press, ShortcutService } from './shortcut.service';

class FakeDestroyRef implements DestroyRef {
  private readonly callbacks: (() => void)[] = [];
  destroyed = false;
  onDestroy(callback: () => void): () => void {
    this.callbacks.push(callback);
    return () => undefined;
  }
  destroy(): void {
    this.callbacks.forEach((callback) => callback());
  }
}

const BODY: PressTarget = { tagName: 'BODY' };

describe('ShortcutService', () => {
  let listener: (press: Press) => void;
  let dialog: boolean;
  let service: ShortcutService;
  let ref: FakeDestroyRef;

  function press(key: string, init: Partial<Press> = {}): Press & { prevented: boolean } {
    const event = {
      key,
      shiftKey: false,
      ctrlKey: false,
      altKey: false,
      metaKey: false,
      repeat: false,
      defaultPrevented: false,
      target: BODY,
      prevented: false,
      preventDefault() {
        this.prevented = true;
      },
      ...init,
    };
    listener(event);
    return event;
  }

  beforeEach(() => {
    dialog = false;
    service = new ShortcutService({ listen: (handler) => (listener = handler), dialogOpen: () => dialog });
    ref = new FakeDestroyRef();
  });

  it('names presses as the shortcuts spell them', () => {
    const keys = { shiftKey: false, ctrlKey: false, altKey: false, metaKey: false };
    expect(pressName({ ...keys, key: 'r' })).toBe('r');
    expect(pressName({ ...keys, key: 'C', shiftKey: true })).toBe('Shift+C');
    expect(pressName({ ...keys, key: '?', shiftKey: true })).toBe('?');
    expect(pressName({ ...keys, key: 'r', ctrlKey: true })).toBeNull();
    expect(pressName({ ...keys, key: 'Enter' })).toBeNull();
  });

  it('runs the bound key from its one listener, and stops once its owner is gone', () => {
    const run = jest.fn();
    service.bind([{ keys: 'r', run }], ref);
    expect(press('r').prevented).toBe(true);
    expect(run).toHaveBeenCalledTimes(1);
    ref.destroy();
    expect(press('r').prevented).toBe(false);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('tells Shift+C from c, and ignores presses with Ctrl or Meta and repeats', () => {
    const close = jest.fn();
    service.bind([{ keys: 'Shift+C', run: close }], ref);
    press('c');
    press('C', { shiftKey: true, ctrlKey: true });
    press('C', { shiftKey: true, metaKey: true });
    press('C', { shiftKey: true, repeat: true });
    expect(close).not.toHaveBeenCalled();
    press('C', { shiftKey: true });
    expect(close).toHaveBeenCalledTimes(1);
  });

  it('leaves keys typed into text fields alone', () => {
    const run = jest.fn();
    service.bind([{ keys: 'n', run }], ref);
    for (const target of [
      { tagName: 'INPUT', type: 'text' },
      { tagName: 'INPUT', type: 'search' },
      { tagName: 'TEXTAREA' },
      { tagName: 'SELECT' },
      { tagName: 'DIV', isContentEditable: true },
    ]) {
      expect(press('n', { target }).prevented).toBe(false);
    }
    expect(run).not.toHaveBeenCalled();
    press('n', { target: { tagName: 'INPUT', type: 'checkbox' } });
    press('n', { target: { tagName: 'BUTTON' } });
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('while a dialog is open, runs only the bindings made for dialogs', () => {
    const page = jest.fn();
    const forDialog = jest.fn();
    service.bind(
      [
        { keys: 'e', run: page },
        { keys: 'x', run: forDialog, inDialog: true },
      ],
      ref,
    );
    dialog = true;
    press('e');
    press('x');
    expect(page).not.toHaveBeenCalled();
    expect(forDialog).toHaveBeenCalledTimes(1);
  });

  it('lets the latest binding of a key win', () => {
    const global = jest.fn();
    const page = jest.fn();
    service.bind([{ keys: 'n', run: global }], ref);
    service.bind([{ keys: 'n', run: page }], ref);
    press('n');
    expect(page).toHaveBeenCalledTimes(1);
    expect(global).not.toHaveBeenCalled();
  });

  it('runs a two-key sequence when the second key follows in time', () => {
    const go = jest.fn();
    const at = (key: string, now: number) => service.handle({ ...press('Escape'), key }, now);
    service.bind([{ keys: 'g t', run: go }], ref);
    at('g', 1000);
    at('t', 1500);
    expect(go).toHaveBeenCalledTimes(1);
    at('g', 5000);
    at('t', 9000);
    expect(go).toHaveBeenCalledTimes(1);
  });
});
