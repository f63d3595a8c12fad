import { contextBridge, ipcRenderer } from 'electron';
import { buildApi } from '../shared/ipc/api';
import { preloadChannelNames } from './channels';

// One named function per contract channel and nothing else: never ipcRenderer, a generic
// invoke, or any Node object. Main checks the origin and parses every input anyway.
contextBridge.exposeInMainWorld(
  'sauga',
  buildApi(preloadChannelNames, (channel, input) => ipcRenderer.invoke(channel, input)),
);
