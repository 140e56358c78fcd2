/**
 * Sandboxed preload: exposes `window.dashport` (one named function per host channel, plus `on`)
 * and never ipcRenderer itself. Bundled as CommonJS; imports nothing but electron and our code.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { TRANSPORT } from '../../common/hostApi/channels.ts';
import { buildNamedHostApi } from '../../common/hostApi/client.ts';
import { createEventHub } from './eventHub.ts';
import { createIpcTransport } from './transport.ts';

const hub = createEventHub((event, error) =>
  console.error(`dashport: listener for ${event} failed`, error),
);

// The single listener on the event channel; the IpcRendererEvent stops here.
ipcRenderer.on(TRANSPORT.event, (_event, name: unknown, payload: unknown) =>
  hub.dispatch(name, payload),
);

const transport = createIpcTransport(
  (channel, input) => ipcRenderer.invoke(TRANSPORT.invoke, channel, input),
  hub,
);

contextBridge.exposeInMainWorld('dashport', buildNamedHostApi(transport));
