import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { issueLines } from '../../common/validation.ts';
import { isKnownPath, SIGNALS, type VssPath } from '../../common/vss/signals.ts';
import { formatVissValue } from '../../common/vss/values.ts';
import type { SignalMeta, VssValue } from '../../common/vss/types.ts';
import { parseDbc, DbcError, type Dbc, type DbcSignal } from './dbc.ts';
import {
  compileMessage,
  compileSignal,
  type CompiledMessage,
  type CompiledSignal,
} from './decode.ts';

/*
 * A vehicle profile: which DBC describes each bus, and per VSS path the DBC signal it comes from,
 * how often it is published and how its value is transformed (in the spirit of KUKSA's dbc2vss).
 * Validated at start against its DBC files and the VSS subset, one line per problem.
 */

const SignalRef = z.string().regex(/^\w+\.\w+$/, 'expected MESSAGE.SIGNAL');

const MappingSchema = z
  .strictObject({
    bus: z.string().regex(/^[A-Za-z0-9_.-]{1,15}$/, 'expected an interface name such as can0'),
    signal: SignalRef,
    /** Another signal of the same message added before the transform (value + fraction). */
    add: SignalRef.optional(),
    /** Publish when the value changes (default), or at most every intervalMs. */
    intervalMs: z.number().int().min(1).max(60_000).optional(),
    factor: z.number().finite().optional(),
    offset: z.number().finite().optional(),
    round: z.boolean().optional(),
    /** Keep the value inside the VSS range (a display value the DBC lets stray past it). */
    clamp: z.boolean().optional(),
    /** Boolean paths: true when the decoded value equals this. */
    equals: z.number().optional(),
    /** Value-table label (or raw value) -> VSS value; values not listed are not published. */
    map: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])).optional(),
  })
  .refine((m) => !(m.map && (m.equals !== undefined || m.factor !== undefined)), {
    message: 'map excludes equals and factor',
    path: ['map'],
  })
  .refine((m) => !(m.equals !== undefined && m.factor !== undefined), {
    message: 'equals excludes factor',
    path: ['equals'],
  });
export type SignalMapping = z.infer<typeof MappingSchema>;

const ProfileSchema = z.strictObject({
  $schema: z.string().optional(),
  name: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lower-case letters, digits and dashes'),
  description: z.string().max(300),
  /** Bus (interface) name -> its DBC file, relative to the profile. */
  buses: z.record(z.string(), z.strictObject({ dbc: z.string().min(1) })),
  signals: z.record(z.string(), MappingSchema),
});

export class ProfileError extends Error {
  readonly problems: string[];
  constructor(file: string, problems: string[]) {
    super(`${file}: ${problems.length} problem(s)\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.name = 'ProfileError';
    this.problems = problems.map((p) => `${file}: ${p}`);
  }
}

/** One VSS output of a decoded frame. */
export interface Output {
  path: VssPath;
  signal: CompiledSignal;
  add: CompiledSignal | null;
  intervalMs: number | null;
  transform: (decoded: number) => VssValue | undefined;
}

export interface MessagePlan {
  bus: string;
  message: CompiledMessage;
  outputs: Output[];
}

export interface CanProfile {
  name: string;
  file: string;
  buses: string[];
  /** `<bus>:<id>` -> what to decode from that message. */
  plans: ReadonlyMap<string, MessagePlan>;
  paths: VssPath[];
}

export const planKey = (bus: string, id: number, extended: boolean) =>
  `${bus}:${extended ? 'x' : ''}${id}`;

/** DBC unit spellings that mean the VSS unit. */
const UNIT_ALIASES: Record<string, string> = {
  '%': 'percent',
  Percent: 'percent',
  kph: 'km/h',
  'km/h': 'km/h',
  deg: 'degrees',
  degrees: 'degrees',
  rpm: 'rpm',
  m: 'm',
  km: 'km',
};

const INTEGER = /int/;

function transformFor(
  path: VssPath,
  m: SignalMapping,
  signal: DbcSignal,
  problems: string[],
  where: string,
): Output['transform'] {
  const meta: SignalMeta = SIGNALS[path];
  if (meta.datatype === 'boolean') {
    if (m.equals === undefined && !m.map) {
      problems.push(`${where}: ${path} is boolean: give equals (or a map to true/false)`);
    }
  } else if (m.equals !== undefined) {
    problems.push(`${where}.equals: ${path} is ${meta.datatype}, not boolean`);
  }
  if (m.map) {
    const table = new Map<number, VssValue>();
    for (const [key, out] of Object.entries(m.map)) {
      const raw = [...signal.values].find(([, label]) => label === key)?.[0] ?? Number(key);
      if (!Number.isFinite(raw)) {
        problems.push(
          `${where}.map.${key}: not a label of ${signal.name}'s value table or a number`,
        );
        continue;
      }
      const valid = formatVissValue(path, out);
      if (!valid.ok) problems.push(`${where}.map.${key}: ${JSON.stringify(out)} ${valid.reason}`);
      table.set(raw, out);
    }
    return (v) => table.get(v);
  }
  if (m.equals !== undefined) return (v) => v === m.equals;
  if (meta.datatype === 'string') {
    problems.push(`${where}: ${path} is a string: give a map from the DBC values`);
    return () => undefined;
  }
  const factor = m.factor ?? 1;
  const offset = m.offset ?? 0;
  if (m.factor === undefined && m.offset === undefined && meta.unit && signal.unit) {
    const dbcUnit = UNIT_ALIASES[signal.unit] ?? signal.unit;
    if (dbcUnit !== meta.unit) {
      problems.push(
        `${where}: unit mismatch: ${signal.name} is in ${signal.unit}, ${path} in ${meta.unit} (give factor/offset)`,
      );
    }
  }
  const integer = INTEGER.test(meta.datatype);
  if (
    integer &&
    !m.round &&
    (!Number.isInteger(factor * signal.factor) || !Number.isInteger(offset + signal.offset))
  ) {
    problems.push(
      `${where}: ${path} is ${meta.datatype} but the scaled value has decimals: set round`,
    );
  }
  // The DBC's declared range, transformed, must fit the VSS range (when both are declared),
  // unless the mapping clamps into it.
  if (
    !m.clamp &&
    signal.min !== null &&
    signal.max !== null &&
    (meta.min !== undefined || meta.max !== undefined)
  ) {
    const ends = [signal.min * factor + offset, signal.max * factor + offset];
    const low = Math.min(...ends);
    const high = Math.max(...ends);
    if ((meta.min !== undefined && low < meta.min) || (meta.max !== undefined && high > meta.max)) {
      problems.push(
        `${where}: can leave the VSS range [${meta.min ?? '-∞'}, ${meta.max ?? '∞'}]: the DBC range gives [${low}, ${high}] (narrow it or set clamp)`,
      );
    }
  }
  const lo = m.clamp ? (meta.min ?? -Infinity) : -Infinity;
  const hi = m.clamp ? (meta.max ?? Infinity) : Infinity;
  return (v) => {
    const scaled = Math.min(hi, Math.max(lo, v * factor + offset));
    return m.round ? Math.round(scaled) : scaled;
  };
}

