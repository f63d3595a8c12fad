import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, powerMonitor, protocol, session, type Session } from 'electron';
import { AppCore } from '../core/app';
import { channels } from '../shared/ipc/contract';
import { createIpcInvoker } from './ipc/handlers';
import { coreConfig } from './services';
import { APP_ORIGIN } from './window/appUrl';
import { wireAutoLock } from './window/autoLock';
import { registerIpc } from './window/ipc';
import { logFailure } from './window/log';
import { createMainWindow } from './window/mainWindow';
import { installApplicationMenu } from './window/menu';
import { guardAllWebContents } from './window/navigation';
import { privilegedSchemes, registerAppProtocol } from './window/protocol';
import { openDialogChooser } from './window/openDialog';
import { saveDialogChooser } from './window/saveDialog';
import { confirmDiscard, guardUnload } from './window/unloadGuard';
import { hardenSession } from './window/session';
import { claimSingleInstance } from './window/singleInstance';

// Composition root: builds core and wires the hardened shell around it. No business rules.

// Every renderer is OS-sandboxed, even one created by a path we did not foresee.
app.enableSandbox();
// Must run before 'ready'; app:// is the renderer's only origin.
protocol.registerSchemesAsPrivileged(privilegedSchemes());

let mainWindow: BrowserWindow | undefined;
const hardened = new WeakSet<Session>();

async function harden(s: Session): Promise<void> {
  if (hardened.has(s)) return;
  hardened.add(s);
  await hardenSession(s, { allowDevtools: !app.isPackaged });
}

async function start(): Promise<void> {
  const config = coreConfig({
    userData: app.getPath('userData'),
    appPath: app.getAppPath(),
    resourcesPath: process.resourcesPath,
    isPackaged: app.isPackaged,
    version: app.getVersion(),
  });
  // The node_modules copy is a Node-ABI build: without ours, every unlock would fail later
  // with an internal error, so an incomplete installation stops here and says so.
  if (app.isPackaged && !config.nativeBinding) {
    dialog.showErrorBox(
      'Sauga',
      'This installation is incomplete (resources/native/better_sqlite3.node is missing). Please reinstall Sauga.',
    );
    app.exit(1);
    return;
  }
  const core = new AppCore({
    ...config,
    chooseSavePath: saveDialogChooser(dialog, () => mainWindow),
    chooseOpenPath: openDialogChooser(dialog, () => mainWindow),
  });

  await harden(session.defaultSession);
  installApplicationMenu(Menu, process.platform, app.isPackaged);
  registerAppProtocol(protocol, join(__dirname, '../renderer'));

  const invoke = createIpcInvoker(core, {
    allowedOrigins: [APP_ORIGIN],
    onInternalError: (channel, e) => logFailure(`internal error on ${channel}`, e),
  });
  registerIpc(ipcMain, invoke, channels);

  const { window, loaded } = createMainWindow(BrowserWindow, {
    preloadPath: join(__dirname, '../preload/index.js'),
    isPackaged: app.isPackaged,
  });
  mainWindow = window;
  guardUnload(
    window.webContents,
    confirmDiscard(
      dialog,
      () => mainWindow,
      () => core.language(),
    ),
  );
  window.on('closed', () => {
    mainWindow = undefined;
  });

  wireAutoLock(powerMonitor, core, () => mainWindow, {
    onError: (e) => logFailure('lock failed', e),
  });
  // Quitting closes the database and zeroes the key like any other lock. Not on before-quit:
  // that comes before the windows close, and a user who then keeps a window with unsaved
  // changes open would be left with a locked vault and a form that can no longer be saved.
  app.on('will-quit', () => {
    try {
      core.lock();
    } catch (e) {
      logFailure('lock on quit failed', e);
    }
  });

  await loaded;
}

// Electron's default handler shows the message and stack in a dialog; those may quote case
// data. Log the kind only, and end the process, which also drops the key from memory.
process.on('uncaughtException', (e) => {
  logFailure('uncaught exception', e);
  app.exit(1);
});
process.on('unhandledRejection', (e) => {
  logFailure('unhandled rejection', e);
});

if (claimSingleInstance(app, () => mainWindow)) {
  guardAllWebContents(app);
  // Any session Electron makes later gets the same denials and request filter.
  app.on('session-created', (s) => {
    harden(s).catch((e: unknown) => logFailure('could not harden a session', e));
  });
  app.on('window-all-closed', () => app.quit());
  app
    .whenReady()
    .then(start)
    .catch((e: unknown) => {
      logFailure('failed to start', e);
      app.exit(1);
    });
}
