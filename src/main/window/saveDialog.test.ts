import { describe, expect, it } from 'vitest';
import { saveDialogChooser } from './saveDialog';

type Opts = { defaultPath?: string };

function stubDialog(answer: { canceled: boolean; filePath?: string }) {
  const calls: Opts[] = [];
  const dialog = {
    showSaveDialog: async (...args: unknown[]) => {
      calls.push(args[args.length - 1] as Opts);
      return { canceled: answer.canceled, filePath: answer.filePath ?? '' };
    },
  };
  return { dialog: dialog as never, calls };
}

describe('save dialog', () => {
  it('returns the path the user chose', async () => {
    const { dialog, calls } = stubDialog({ canceled: false, filePath: '/home/ona/scan.pdf' });
    expect(await saveDialogChooser(dialog, () => undefined)('scan.pdf')).toBe('/home/ona/scan.pdf');
    expect(calls[0]?.defaultPath).toBe('scan.pdf');
  });

  it('returns nothing when the user cancels', async () => {
    const { dialog } = stubDialog({ canceled: true });
    expect(await saveDialogChooser(dialog, () => undefined)('scan.pdf')).toBeUndefined();
  });

  it('suggests only a base name, never a stored path', async () => {
    const { dialog, calls } = stubDialog({ canceled: true });
    await saveDialogChooser(dialog, () => undefined)('../../etc/passwd');
    await saveDialogChooser(dialog, () => undefined)('C:\\Windows\\x.pdf');
    await saveDialogChooser(dialog, () => undefined)('..');
    expect(calls.map((c) => c.defaultPath)).toEqual(['passwd', 'x.pdf', 'attachment']);
  });
});
