/**
 * Binds the host API to Electron IPC generically: one invoke handler for every channel, one
 * event channel for every host event. No per-channel code; the host validates channel and input.
 * Written against the small structural types below, which Electron's objects satisfy, so the
 * binding is exercised in tests with the real host and no Electron binary.
 */
import { TRANSPORT, type HostEvent } from '../../common/hostApi/channels.ts';
import type { HostEnvelope } from '../../common/hostApi/errors.ts';
import type { Host } from '../host/host.ts';
import { ipcRequestCheck, isAppUrl, type IpcCheck, type IpcSender } from './security.ts';

/** The part of `WebFrameMain` the sender check reads. */
export interface FrameLike {
  readonly url: string;
  readonly parent: FrameLike | null;
}

/** The part of `IpcMainInvokeEvent` the handler reads. */
export interface InvokeEventLike {
  readonly senderFrame: FrameLike | null;
}

export interface IpcMainLike {
  handle(
    channel: string,
    listener: (event: InvokeEventLike, ...args: unknown[]) => Promise<HostEnvelope>,
  ): void;
  removeHandler(channel: string): void;
}

/** The part of `WebContents` events are sent to. */
export interface EventTargetLike {
  isDestroyed(): boolean;
  getURL(): string;
  send(channel: string, ...args: unknown[]): void;
}

/**
 * Reads who sent a message. A frame that navigated away or was disposed can throw on access
 * (Electron); that counts as no sender, which the check refuses.
 */
export function senderOf(event: InvokeEventLike): IpcSender {
  try {
    const frame = event.senderFrame;
    if (!frame) return { senderUrl: null, isMainFrame: false };
    return { senderUrl: frame.url, isMainFrame: frame.parent === null };
  } catch {
    return { senderUrl: null, isMainFrame: false };
  }
}

/** The reply a refused sender gets: a typed `forbidden` envelope, never a thrown error. */
export function forbiddenEnvelope(check: Exclude<IpcCheck, { ok: true }>): HostEnvelope {
  const message =
    check.reason === 'untrusted-sender'
      ? 'Host calls are accepted only from the app’s own top-level page'
      : 'Unknown IPC channel';
  return { ok: false, error: { code: 'forbidden', message } };
}

/** Events go only to contents still showing the app; anything else (if it ever got there) hears nothing. */
export function shouldForwardEvent(target: { destroyed: boolean; url: string }): boolean {
  return !target.destroyed && isAppUrl(target.url);
}

export interface IpcBindingOptions {
  ipcMain: IpcMainLike;
  host: Pick<Host, 'dispatch' | 'events'>;
  /** The contents that may receive host events (the kiosk window's). */
  targets: () => Iterable<EventTargetLike>;
  onRefused?: (reason: string, senderUrl: string | null) => void;
}

/** Installs the invoke handler and event forwarding; returns the function that removes both. */
export function bindHostToIpc(options: IpcBindingOptions): () => void {
  const { ipcMain, host } = options;
  ipcMain.handle(TRANSPORT.invoke, async (event, channel, input) => {
    const sender = senderOf(event);
    const check = ipcRequestCheck(TRANSPORT.invoke, sender);
    if (!check.ok) {
      options.onRefused?.(check.reason, sender.senderUrl);
      return forbiddenEnvelope(check);
    }
    try {
      return await host.dispatch(channel, input);
    } catch {
      // dispatch does not throw by contract; this keeps a broken promise from reaching the renderer.
      return {
        ok: false,
        error: { code: 'internal', message: 'The host could not complete the call' },
      };
    }
  });

  const unsubscribe = host.events.subscribe((name: HostEvent, payload: unknown) => {
    for (const target of options.targets()) {
      const destroyed = target.isDestroyed();
      if (!shouldForwardEvent({ destroyed, url: destroyed ? '' : target.getURL() })) continue;
      target.send(TRANSPORT.event, name, payload);
    }
  });

  let bound = true;
  return () => {
    if (!bound) return;
    bound = false;
    unsubscribe();
    ipcMain.removeHandler(TRANSPORT.invoke);
  };
}
