import type { VssPath } from '../vss/signals.ts';
import type {
  ChangeFilter,
  GetRequest,
  SubscribeFilter,
  SubscribeRequest,
  TimebasedFilter,
  UnsubscribeRequest,
} from './types.ts';

/** The root every VSS path starts under. */
const VSS_ROOT = 'Vehicle';

/*
 * VISS request builders for the renderer, the bridge's tests and tools alike: one spelling of the
 * message shapes, and the path is a known VSS leaf by type.
 */

export function getRequest(path: VssPath, requestId: string): GetRequest {
  return { action: 'get', path, requestId };
}

export function subscribeRequest(
  path: VssPath,
  filter: SubscribeFilter,
  requestId: string,
): SubscribeRequest {
  return { action: 'subscribe', path, filter, requestId };
}

/**
 * Several leaves in one subscription: a VISS paths filter relative to `Vehicle` beside the
 * trigger. The bridge then notifies them together, one message per trigger instead of one per leaf.
 */
export function subscribeManyRequest(
  paths: readonly VssPath[],
  trigger: SubscribeFilter,
  requestId: string,
): SubscribeRequest {
  const relative = paths.map((path) => path.slice(VSS_ROOT.length + 1));
  return {
    action: 'subscribe',
    path: VSS_ROOT,
    filter: [trigger, { variant: 'paths', parameter: relative }],
    requestId,
  };
}

export function unsubscribeRequest(subscriptionId: string, requestId: string): UnsubscribeRequest {
  return { action: 'unsubscribe', subscriptionId, requestId };
}

/** A notification every `periodMs`, whether or not the value changed (a heartbeat). */
export function everyMs(periodMs: number): TimebasedFilter {
  return { variant: 'timebased', parameter: { period: String(periodMs) } };
}

/** A notification on every change of the value, however small. */
export const ON_ANY_CHANGE: ChangeFilter = {
  variant: 'change',
  parameter: { 'logic-op': 'ne', diff: '0' },
};
