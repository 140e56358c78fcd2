import { readFileSync, statSync } from 'node:fs';
import { isKnownPath } from '../../common/vss/signals.ts';
import type { VssPath } from '../../common/vss/signals.ts';
import type { VssValue } from '../../common/vss/types.ts';
import { formatVissValue } from '../../common/vss/values.ts';

/**
 * Reads a recorded drive in the shared trace format (JSON Lines, one `{t, path, value}` per
 * line, sorted by t; see ../shared/traces/README.md).
 *
 * Two kinds of bad lines: a line that breaks the *format* (not JSON, no integer t, t going
 * back) makes the whole file unusable and throws a TraceError naming the line; a well-formed
 * line whose *value* breaks VSS (unknown path, wrong type, out of range) is skipped and reported
 * in `invalid`, so one bad sample never stops a replay.
 */

export const MAX_TRACE_BYTES = 64 * 1024 * 1024;

export interface TraceSample {
  t: number;
  path: VssPath;
  value: VssValue;
}

export interface InvalidLine {
  line: number;
  reason: string;
}

export interface Trace {
  samples: TraceSample[];
  invalid: InvalidLine[];
  /** Non-blank lines read. */
  lines: number;
}

export class TraceError extends Error {
  readonly line: number | undefined;
  constructor(message: string, line?: number) {
    super(line === undefined ? message : `line ${line}: ${message}`);
    this.name = 'TraceError';
    this.line = line;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const show = (text: string) => JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);

export function parseTrace(text: string): Trace {
  const samples: TraceSample[] = [];
  const invalid: InvalidLine[] = [];
  let lines = 0;
  let lastT = 0;
  text.split('\n').forEach((raw, index) => {
    const line = index + 1;
    const content = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (content.trim() === '') return;
    lines += 1;
    let record: unknown;
    try {
      record = JSON.parse(content);
    } catch {
      throw new TraceError(`not valid JSON: ${show(content)}`, line);
    }
    if (!isPlainObject(record)) throw new TraceError('must be a JSON object', line);
    const { t, path, value } = record;
    if (typeof t !== 'number' || !Number.isSafeInteger(t) || t < 0) {
      throw new TraceError('"t" must be an integer number of milliseconds >= 0', line);
    }
    if (t < lastT) throw new TraceError(`"t" ${t} is before the previous line's ${lastT}`, line);
    lastT = t;
    if (typeof path !== 'string') throw new TraceError('"path" must be a string', line);
    if (typeof value !== 'number' && typeof value !== 'boolean' && typeof value !== 'string') {
      throw new TraceError('"value" must be a number, boolean or string', line);
    }
    if (!isKnownPath(path)) {
      invalid.push({ line, reason: `unknown signal path ${show(path)}` });
      return;
    }
    const checked = formatVissValue(path, value);
    if (!checked.ok) {
      invalid.push({ line, reason: `${path}: ${checked.reason}` });
      return;
    }
    samples.push({ t, path, value });
  });
  if (samples.length === 0) {
    throw new TraceError(`no valid samples (${lines} lines, ${invalid.length} invalid)`);
  }
  return { samples, invalid, lines };
}

export function loadTrace(file: string): Trace {
  let size: number;
  try {
    size = statSync(file).size;
  } catch (error) {
    throw new TraceError(
      `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`,
    );
  }
  if (size > MAX_TRACE_BYTES) {
    throw new TraceError(`${file} is ${size} bytes; the limit is ${MAX_TRACE_BYTES}`);
  }
  return parseTrace(readFileSync(file, 'utf8'));
}
