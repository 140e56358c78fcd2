import { TEST_CONTROL_TOKEN } from '../support/controlToken.ts';
import { io } from 'socket.io-client';
import type { Socket } from 'socket.io-client';
import { CONTROL_EVENT, CONTROL_NAMESPACE } from '../../common/viss/control.ts';
import type { ControlMessage, ControlReply } from '../../common/viss/control.ts';
import { VISS_EVENT } from '../../common/viss/types.ts';
import type { VissData, VissServerMessage } from '../../common/viss/types.ts';

/** Helpers for bridge tests that talk to a real bridge over socket.io, as any client would. */

export const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
export type Message = VissServerMessage & Record<string, unknown>;

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function until(
  check: () => boolean,
  timeoutMs = 2000,
  what = 'condition',
): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`${what} not met within ${timeoutMs} ms`);
    await sleep(10);
  }
}

/** A plain socket.io-client speaking VISS on the `viss` event, keeping everything it receives. */
export class VissClient {
  readonly socket: Socket;
  readonly inbox: Message[] = [];
  private waiters: { match: (m: Message) => boolean; resolve: (m: Message) => void }[] = [];

  constructor(url: string, transports: string[] | undefined = ['websocket']) {
    this.socket = io(url, {
      forceNew: true,
      reconnection: false,
      ...(transports ? { transports } : {}),
    });
    this.socket.on(VISS_EVENT, (message: Message) => {
      this.inbox.push(message);
      this.waiters = this.waiters.filter((w) => {
        if (!w.match(message)) return true;
        w.resolve(message);
        return false;
      });
    });
  }

  connected(): Promise<void> {
    if (this.socket.connected) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.socket.once('connect', () => resolve());
      this.socket.once('connect_error', reject);
    });
  }

  send(message: unknown): void {
    this.socket.emit(VISS_EVENT, message);
  }

  /** The first message, already received or still to come, that matches. */
  next(match: (m: Message) => boolean, timeoutMs = 2000): Promise<Message> {
    const seen = this.inbox.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no matching message')), timeoutMs);
      this.waiters.push({
        match,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m);
        },
      });
    });
  }

  reply(requestId: string, timeoutMs = 2000): Promise<Message> {
    return this.next((m) => m.requestId === requestId && m.action !== 'subscription', timeoutMs);
  }

  /** Sends a subscribe and returns the new subscription id (throws on an error reply). */
  async subscribe(
    path: string,
    filter: unknown,
    requestId = `s-${Math.random()}`,
  ): Promise<string> {
    this.send({ action: 'subscribe', path, filter, requestId });
    const reply = await this.reply(requestId);
    if (typeof reply.subscriptionId !== 'string' || 'error' in reply) {
      throw new Error(`subscribe refused: ${JSON.stringify(reply)}`);
    }
    return reply.subscriptionId;
  }

  notifications(subscriptionId: string): Message[] {
    return this.inbox.filter(
      (m) => m.action === 'subscription' && m.subscriptionId === subscriptionId,
    );
  }

  /** The data of each notification of a subscription, as sent (an object, or an array). */
  data(subscriptionId: string): (VissData | VissData[])[] {
    return this.notifications(subscriptionId).map((m) => m.data as VissData | VissData[]);
  }

  /** Values notified for a single-path subscription, in order. */
  values(subscriptionId: string): string[] {
    return this.notifications(subscriptionId).map((m) => (m.data as VissData).dp.value);
  }

  close(): void {
    this.socket.close();
  }
}

/** A client of the test-only control namespace. */
export class ControlClient {
  readonly socket: Socket;

  constructor(url: string, token: string = TEST_CONTROL_TOKEN) {
    this.socket = io(`${url}${CONTROL_NAMESPACE}`, {
      forceNew: true,
      reconnection: false,
      transports: ['websocket'],
      auth: { token },
    });
  }

  connected(): Promise<void> {
    if (this.socket.connected) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.socket.once('connect', () => resolve());
      this.socket.once('connect_error', reject);
    });
  }

  send(message: ControlMessage | Record<string, unknown>): Promise<ControlReply> {
    return this.socket.timeout(2000).emitWithAck(CONTROL_EVENT, message) as Promise<ControlReply>;
  }

  close(): void {
    this.socket.close();
  }
}

export const timebased = (period: number) => ({
  variant: 'timebased',
  parameter: { period: String(period) },
});
export const change = (op: string, diff: string) => ({
  variant: 'change',
  parameter: { 'logic-op': op, diff },
});
export const paths = (parameter: string | string[]) => ({ variant: 'paths', parameter });
