import type { BrowserWindow, Dialog, WebContents } from 'electron';
import type { Language } from '../../shared/vault';

/**
 * Electron does not ask the user when a page's beforeunload handler objects: it silently keeps
 * the window open. The renderer objects while a form has unsaved changes, so closing the
 * window asks here, in the user's language, and closes only if they choose to discard.
 */
const TEXT: Record<Language, { message: string; detail: string; leave: string; stay: string }> = {
  lt: {
    message: 'Yra neišsaugotų pakeitimų.',
    detail: 'Jei uždarysite langą, neišsaugoti pakeitimai bus prarasti.',
    leave: 'Uždaryti neišsaugojus',
    stay: 'Likti',
  },
  en: {
    message: 'There are unsaved changes.',
    detail: 'If you close the window, the unsaved changes will be lost.',
    leave: 'Close without saving',
    stay: 'Stay',
  },
};

export function confirmDiscard(
  dialog: Pick<Dialog, 'showMessageBoxSync'>,
  getWindow: () => BrowserWindow | undefined,
  language: () => Language,
): () => boolean {
  return () => {
    const t = TEXT[language()];
    const options = {
      type: 'warning' as const,
      buttons: [t.stay, t.leave],
      defaultId: 0,
      cancelId: 0,
      noLink: true,
      title: 'Sauga',
      message: t.message,
      detail: t.detail,
    };
    const win = getWindow();
    const choice = win ? dialog.showMessageBoxSync(win, options) : dialog.showMessageBoxSync(options);
    return choice === 1;
  };
}

/** Let the page unload (close or reload) only when the user confirms the loss. */
export function guardUnload(contents: Pick<WebContents, 'on'>, confirm: () => boolean): void {
  contents.on('will-prevent-unload', (event) => {
    if (confirm()) event.preventDefault();
  });
}
