import type { Readable, Writable } from 'node:stream';

/**
 * The Chrome DevTools Protocol over Chromium's --remote-debugging-pipe: JSON messages ended by a
 * NUL byte, commands on the browser's fd 3, answers and events on its fd 4. Only what the kiosk
 * watchdog needs: commands with their answers, and events by name.
 */
export interface CdpPipe {
  send(method: string, params?: object, sessionId?: string): Promise<Record<string, unknown>>;
  on(event: string, handler: (params: Record<string, unknown>) => void): void;
}

interface Message {
  id?: number;
  method?: string;
  params?: Record<string, unknown>;
  result?: Record<string, unknown>;
  error?: { message?: string };
}

export function cdpPipe(toBrowser: Writable, fromBrowser: Readable): CdpPipe {
  let nextId = 1;
  const pending = new Map<
    number,
    { resolve: (r: Record<string, unknown>) => void; reject: (e: Error) => void }
  >();
  const handlers = new Map<string, ((params: Record<string, unknown>) => void)[]>();
  let buffered = '';
  fromBrowser.setEncoding('utf8');
  fromBrowser.on('data', (chunk: string) => {
    buffered += chunk;
    let end: number;
    while ((end = buffered.indexOf('\0')) >= 0) {
      const text = buffered.slice(0, end);
      buffered = buffered.slice(end + 1);
      let message: Message;
      try {
        message = JSON.parse(text) as Message;
      } catch {
        continue; // Not ours to crash on: the browser wrote something unreadable.
      }
      if (message.id !== undefined) {
        const waiting = pending.get(message.id);
        pending.delete(message.id);
        if (message.error) waiting?.reject(new Error(message.error.message ?? 'CDP error'));
        else waiting?.resolve(message.result ?? {});
      } else if (message.method) {
        for (const handler of handlers.get(message.method) ?? []) handler(message.params ?? {});
      }
    }
  });
  const closed = () => {
    for (const { reject } of pending.values()) reject(new Error('the browser closed its pipe'));
    pending.clear();
  };
  fromBrowser.on('close', closed);
  fromBrowser.on('error', closed);
  return {
    send(method, params = {}, sessionId) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        toBrowser.write(`${JSON.stringify({ id, method, params, sessionId })}\0`);
      });
    },
    on(event, handler) {
      handlers.set(event, [...(handlers.get(event) ?? []), handler]);
    },
  };
}
