import { useCallback, useEffect, useState } from 'react';
import type { ErrorCode } from '../../../shared/errors';
import type { IpcResult } from '../../../shared/ipc/result';

/**
 * What a screen shows from core: asked for on mount and again on reload(). A refusal shows as
 * an error; the screen's own actions report theirs through setError. `request` must keep its
 * identity between renders (defined outside the component, or memoised).
 */
export function useLoad<T>(request: () => Promise<IpcResult<T>>): {
  value: T | null;
  error: ErrorCode | null;
  setError: (code: ErrorCode | null) => void;
  reload: () => Promise<void>;
} {
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<ErrorCode | null>(null);
  const reload = useCallback(async (): Promise<void> => {
    const r = await request();
    if (r.ok) setValue(r.value);
    else setError(r.error.code);
  }, [request]);
  useEffect(() => {
    // reload() sets state only when core answers.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void reload();
  }, [reload]);
  return { value, error, setError, reload };
}
