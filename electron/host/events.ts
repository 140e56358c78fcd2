import type { HostEvent } from '../../common/hostApi/channels.ts';
import type { EventPayload } from '../../common/hostApi/contract.ts';

export type HostEventListener = (event: HostEvent, payload: unknown) => void;

/** Fan-out of host events to every connected transport (IPC window, browser sockets). */
export class HostEventBus {
  private readonly listeners = new Set<HostEventListener>();

  subscribe(listener: HostEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<E extends HostEvent>(event: E, payload: EventPayload<E>): void {
    for (const listener of this.listeners) {
      try {
        listener(event, payload);
      } catch {
        // One broken transport must not stop the others from hearing the event.
      }
    }
  }
}
