import type { Channel, ChannelInput, ChannelOutput } from './contract';
import type { IpcResult } from './result';

type Split<S extends string> = S extends `${infer A}.${infer B}` ? [A, B] : never;
type AreaOf<C extends Channel> = Split<C>[0];
type MethodOf<C extends Channel> = Split<C>[1];

/** The shape of `window.sauga`: `window.sauga.vault.unlock(input)` for channel `vault.unlock`. */
export type SaugaApi = {
  [A in AreaOf<Channel>]: {
    [C in Channel as AreaOf<C> extends A ? MethodOf<C> : never]: (
      input: ChannelInput<C>,
    ) => Promise<IpcResult<ChannelOutput<C>>>;
  };
};

/**
 * Builds the API object from channel names and one transport function. Used by preload (over
 * ipcRenderer.invoke) and by the end-to-end host (over a Playwright binding), so both expose
 * exactly the contract's channels and nothing else.
 */
export function buildApi(
  channelNames: readonly string[],
  invoke: (channel: string, input: unknown) => Promise<unknown>,
): SaugaApi {
  const api: Record<string, Record<string, (input: unknown) => Promise<unknown>>> = {};
  for (const name of channelNames) {
    const [area, method] = name.split('.') as [string, string];
    api[area] ??= {};
    api[area][method] = (input: unknown) => invoke(name, input);
  }
  return api as unknown as SaugaApi;
}
