/**
 * The bridge's test-only control channel: a separate socket.io namespace that tests and demos
 * use to steer the signal source. A bridge serves it only when started with `--control`
 * (`control: true`); a real car never does. Types and constants only, so any test can use them
 * without importing the bridge.
 */

export const CONTROL_NAMESPACE = '/control';
/** The event that carries a control message; the bridge answers through the socket.io ack. */
export const CONTROL_EVENT = 'control';

export type ControlMessage =
  /** Writes one value, checked against VSS like any other: a VISS string or a native value. */
  | { op: 'set'; path: string; value: string | number | boolean }
  /** Stops the source from writing (values stay as they are) until resumed. */
  | { op: 'pause-source' }
  | { op: 'resume-source' }
  /** Replaces the running source with a simulator scenario, starting from a clean signal set. */
  | { op: 'scenario'; name: string };

export type ControlReply = { ok: true } | { ok: false; error: string };
