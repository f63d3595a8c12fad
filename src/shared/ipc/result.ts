import type { AppErrorData } from '../errors';

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };
