import { z } from 'zod';
import { issueLines } from '../common/validation.ts';
import { isKnownPath } from '../common/vss/signals.ts';
import type { VssPath } from '../common/vss/signals.ts';
import { VISS_ERRORS } from '../common/viss/types.ts';
import type { ErrorResponse, VissAction, VissErrorKind } from '../common/viss/types.ts';

/**
 * Turns one inbound VISS message (an object, or a JSON string of one) into a checked request,
 * or into the VISS error object to send back. Never throws: the input is whatever a client sent.
 */

export const MAX_MESSAGE_BYTES = 16 * 1024;
export const MIN_PERIOD_MS = 10;
export const MAX_PERIOD_MS = 60_000;

const ACTIONS: readonly VissAction[] = ['get', 'subscribe', 'unsubscribe'];

/** The checked form of a subscribe filter; change/range variants join this union later. */
export type SubscriptionFilter = { variant: 'timebased'; periodMs: number };

export type BridgeRequest =
  | { action: 'get'; requestId: string; path: VssPath }
  | { action: 'subscribe'; requestId: string; path: VssPath; filter: SubscriptionFilter }
  | { action: 'unsubscribe'; requestId: string; subscriptionId: string };

export type ParseOutcome =
  { ok: true; request: BridgeRequest } | { ok: false; error: ErrorResponse };

export interface ErrorContext {
  action?: VissAction | undefined;
  requestId?: string | undefined;
  subscriptionId?: string | undefined;
}

export function errorResponse(
  kind: VissErrorKind,
  description: string,
  context: ErrorContext = {},
  now: Date = new Date(),
): ErrorResponse {
  const { number, reason } = VISS_ERRORS[kind];
  return {
    ...(context.action ? { action: context.action } : {}),
    ...(context.requestId ? { requestId: context.requestId } : {}),
    ...(context.subscriptionId ? { subscriptionId: context.subscriptionId } : {}),
    error: { number, reason, description },
    ts: now.toISOString(),
  };
}