/** Loads and validates a profile and its DBC files; throws ProfileError listing every problem. */
export function loadProfile(file: string): CanProfile {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ProfileError(file, [`cannot be read as JSON: ${(error as Error).message}`]);
  }
  const parsed = ProfileSchema.safeParse(json);
  if (!parsed.success) {
    throw new ProfileError(
      file,
      issueLines(parsed.error).map((l) => `${l.path}: ${l.message}`),
    );
  }
  const profile = parsed.data;
  const problems: string[] = [];
  const dbcs = new Map<string, Dbc>();
  for (const [bus, { dbc }] of Object.entries(profile.buses)) {
    const path = resolve(dirname(file), dbc);
    try {
      dbcs.set(bus, parseDbc(readFileSync(path, 'utf8'), dbc));
    } catch (error) {
      const why =
        error instanceof DbcError
          ? error.message
          : `cannot read ${dbc}: ${(error as Error).message}`;
      problems.push(`buses.${bus}.dbc: ${why}`);
    }
  }
  const plans = new Map<string, MessagePlan>();
  const paths: VssPath[] = [];
  for (const [path, m] of Object.entries(profile.signals)) {
    const where = `signals.${path}`;
    if (!isKnownPath(path)) {
      problems.push(`${where}: unknown VSS path (not a leaf of the VSS subset the bridge serves)`);
      continue;
    }
    const dbc = dbcs.get(m.bus);
    if (!dbc) {
      if (!(m.bus in profile.buses)) problems.push(`${where}.bus: no bus ${m.bus} in buses`);
      continue;
    }
    const found = dbc.byName.get(m.signal);
    if (!found) {
      problems.push(`${where}.signal: unknown DBC signal ${m.signal} on ${m.bus}`);
      continue;
    }
    let add: CompiledSignal | null = null;
    if (m.add) {
      const other = dbc.byName.get(m.add);
      if (!other) problems.push(`${where}.add: unknown DBC signal ${m.add} on ${m.bus}`);
      else if (other.message !== found.message) {
        problems.push(`${where}.add: ${m.add} is not in ${found.message.name}`);
      } else add = compileSignal(other.signal);
    }
    const transform = transformFor(path, m, found.signal, problems, where);
    const key = planKey(m.bus, found.message.id, found.message.extended);
    let plan = plans.get(key);
    if (!plan) {
      plan = { bus: m.bus, message: compileMessage(found.message), outputs: [] };
      plans.set(key, plan);
    }
    const signal = plan.message.signals.find((s) => s.signal === found.signal)!;
    plan.outputs.push({ path, signal, add, intervalMs: m.intervalMs ?? null, transform });
    paths.push(path);
  }
  if (problems.length > 0) throw new ProfileError(file, problems);
  return { name: profile.name, file, buses: Object.keys(profile.buses), plans, paths };
}

/** build/vehicles/<name>.json, or a path to a profile file. */
export function profileFile(nameOrFile: string, root: string): string {
  return /[/\\]|\.json$/.test(nameOrFile)
    ? resolve(nameOrFile)
    : resolve(root, 'build', 'vehicles', `${nameOrFile}.json`);
}
