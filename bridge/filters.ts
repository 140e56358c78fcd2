import { z } from 'zod';
import { issueLines } from '../common/validation.ts';
import type { VssPath } from '../common/vss/signals.ts';
import { signalMeta } from '../common/vss/signals.ts';
import type { ChangeLogicOp } from '../common/viss/types.ts';

/**
 * Reads the `filter` of a VISS request: one filter object, or a list of at most one `paths`
 * filter plus one other (VISS v3 combines them with AND). Returns checked, typed filters or the
 * reason to refuse. Never throws and never recurses into what a client sent.
 */

export const MIN_PERIOD_MS = 10;
export const MAX_PERIOD_MS = 60_000;
/** Relative paths in one paths filter; each resolves to at most every served leaf anyway. */
export const MAX_RELATIVE_PATHS = 64;

export type LogicOp = ChangeLogicOp;
export const LOGIC_OPS: readonly LogicOp[] = ['eq', 'ne', 'gt', 'gte', 'lt', 'lte'];

export interface RangeCondition {
  op: LogicOp;
  boundary: number;
}

/** The checked form of the filter that decides when a subscription notifies. */
export type SubscriptionFilter =
  | { variant: 'timebased'; periodMs: number }
  | { variant: 'change'; op: LogicOp; diff: number }
  | { variant: 'range'; conditions: RangeCondition[]; combine: 'AND' | 'OR' };

export interface ParsedFilters {
  /** Relative paths of a paths filter, if any. */
  paths?: string[];
  trigger?: SubscriptionFilter;
}

export type FilterOutcome = { ok: true; filters: ParsedFilters } | { ok: false; why: string };

const TRIGGERS = ['timebased', 'change', 'range'] as const;
// Named in VISS v3 but not served; refused with a clear word instead of "unknown".
const UNSUPPORTED = ['curvelog', 'history', 'metadata', 'dynamic-metadata'];

// A JSON-number spelling without blanks, hex, "Infinity" or a leading '+', short enough to read.
const decimalSchema = z
  .string({ error: 'must be a decimal number as a string, e.g. "5"' })
  .max(32, 'must be at most 32 characters')
  .regex(
    /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/,
    'must be a decimal number as a string, e.g. "5"',
  )
  .transform(Number)
  .pipe(z.number({ error: 'must be finite' }));

const logicOpSchema = z.enum(LOGIC_OPS, { error: `must be one of ${LOGIC_OPS.join(', ')}` });

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

const relativePathSchema = z
  .string({ error: 'must be a relative path or a list of them' })
  .max(256)
  .regex(
    /^(?:\*|[A-Za-z0-9_]+)(?:\.(?:\*|[A-Za-z0-9_]+))*$/,
    'must be a dotted path relative to the request path ("*" for one segment)',
  );

const pathsListSchema = z
  .array(relativePathSchema, { error: 'must be a relative path or a list of them' })
  .min(1, 'must not be empty')
  .max(MAX_RELATIVE_PATHS, `at most ${MAX_RELATIVE_PATHS} paths`);

const timebasedParameterSchema = z.object({ period: periodSchema });
const changeParameterSchema = z.object({ 'logic-op': logicOpSchema, diff: decimalSchema });

const boundarySchema = z
  .object({
    'logic-op': logicOpSchema.optional(),
    'boundary-op': logicOpSchema.optional(),
    boundary: decimalSchema,
    'combination-op': z.enum(['AND', 'OR'], { error: 'must be AND or OR' }).optional(),
  })
  .refine((b) => (b['logic-op'] ?? b['boundary-op']) !== undefined, {
    message: 'needs "logic-op" (or "boundary-op")',
  });

const boundaryListSchema = z
  .array(boundarySchema)
  .min(1, 'needs one or two boundaries')
  .max(2, 'at most two boundaries');

