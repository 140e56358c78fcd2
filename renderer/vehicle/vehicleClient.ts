import { io, type Socket } from 'socket.io-client';
import { SIGNAL, isKnownPath, type VssPath } from '../../common/vss/signals.ts';
import { subscribeManyRequest, subscribeRequest } from '../../common/viss/requests.ts';
import { VISS_EVENT } from '../../common/viss/types.ts';
import { parseVissValue } from '../../common/vss/values.ts';
import type { AppStore } from '../store/appStore.ts';
import type { SignalMap, SignalSample } from '../store/vehicleSlice.ts';
import { BOOT_MARK, markBoot } from '../ui/bootMarks.ts';
import { createLinkCounter } from './linkStats.ts';
import { BUTTON_SUBSCRIPTION, DRIVE_STATE_PATHS, SUBSCRIPTION_GROUPS } from './subscriptions.ts';

const BUTTON_REQUEST = 'sub-button';
const BUTTON_POLL_REQUEST = 'sub-button-poll';

export interface VehicleClient {
  close(): void;
  /** Incoming values that failed validation, for diagnostics. */
  readonly rejected: number;
}

/** The bridge's client token: none, known, or still to come from the host. */
export type BridgeToken = string | null | Promise<string | null>;

/**
 * Talks VISS to the bridge directly (lowest latency). Values are validated against VSS metadata,
 * batched and applied once per frame, and forgotten when the bridge goes away: unknown, never stale.
 */
export function connectVehicle(
  bridgeUrl: string,
  store: AppStore,
  token: BridgeToken = null,
): VehicleClient {
  const socket: Socket = io(bridgeUrl, {
    transports: ['websocket'],
    // The connection opens at once and shows the token when it has it: at start-up the bridge's
    // handshake runs alongside the host's answer instead of after it.
    auth: (send) => void Promise.resolve(token).then((t) => send(t === null ? {} : { token: t })),
    reconnectionDelay: 250,
    reconnectionDelayMax: 4000,
    randomizationFactor: 0.3,
  });
  let pending: SignalMap = {};
  let flushScheduled = false;
  const link = createLinkCounter();
  store.getState().setLink(link);
  /** Last steering-wheel button value passed on; only changes go to the store. */
  let button: string | number | boolean | undefined;
  // Staleness is checked on a timer, not on arrival: the point is to notice when nothing arrives.
  const staleTimer = setInterval(() => store.getState().expireStale(performance.now()), 100);

  const flush = () => {
    flushScheduled = false;
    const batch = pending;
    pending = {};
    store.getState().applySamples(batch);
    markBoot(BOOT_MARK.firstSample);
  };

  socket.on('connect', () => {
    markBoot(BOOT_MARK.bridgeConnected);
    link.connected();
    store.getState().setBridgeStatus('connected');
    // The bridge forgets subscriptions with the connection, so every (re)connect subscribes anew.
    for (const group of SUBSCRIPTION_GROUPS) {
      socket.emit(VISS_EVENT, subscribeManyRequest(group.paths, group.filter, group.requestId));
    }
    socket.emit(
      VISS_EVENT,
      subscribeRequest(BUTTON_SUBSCRIPTION.path, BUTTON_SUBSCRIPTION.filter, BUTTON_REQUEST),
    );
  });
  socket.on('disconnect', () => {
    pending = {};
    button = undefined;
    store.getState().setBridgeStatus('disconnected');
    store.getState().clearSignals();
  });
  socket.on(VISS_EVENT, (message: unknown) => {
    const read = readMessage(message);
    if (read.kind === 'reply') {
      if (read.failed) subscribeInstead(read.requestId);
      return;
    }
    link.message(performance.now());
    if (read.kind === 'invalid') {
      link.rejected(null);
      return;
    }
    let driveEdge = false;
    let queued = false;
    for (const item of read.items) {
      if (!item.ok) {
        link.rejected(item.path);
        continue;
      }
      const { path, sample } = item;
      if (path === BUTTON_SUBSCRIPTION.path) {
        // A press is an edge of this value: applied at once, not merged into the frame's batch
        // where a quick press and release would cancel out. Repeats (the poll) are dropped.
        if (sample.value !== button) {
          button = sample.value;
          store.getState().applySamples({ [path]: sample });
        }
        continue;
      }
      if (DRIVE_STATE_PATHS.has(path) && isDriveEdge(store, path, sample)) driveEdge = true;
      pending[path] = sample;
      queued = true;
    }
    // Anything that may change the drive state is applied now, together with what is pending.
    if (driveEdge) flush();
    else if (queued && !flushScheduled) {
      flushScheduled = true;
      requestAnimationFrame(flush);
    }
  });

  /** A bridge that refuses a request: what the app can still have without it. */
  const subscribeInstead = (requestId: unknown) => {
    // Without change filters: the button is polled, and its edges are the events.
    if (requestId === BUTTON_REQUEST) {
      socket.emit(
        VISS_EVENT,
        subscribeRequest(
          BUTTON_SUBSCRIPTION.path,
          BUTTON_SUBSCRIPTION.fallback,
          BUTTON_POLL_REQUEST,
        ),
      );
      return;
    }
    // Without paths filters (optional in VISS): one subscription per leaf.
    const group = SUBSCRIPTION_GROUPS.find((g) => g.requestId === requestId);
    group?.paths.forEach((path, i) => {
      socket.emit(VISS_EVENT, subscribeRequest(path, group.filter, `${group.requestId}-${i}`));
    });
  };

  return {
    close: () => {
      clearInterval(staleTimer);
      socket.close();
    },
    get rejected() {
      return link.snapshot(performance.now()).rejected;
    },
  };
}

