import type { HostEvent } from '../../common/hostApi/channels.ts';
import { hostEvents, type EventPayload } from '../../common/hostApi/contract.schema.ts';
import { issueLines } from '../../common/validation.ts';

export type HostEventListener = (event: HostEvent, payload: unknown) => void;

/** A payload that breaks its event's schema: a host bug, reported instead of sent. */
export class InvalidHostEvent extends Error {
  constructor(event: HostEvent, why: string) {
    super(`Host event ${event} breaks its schema: ${why}`);
    this.name = 'InvalidHostEvent';
  }
}

/**
 * Fan-out of host events to every connected transport (IPC window, browser sockets). Payloads are
 * checked against the contract's event schemas when emitted, so the renderer can trust what it
 * hears as it trusts replies, and a broken payload is caught where it was made.
 */
export class HostEventBus {
  private readonly listeners = new Set<HostEventListener>();

  private readonly onInvalid: (error: InvalidHostEvent) => void;

  constructor(onInvalid: (error: InvalidHostEvent) => void = () => {}) {
    this.onInvalid = onInvalid;
  }

  subscribe(listener: HostEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<E extends HostEvent>(event: E, payload: EventPayload<E>): void {
    const checked = hostEvents[event].safeParse(payload);
    if (!checked.success) {
      const why = issueLines(checked.error)
        .map((l) => `${l.path}: ${l.message}`)
        .join('; ');
      this.onInvalid(new InvalidHostEvent(event, why));
      return;
    }
    for (const listener of this.listeners) {
      try {
        listener(event, checked.data);
      } catch {
        // One broken transport must not stop the others from hearing the event.
      }
    }
  }
}
