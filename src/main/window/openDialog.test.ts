import { describe, expect, it } from 'vitest';
import { openDialogChooser } from './openDialog';

type Opts = { properties?: string[]; filters?: { extensions: string[] }[] };

function stubDialog(answer: { canceled: boolean; filePaths?: string[] }) {
  const calls: Opts[] = [];
  const dialog = {
    showOpenDialog: async (...args: unknown[]) => {
      calls.push(args[args.length - 1] as Opts);
      return { canceled: answer.canceled, filePaths: answer.filePaths ?? [] };
    },
  };
  return { dialog: dialog as never, calls };
}

describe('open dialog', () => {
  it('returns the one file the user chose, offering only that kind of file', async () => {
    const { dialog, calls } = stubDialog({ canceled: false, filePaths: ['/home/ona/summary.age'] });
    expect(await openDialogChooser(dialog, () => undefined)('summaryPackage')).toBe('/home/ona/summary.age');
    expect(calls[0]?.properties).toEqual(['openFile']);
    expect(calls[0]?.filters?.[0]?.extensions).toEqual(['age']);
  });

  it('returns nothing when the user cancels', async () => {
    const { dialog } = stubDialog({ canceled: true, filePaths: ['/tmp/x.zip'] });
    expect(await openDialogChooser(dialog, () => undefined)('directory')).toBeUndefined();
  });
});
