import { signalMeta } from './signals.ts';
import type { SignalMeta, VssDatatype, VssValue } from './types.ts';

/**
 * VISS carries every value as a string. These two functions are the only way values cross
 * between that text and typed values, on the bridge and in the renderer alike, so a value that
 * breaks its VSS datatype, range or allowed list never reaches the UI.
 */

export type ParseResult = { ok: true; value: VssValue } | { ok: false; reason: string };
export type FormatResult = { ok: true; value: string } | { ok: false; reason: string };

type Failure = { ok: false; reason: string };

/** 64-bit VSS integers are limited to what a JS number holds exactly. */
const INTEGER_RANGES: Partial<Record<VssDatatype, readonly [number, number]>> = {
  int8: [-128, 127],
  uint8: [0, 255],
  int16: [-32768, 32767],
  uint16: [0, 65535],
  int32: [-2147483648, 2147483647],
  uint32: [0, 4294967295],
  int64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
  uint64: [0, Number.MAX_SAFE_INTEGER],
};

const FLOAT32_MAX = 3.4028234663852886e38;
const INTEGER_TEXT = /^-?(?:0|[1-9]\d*)$/;
// JSON number grammar: no hex, no leading '+', no "Infinity"/"NaN", no surrounding blanks.
const DECIMAL_TEXT = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

function fail(reason: string): Failure {
  return { ok: false, reason };
}

/** Quotes untrusted text for an error message without echoing kilobytes of it. */
function show(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

function lookup(path: unknown): SignalMeta | Failure {
  if (typeof path !== 'string') return fail('path must be a string');
  return signalMeta(path) ?? fail(`unknown signal path ${show(path)}`);
}

function isFailure(value: SignalMeta | Failure): value is Failure {
  return 'ok' in value;
}

/** Checks a typed value against its datatype, min/max and allowed list. */
function check(meta: SignalMeta, value: VssValue): Failure | undefined {
  const { datatype } = meta;
  if (datatype === 'boolean') {
    if (typeof value !== 'boolean') return fail('boolean expected');
  } else if (datatype === 'string') {
    if (typeof value !== 'string') return fail('string expected');
  } else {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      return fail(`finite number expected for ${datatype}`);
    }
    const range = INTEGER_RANGES[datatype];
    if (range && (!Number.isInteger(value) || value < range[0] || value > range[1])) {
      return fail(`${datatype} must be an integer in ${range[0]}..${range[1]}, got ${value}`);
    }
    if (datatype === 'float' && Math.abs(value) > FLOAT32_MAX) {
      return fail(`${value} does not fit a 32-bit float`);
    }
    if (meta.min !== undefined && value < meta.min)
      return fail(`${value} is below min ${meta.min}`);
    if (meta.max !== undefined && value > meta.max)
      return fail(`${value} is above max ${meta.max}`);
  }
  if (meta.allowed && !meta.allowed.includes(value as string | number)) {
    return fail(`${show(String(value))} is not one of ${meta.allowed.join(', ')}`);
  }
  return undefined;
}

function decode(datatype: VssDatatype, text: string): ParseResult {
  if (datatype === 'string') return { ok: true, value: text };
  if (datatype === 'boolean') {
    if (text === 'true') return { ok: true, value: true };
    if (text === 'false') return { ok: true, value: false };
    return fail(`boolean must be "true" or "false", got ${show(text)}`);
  }
  const isInteger = INTEGER_RANGES[datatype] !== undefined;
  if (!(isInteger ? INTEGER_TEXT : DECIMAL_TEXT).test(text)) {
    return fail(`${show(text)} is not ${isInteger ? 'an integer' : 'a decimal number'}`);
  }
  const value = Number(text);
  // Normalise -0 so it formats back as "0".
  return { ok: true, value: value === 0 ? 0 : value };
}

/** Parses a VISS string value for `path` into a typed value, enforcing the VSS rules. */
export function parseVissValue(path: string, text: unknown): ParseResult {
  const meta = lookup(path);
  if (isFailure(meta)) return meta;
  if (typeof text !== 'string') return fail('VISS values are strings');
  const decoded = decode(meta.datatype, text);
  if (!decoded.ok) return decoded;
  return check(meta, decoded.value) ?? decoded;
}

/** Formats a typed value for `path` as a VISS string value, enforcing the VSS rules. */
export function formatVissValue(path: string, value: VssValue): FormatResult {
  const meta = lookup(path);
  if (isFailure(meta)) return meta;
  const problem = check(meta, value);
  if (problem) return problem;
  // String(-0) is "0" already; String() of a safe integer never uses exponent notation.
  return { ok: true, value: String(value) };
}
