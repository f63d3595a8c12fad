import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { InvokeContext } from '../ipc/handlers';

type Invoke = (channel: string, rawInput: unknown, ctx: InvokeContext) => Promise<unknown>;

/**
 * One ipcMain.handle per contract channel and never a generic channel, so the renderer can
 * only ask for what the contract names. The sending frame's URL goes to the invoker, which
 * refuses any origin but app://sauga.
 */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  invoke: Invoke,
  channelNames: readonly string[],
): () => void {
  for (const channel of channelNames) {
    // Only the first argument is input; anything else the renderer sends is ignored.
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, input: unknown) =>
      invoke(channel, input, { senderUrl: event.senderFrame?.url }),
    );
  }
  return () => {
    for (const channel of channelNames) ipcMain.removeHandler(channel);
  };
}