/** True when a sample would change what the drive state is computed from (not merely a new speed). */
function isDriveEdge(store: AppStore, path: VssPath, sample: SignalSample): boolean {
  const held = store.getState().signals[path]?.value;
  if (held === undefined) return true;
  if (path === SIGNAL.speed) return (held === 0) !== (sample.value === 0);
  return held !== sample.value;
}

type Item = { ok: true; path: VssPath; sample: SignalSample } | { ok: false; path: string | null };

type Read =
  | { kind: 'data'; items: Item[] }
  | { kind: 'reply'; requestId: unknown; failed: boolean }
  | { kind: 'invalid' };

/**
 * Accepts only well-formed notifications, each data point checked on its own (a paths-filter
 * subscription carries several): a valid VSS value of a path the app asked for. Replies to our
 * own requests are not data.
 */
function readMessage(message: unknown): Read {
  if (typeof message !== 'object' || message === null) return { kind: 'invalid' };
  const m = message as Record<string, unknown>;
  if (m.action !== 'subscription') {
    return m.action === 'subscribe'
      ? { kind: 'reply', requestId: m.requestId, failed: m.error !== undefined }
      : { kind: 'invalid' };
  }
  if (Array.isArray(m.data)) {
    return m.data.length > 0
      ? { kind: 'data', items: m.data.map(readDataPoint) }
      : { kind: 'invalid' };
  }
  return { kind: 'data', items: [readDataPoint(m.data)] };
}

function readDataPoint(data: unknown): Item {
  const d = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  const dp = d.dp as Record<string, unknown> | undefined;
  const path = typeof d.path === 'string' ? d.path : null;
  if (path === null || typeof dp?.value !== 'string' || typeof dp.ts !== 'string') {
    return { ok: false, path };
  }
  const ts = Date.parse(dp.ts);
  const parsed = parseVissValue(path, dp.value);
  // A path the app never asked for is not data either (and cannot index the store).
  if (!Number.isFinite(ts) || !parsed.ok || !isKnownPath(path)) return { ok: false, path };
  return { ok: true, path, sample: { value: parsed.value, ts, receivedAt: performance.now() } };
}
