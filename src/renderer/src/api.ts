import type { SaugaApi } from '../../shared/ipc/api';
import type { IpcResult } from '../../shared/ipc/result';
import { ErrorCode } from '../../shared/errors';

type AnyMethod = (input: unknown) => Promise<IpcResult<unknown>>;

const lockedListeners = new Set<() => void>();

/** Called whenever any call answers LOCKED: the session is gone, whoever asked. */
export function onLocked(listener: () => void): () => void {
  lockedListeners.add(listener);
  return () => lockedListeners.delete(listener);
}

const transportFailure: IpcResult<never> = {
  ok: false,
  error: { code: ErrorCode.Internal, message: 'the call did not reach the application' },
};

/**
 * Wraps every contract function so the UI sees one kind of answer: a rejected promise (the
 * bridge itself failing) becomes INTERNAL, and LOCKED is broadcast to the app shell.
 */
function wrap(raw: SaugaApi): SaugaApi {
  const out: Record<string, Record<string, AnyMethod>> = {};
  for (const [area, methods] of Object.entries(raw as unknown as Record<string, Record<string, AnyMethod>>)) {
    const wrapped: Record<string, AnyMethod> = {};
    for (const [name, fn] of Object.entries(methods)) {
      wrapped[name] = async (input) => {
        let result: IpcResult<unknown>;
        try {
          result = await fn(input);
        } catch {
          return transportFailure;
        }
        if (!result.ok && result.error.code === ErrorCode.Locked) lockedListeners.forEach((l) => l());
        return result;
      };
    }
    out[area] = Object.freeze(wrapped);
  }
  return Object.freeze(out) as unknown as SaugaApi;
}

// Built by preload from the IPC contract; absent when the page is opened anywhere else. Not
// declared on the global Window type, so no other module can reach it without a cast.
const bridge = (window as unknown as { sauga?: SaugaApi }).sauga;

/** The only door to the application. Undefined when the window has no bridge. */
export const api: SaugaApi | undefined = bridge ? wrap(bridge) : undefined;

/** For code that only runs after the app checked that the bridge exists. */
export function sauga(): SaugaApi {
  if (!api) throw new Error('window.sauga is missing');
  return api;
}
