/**
 * COVESA VISS v3 message objects as the bridge carries them over socket.io. Types only (plus a
 * few constants) so the renderer can use them without pulling in a validator.
 */

/** The one socket.io event that carries VISS messages, in both directions. */
export const VISS_EVENT = 'viss';

/** A data point: the value as a string, and when it was sampled (ISO 8601 UTC, ending in Z). */
export interface DataPoint {
  value: string;
  ts: string;
}

export interface VissData {
  path: string;
  dp: DataPoint;
}

export interface VissError {
  /** HTTP-like status, as a string in VISS ("404"). */
  number: string;
  reason: string;
  description: string;
}

// Filters -------------------------------------------------------------------------------------

export interface TimebasedFilter {
  variant: 'timebased';
  /** period: milliseconds as a string, e.g. "100". */
  parameter: { period: string };
}

export type ChangeLogicOp = 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte';

export interface ChangeFilter {
  variant: 'change';
  parameter: { 'logic-op': ChangeLogicOp; diff: string };
}

export interface RangeBoundary {
  /** VISS examples spell the operator "logic-op"; the core text calls it "boundary-op". */
  'logic-op'?: ChangeLogicOp;
  'boundary-op'?: ChangeLogicOp;
  boundary: string;
  /** Only on the first of two boundaries; AND when absent. */
  'combination-op'?: 'AND' | 'OR';
}

export interface RangeFilter {
  variant: 'range';
  /** One boundary, or two for a band. */
  parameter: RangeBoundary | RangeBoundary[];
}

export interface PathsFilter {
  variant: 'paths';
  /** Paths relative to the request path; `*` stands for one path segment. */
  parameter: string | string[];
}

export type SubscribeFilter = TimebasedFilter | ChangeFilter | RangeFilter;

// Requests (client -> bridge) -----------------------------------------------------------------

export interface GetRequest {
  action: 'get';
  path: string;
  requestId: string;
  filter?: PathsFilter | [PathsFilter];
  authorization?: string;
}

export interface SubscribeRequest {
  action: 'subscribe';
  path: string;
  filter: SubscribeFilter | [SubscribeFilter, PathsFilter] | [PathsFilter, SubscribeFilter];
  requestId: string;
  authorization?: string;
}

export interface UnsubscribeRequest {
  action: 'unsubscribe';
  subscriptionId: string;
  requestId: string;
}

export type VissRequest = GetRequest | SubscribeRequest | UnsubscribeRequest;
export type VissAction = VissRequest['action'];

// Responses and notifications (bridge -> client) ----------------------------------------------

/** `data` is an array when the request used a paths filter, one object otherwise. */
export interface GetResponse {
  action: 'get';
  requestId: string;
  ts: string;
  data: VissData | VissData[];
}

export interface SubscribeResponse {
  action: 'subscribe';
  requestId: string;
  subscriptionId: string;
  ts: string;
}

export interface UnsubscribeResponse {
  action: 'unsubscribe';
  requestId: string;
  subscriptionId: string;
  ts: string;
}

/**
 * A failed request. `action` and `requestId` are echoed when the request carried them in a
 * usable form; a message that could not be read at all gets neither.
 */
export interface ErrorResponse {
  action?: VissAction;
  requestId?: string;
  subscriptionId?: string;
  error: VissError;
  ts: string;
}

/** `data` is an array when the subscription used a paths filter, one object otherwise. */
export interface SubscriptionNotification {
  action: 'subscription';
  subscriptionId: string;
  ts: string;
  data: VissData | VissData[];
}

/** Sent on a subscription when it fails after it was set up. */
export interface SubscriptionErrorNotification {
  action: 'subscription';
  subscriptionId: string;
  ts: string;
  error: VissError;
}

export type VissResponse = GetResponse | SubscribeResponse | UnsubscribeResponse | ErrorResponse;
export type VissServerMessage =
  VissResponse | SubscriptionNotification | SubscriptionErrorNotification;

// Errors --------------------------------------------------------------------------------------

/** The VISS v3 error catalogue; `description` is the default text, servers may be more precise. */
export const VISS_ERRORS = {
  badRequest: { number: '400', reason: 'bad_request', description: 'The request is malformed.' },
  invalidData: {
    number: '400',
    reason: 'invalid_data',
    description: 'Data present in the request does not conform to the VSS rules.',
  },
  invalidToken: { number: '401', reason: 'invalid_token', description: 'Access token is invalid.' },
  forbiddenRequest: {
    number: '403',
    reason: 'forbidden_request',
    description: 'The server refuses the request.',
  },
  unavailableData: { number: '404', reason: 'unavailable_data', description: 'Data is unknown.' },
  requestTimeout: {
    number: '408',
    reason: 'request_timeout',
    description: 'The server timed out waiting for the request.',
  },
  tooManyRequests: {
    number: '429',
    reason: 'too_many_requests',
    description: 'The client has sent too many requests in a given amount of time.',
  },
  serviceUnavailable: {
    number: '503',
    reason: 'service_unavailable',
    description: 'The server is temporarily unable to handle the request.',
  },
} as const satisfies Record<string, VissError>;

export type VissErrorKind = keyof typeof VISS_ERRORS;