const requestIdSchema = z.string().min(1).max(128);
// Dotted VSS names; wildcards and branch queries are not served.
const pathSchema = z
  .string()
  .max(256)
  .regex(/^[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*$/, 'must be a dotted VSS leaf path');

const getSchema = z.object({
  action: z.literal('get'),
  path: pathSchema,
  requestId: requestIdSchema,
});

const periodSchema = z
  .string({ error: 'must be a string of milliseconds, e.g. "100"' })
  .regex(/^\d{1,6}$/, 'must be a string of milliseconds, e.g. "100"')
  .transform(Number)
  .pipe(
    z
      .number()
      .min(MIN_PERIOD_MS, `must be at least ${MIN_PERIOD_MS} ms`)
      .max(MAX_PERIOD_MS, `must be at most ${MAX_PERIOD_MS} ms`),
  );

const timebasedSchema = z.object({
  variant: z.literal('timebased'),
  parameter: z.object({ period: periodSchema }),
});

const subscribeSchema = z.object({
  action: z.literal('subscribe'),
  path: pathSchema,
  requestId: requestIdSchema,
  filter: z.unknown().optional(),
});

const unsubscribeSchema = z.object({
  action: z.literal('unsubscribe'),
  subscriptionId: z.string().min(1).max(64),
  requestId: requestIdSchema,
});

function describe(error: z.ZodError, under?: string): string {
  return issueLines(error)
    .map(({ path, message }) => {
      const where = under ? (path === '(root)' ? under : `${under}.${path}`) : path;
      return `${where}: ${message}`;
    })
    .join('; ');
}

/** UTF-8 size of the message as sent; undefined when it is not JSON at all (BigInt, cycles). */
function byteLength(raw: unknown): number | undefined {
  if (typeof raw === 'string') return Buffer.byteLength(raw, 'utf8');
  try {
    const text = JSON.stringify(raw) as string | undefined;
    return text === undefined ? undefined : Buffer.byteLength(text, 'utf8');
  } catch {
    return undefined;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Only the timebased filter is served for now; other variants get a clear refusal. */
function parseFilter(
  filter: unknown,
): { ok: true; filter: SubscriptionFilter } | { ok: false; why: string } {
  const refuse = (why: string) => ({ ok: false as const, why });
  if (filter === undefined) {
    return refuse(
      'subscribe needs a filter, e.g. {"variant":"timebased","parameter":{"period":"100"}}',
    );
  }
  if (Array.isArray(filter)) {
    return refuse('filter lists are not supported yet; send one timebased filter');
  }
  if (
    isPlainObject(filter) &&
    typeof filter.variant === 'string' &&
    filter.variant !== 'timebased'
  ) {
    const shown = JSON.stringify(filter.variant.slice(0, 32));
    return refuse(`filter variant ${shown} is not supported yet (supported: timebased)`);
  }
  const parsed = timebasedSchema.safeParse(filter);
  if (!parsed.success) return { ok: false, why: describe(parsed.error, 'filter') };
  return { ok: true, filter: { variant: 'timebased', periodMs: parsed.data.parameter.period } };
}

function parseAction(
  message: Record<string, unknown>,
  context: ErrorContext,
  now: Date,
): ParseOutcome {
  const bad = (description: string): ParseOutcome => ({
    ok: false,
    error: errorResponse('badRequest', description, context, now),
  });
  const unknownPath = (path: string): ParseOutcome => ({
    ok: false,
    error: errorResponse(
      'unavailableData',
      `unknown signal path ${JSON.stringify(path)}`,
      context,
      now,
    ),
  });

  switch (context.action) {
    case 'get': {
      if (message.filter !== undefined) return bad('filters on get are not supported yet');
      const parsed = getSchema.safeParse(message);
      if (!parsed.success) return bad(describe(parsed.error));
      const { path, requestId } = parsed.data;
      if (!isKnownPath(path)) return unknownPath(path);
      return { ok: true, request: { action: 'get', requestId, path } };
    }
    case 'subscribe': {
      const parsed = subscribeSchema.safeParse(message);
      if (!parsed.success) return bad(describe(parsed.error));
      const { path, requestId } = parsed.data;
      const filter = parseFilter(parsed.data.filter);
      if (!filter.ok) return bad(filter.why);
      if (!isKnownPath(path)) return unknownPath(path);
      return { ok: true, request: { action: 'subscribe', requestId, path, filter: filter.filter } };
    }
    case 'unsubscribe': {
      const parsed = unsubscribeSchema.safeParse(message);
      if (!parsed.success) return bad(describe(parsed.error));
      const { requestId, subscriptionId } = parsed.data;
      return { ok: true, request: { action: 'unsubscribe', requestId, subscriptionId } };
    }
    default:
      return bad('unreachable: action checked before');
  }
}

export function parseInbound(raw: unknown, now: Date = new Date()): ParseOutcome {
  const bad = (description: string, context: ErrorContext = {}): ParseOutcome => ({
    ok: false,
    error: errorResponse('badRequest', description, context, now),
  });

  // Echo what can be echoed, so the client can match the error to its request.
  const contextOf = (message: Record<string, unknown>): ErrorContext => ({
    action: ACTIONS.find((a) => a === message.action),
    requestId: requestIdSchema.safeParse(message.requestId).data,
  });

  const size = byteLength(raw);
  if (size === undefined) return bad('message must be a JSON object');
  if (size > MAX_MESSAGE_BYTES) {
    const context = isPlainObject(raw) ? contextOf(raw) : {};
    return bad(`message is ${size} bytes; the limit is ${MAX_MESSAGE_BYTES}`, context);
  }
  let message: unknown = raw;
  if (typeof raw === 'string') {
    try {
      message = JSON.parse(raw);
    } catch {
      return bad('message is not valid JSON');
    }
  }
  if (!isPlainObject(message)) return bad('message must be a JSON object');

  const context = contextOf(message);
  const { action, requestId } = context;
  if (message.action === undefined) return bad('action is required', context);
  if (!action) {
    const shown =
      typeof message.action === 'string'
        ? JSON.stringify(message.action.slice(0, 32))
        : 'a non-string';
    return bad(`unknown action ${shown}; supported: ${ACTIONS.join(', ')}`, context);
  }
  if (requestId === undefined) {
    return bad('requestId is required: a non-empty string of at most 128 characters', context);
  }
  return parseAction(message, context, now);
}