/** `single`: the client sent one item that was checked as a list of one; hide that index. */
function describe(error: z.ZodError, under: string, single = false): string {
  return issueLines(error)
    .map(({ path, message }) => {
      const where = single ? path.replace(/^0(\.|$)/, '') : path;
      return `${where === '(root)' || where === '' ? under : `${under}.${where}`}: ${message}`;
    })
    .join('; ');
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

const show = (text: string) => JSON.stringify(text.length > 32 ? `${text.slice(0, 32)}…` : text);

type One =
  | { ok: true; kind: 'paths'; paths: string[] }
  | { ok: true; kind: 'trigger'; trigger: SubscriptionFilter }
  | { ok: false; why: string };

function parseOne(raw: unknown, where: string): One {
  if (!isPlainObject(raw)) return { ok: false, why: `${where} must be an object` };
  const { variant, parameter } = raw;
  if (typeof variant !== 'string') return { ok: false, why: `${where}.variant is required` };
  if (parameter === undefined) return { ok: false, why: `${where}.parameter is required` };
  const at = `${where}.parameter`;
  switch (variant) {
    case 'paths': {
      // One relative path, or a list: checked apart so the reason given is the precise one.
      const single = !Array.isArray(parameter);
      const parsed = pathsListSchema.safeParse(single ? [parameter] : parameter);
      if (!parsed.success) return { ok: false, why: describe(parsed.error, at, single) };
      return { ok: true, kind: 'paths', paths: parsed.data };
    }
    case 'timebased': {
      const parsed = timebasedParameterSchema.safeParse(parameter);
      if (!parsed.success) return { ok: false, why: describe(parsed.error, at) };
      return {
        ok: true,
        kind: 'trigger',
        trigger: { variant: 'timebased', periodMs: parsed.data.period },
      };
    }
    case 'change': {
      const parsed = changeParameterSchema.safeParse(parameter);
      if (!parsed.success) return { ok: false, why: describe(parsed.error, at) };
      const { 'logic-op': op, diff } = parsed.data;
      return { ok: true, kind: 'trigger', trigger: { variant: 'change', op, diff } };
    }
    case 'range': {
      const single = !Array.isArray(parameter);
      const parsed = boundaryListSchema.safeParse(single ? [parameter] : parameter);
      if (!parsed.success) return { ok: false, why: describe(parsed.error, at, single) };
      const conditions = parsed.data.map((b) => ({
        op: (b['logic-op'] ?? b['boundary-op']) as LogicOp,
        boundary: b.boundary,
      }));
      const combine = parsed.data[0]?.['combination-op'] ?? 'AND';
      return { ok: true, kind: 'trigger', trigger: { variant: 'range', conditions, combine } };
    }
    default: {
      const served = ['paths', ...TRIGGERS].join(', ');
      const word = UNSUPPORTED.includes(variant) ? 'is not supported' : 'is unknown';
      return { ok: false, why: `${where}: variant ${show(variant)} ${word} (served: ${served})` };
    }
  }
}

/** Parses `filter` as sent; `undefined` (no filter) is valid here, callers decide if it may be. */
export function parseFilters(raw: unknown): FilterOutcome {
  if (raw === undefined) return { ok: true, filters: {} };
  const list = Array.isArray(raw) ? raw : [raw];
  if (Array.isArray(raw) && (raw.length < 1 || raw.length > 2)) {
    return { ok: false, why: 'a filter list holds one or two filters (paths plus one other)' };
  }
  const filters: ParsedFilters = {};
  for (const [i, item] of list.entries()) {
    const one = parseOne(item, Array.isArray(raw) ? `filter.${i}` : 'filter');
    if (!one.ok) return one;
    if (one.kind === 'paths') {
      if (filters.paths) return { ok: false, why: 'at most one paths filter' };
      filters.paths = one.paths;
    } else {
      if (filters.trigger) {
        return { ok: false, why: 'at most one of the timebased, change and range filters' };
      }
      filters.trigger = one.trigger;
    }
  }
  return { ok: true, filters };
}

const NON_NUMERIC = new Set(['boolean', 'string']);

/** Whether the leaf carries numbers (range and ordered change filters need them). */
export function isNumericLeaf(path: VssPath): boolean {
  const meta = signalMeta(path);
  return meta !== undefined && !NON_NUMERIC.has(meta.datatype);
}

/** Checks a trigger against the datatypes of the leaves it will watch. */
export function checkFilterFits(
  trigger: SubscriptionFilter,
  leaves: readonly VssPath[],
): string | undefined {
  if (trigger.variant === 'range') {
    const text = leaves.find((leaf) => !isNumericLeaf(leaf));
    if (text) return `range filters need numeric signals; ${text} is not`;
  }
  if (trigger.variant === 'change') {
    const { op, diff } = trigger;
    const text = leaves.find((leaf) => !isNumericLeaf(leaf));
    if (text && op !== 'eq' && op !== 'ne') {
      return `${text} is boolean or string: only "eq" or "ne" (notify on any change) apply`;
    }
    if (op === 'eq' && diff === 0 && leaves.some(isNumericLeaf)) {
      return 'change "eq" with diff "0" would never notify; use "ne" with diff "0" for any change';
    }
  }
  return undefined;
}
