import { describe, expect, it } from 'vitest';
import { confirmDiscard, guardUnload } from './unloadGuard';

type Listener = (event: { preventDefault: () => void }) => void;

function stubContents() {
  const listeners = new Map<string, Listener>();
  return {
    contents: { on: (name: string, fn: Listener) => listeners.set(name, fn) } as never,
    fire(name: string): boolean {
      let prevented = false;
      listeners.get(name)?.({ preventDefault: () => (prevented = true) });
      return prevented;
    },
  };
}

function stubDialog(choice: number) {
  const calls: { message: string; buttons: string[]; cancelId: number }[] = [];
  const dialog = {
    showMessageBoxSync: (...args: unknown[]) => {
      calls.push(args[args.length - 1] as (typeof calls)[number]);
      return choice;
    },
  };
  return { dialog: dialog as never, calls };
}

describe('unsaved changes on window close', () => {
  it('unloads only when the user chooses to discard', () => {
    const s = stubContents();
    const { dialog } = stubDialog(1);
    guardUnload(
      s.contents,
      confirmDiscard(
        dialog,
        () => undefined,
        () => 'en',
      ),
    );
    // preventDefault on will-prevent-unload is what lets the page go.
    expect(s.fire('will-prevent-unload')).toBe(true);
  });

  it('keeps the window and its form when the user stays or dismisses the dialog', () => {
    const s = stubContents();
    const { dialog, calls } = stubDialog(0);
    guardUnload(
      s.contents,
      confirmDiscard(
        dialog,
        () => undefined,
        () => 'en',
      ),
    );
    expect(s.fire('will-prevent-unload')).toBe(false);
    expect(calls[0]?.cancelId).toBe(0);
  });

  it('asks in the language the user chose', () => {
    const { dialog, calls } = stubDialog(0);
    confirmDiscard(
      dialog,
      () => undefined,
      () => 'lt',
    )();
    confirmDiscard(
      dialog,
      () => undefined,
      () => 'en',
    )();
    expect(calls[0]?.message).toBe('Yra neišsaugotų pakeitimų.');
    expect(calls[0]?.buttons).toEqual(['Likti', 'Uždaryti neišsaugojus']);
    expect(calls[1]?.message).toBe('There are unsaved changes.');
  });
});
