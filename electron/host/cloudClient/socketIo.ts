import type { io as ioType } from 'socket.io-client';
import lookup from 'socket.io-client/dist/socket.io.js';

/**
 * socket.io-client's self-contained build, which speaks WebSocket through the runtime's global
 * WebSocket (Node >= 22 and Electron's main process have one). The package's Node entry pulls
 * in `ws` and CommonJS shims that the ESM main bundle must not carry; the wire protocol is the
 * same. Only the websocket transport is used, so no XMLHttpRequest is needed.
 */
export const io = lookup as unknown as typeof ioType;
export type { Socket } from 'socket.io-client';
