import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../components';

interface Guard {
  setDirty: (key: string, dirty: boolean) => void;
  /** Resolves true when nothing is unsaved, or the user agreed to drop it. */
  confirmLeave: () => Promise<boolean>;
}

const GuardContext = createContext<Guard>({ setDirty: () => undefined, confirmLeave: async () => true });

/**
 * Unsaved changes: forms report whether they are dirty; moving away inside the app asks first,
 * and so does closing or reloading the window (beforeunload).
 */
export function UnsavedChangesGuard({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const dirty = useRef(new Set<string>());
  const [asking, setAsking] = useState<((leave: boolean) => void) | null>(null);

  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (dirty.current.size > 0) event.preventDefault();
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, []);

  const setDirty = useCallback((key: string, isDirty: boolean) => {
    if (isDirty) dirty.current.add(key);
    else dirty.current.delete(key);
  }, []);

  const confirmLeave = useCallback(
    () =>
      dirty.current.size === 0 ? Promise.resolve(true) : new Promise<boolean>((resolve) => setAsking(() => resolve)),
    [],
  );

  const answer = (leave: boolean) => {
    if (leave) dirty.current.clear();
    asking?.(leave);
    setAsking(null);
  };

  const value = useMemo(() => ({ setDirty, confirmLeave }), [setDirty, confirmLeave]);
  return (
    <GuardContext.Provider value={value}>
      {children}
      <ConfirmDialog
        isOpen={asking !== null}
        title={t('guard.title')}
        confirmLabel={t('guard.leave')}
        cancelLabel={t('guard.stay')}
        onConfirm={() => answer(true)}
        onCancel={() => answer(false)}
        tone="danger"
      >
        <p>{t('guard.body')}</p>
      </ConfirmDialog>
    </GuardContext.Provider>
  );
}

export const useConfirmLeave = () => useContext(GuardContext).confirmLeave;

/** Reports a form's dirtiness to the guard while the form is on screen. */
export function useDirtyFlag(key: string, isDirty: boolean): void {
  const { setDirty } = useContext(GuardContext);
  useEffect(() => {
    setDirty(key, isDirty);
    return () => setDirty(key, false);
  }, [key, isDirty, setDirty]);
}
