import { z } from 'zod';
import { issueLines } from '../common/validation.ts';
import { isKnownPath } from '../common/vss/signals.ts';
import type { VssPath } from '../common/vss/signals.ts';
import { VISS_ERRORS } from '../common/viss/types.ts';
import type { ErrorResponse, VissAction, VissErrorKind } from '../common/viss/types.ts';
import { checkFilterFits, parseFilters } from './filters.ts';
import type { SubscriptionFilter } from './filters.ts';
import { resolvePaths } from './paths.ts';

/**
 * Turns one inbound VISS message (an object, or a JSON string of one) into a checked request,
 * or into the VISS error object to send back. Never throws: the input is whatever a client sent.
 */

export const MAX_MESSAGE_BYTES = 16 * 1024;

const ACTIONS: readonly VissAction[] = ['get', 'subscribe', 'unsubscribe'];

/**
 * `paths` are the leaves the request addresses; `multi` is true when a paths filter was used,
 * and then `data` in answers and notifications is an array.
 */
export interface Target {
  path: string;
  paths: VssPath[];
  multi: boolean;
}

export type BridgeRequest =
  | ({ action: 'get'; requestId: string } & Target)
  | ({ action: 'subscribe'; requestId: string; filter: SubscriptionFilter } & Target)
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
// Dotted VSS names; VISS forbids wildcards in the request path (they belong in a paths filter).
const pathSchema = z
  .string()
  .max(256)
  .regex(/^[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*$/, 'must be a dotted VSS path');

const readSchema = z.object({
  action: z.enum(['get', 'subscribe']),
  path: pathSchema,
  requestId: requestIdSchema,
  filter: z.unknown().optional(),
});

const unsubscribeSchema = z.object({
  action: z.literal('unsubscribe'),
  subscriptionId: z.string().min(1).max(64),
  requestId: requestIdSchema,
});

function describe(error: z.ZodError): string {
  return issueLines(error)
    .map(({ path, message }) => `${path}: ${message}`)
    .join('; ');
}

/** UTF-8 size of the message as sent; undefined when it is not JSON at all (BigInt, cycles). */
function byteLength(raw: unknown): number | undefined {
  if (typeof raw === 'string') return Buffer.byteLength(raw, 'utf8');
  try {
    const text = JSON.stringify(raw) as string | undefined;
    return text === undefined ? undefined : Buffer.byteLength(text, 'utf8');
  } catch {
    return undefined; // cycles, BigInt, or nesting deeper than the stack
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
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

  if (context.action === 'unsubscribe') {
    const parsed = unsubscribeSchema.safeParse(message);
    if (!parsed.success) return bad(describe(parsed.error));
    const { requestId, subscriptionId } = parsed.data;
    return { ok: true, request: { action: 'unsubscribe', requestId, subscriptionId } };
  }

  const parsed = readSchema.safeParse(message);
  if (!parsed.success) return bad(describe(parsed.error));
  const { action, path, requestId } = parsed.data;
  const filters = parseFilters(parsed.data.filter);
  if (!filters.ok) return bad(filters.why);
  const { trigger, paths: relative } = filters.filters;
  if (action === 'get' && trigger) {
    return bad(`filter variant "${trigger.variant}" applies to subscribe only; get takes paths`);
  }
  if (action === 'subscribe' && !trigger) {
    return bad(
      'subscribe needs a timebased, change or range filter, e.g. {"variant":"timebased","parameter":{"period":"100"}}',
    );
  }

  let target: Target;
  if (relative) {
    const resolved = resolvePaths(path, relative);
    if (!resolved.ok) return unknownPath(resolved.unmatched);
    target = { path, paths: resolved.leaves, multi: true };
  } else {
    if (!isKnownPath(path)) return unknownPath(path);
    target = { path, paths: [path], multi: false };
  }

  if (action === 'get') return { ok: true, request: { action, requestId, ...target } };
  const filter = trigger as SubscriptionFilter;
  const misfit = checkFilterFits(filter, target.paths);
  if (misfit) return bad(misfit);
  return { ok: true, request: { action, requestId, filter, ...target } };
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
