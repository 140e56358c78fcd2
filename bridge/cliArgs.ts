import { parseArgs } from 'node:util';
import { z } from 'zod';
import { issueLines } from '../common/validation.ts';
import { DEFAULT_SCENARIO, SCENARIO_NAMES } from './scenarios/catalog.ts';
import type { ScenarioName } from './scenarios/catalog.ts';
import { DEFAULT_TIMELINE_OPTIONS } from './replay/timeline.ts';
import { MIN_CONTROL_TOKEN_CHARS } from './control.ts';

/**
 * The bridge's command line, checked as a whole: each option alone, and the combinations
 * (a trace only for replay, a scenario only for the simulator). Returns the configuration or
 * the one line of explanation to print.
 */

export type SourceConfig =
  | { kind: 'simulator'; scenario: ScenarioName }
  | { kind: 'replay'; trace: string; loop: boolean; leadInMs: number; leadOutMs: number }
  | {
      kind: 'can';
      /** A profile name (build/vehicles/<name>.json) or a path to a profile file. */
      profile: string;
      /** Replay this candump -L log; null: live from the interfaces. */
      candump: string | null;
      /** Live interfaces; null: the profile's buses. */
      interfaces: string[] | null;
      loop: boolean;
      /** A scenario that serves what the profile does not map (position, fuel…). */
      fill: ScenarioName | null;
    };

export interface CliConfig {
  host: string;
  port: number;
  speedFactor: number;
  /** The control channel's token; null: no control channel. */
  control: { token: string } | null;
  source: SourceConfig;
  /** Validate this profile against its DBC and VSS, print the result, and exit. */
  checkProfile: string | null;
  /** Take the signal source from this variant's vehicle.signals (the OEM's configuration). */
  variant: string | null;
  /** --scenario as given (null: not given), for the CLI to refuse beside a variant that reads CAN. */
  scenarioGiven: ScenarioName | null;
  /** Signal clients must present the token in this file (or the systemd credential). */
  clientTokenFile: string | null;
}

const milliseconds = z
  .string()
  .regex(/^\d{1,7}$/, 'must be a whole number of milliseconds')
  .transform(Number);

const schema = z
  .object({
    host: z.string().min(1, 'must not be empty'),
    port: z
      .string()
      .regex(/^\d{1,5}$/, 'must be an integer 0..65535')
      .transform(Number)
      .pipe(z.number().max(65535, 'must be an integer 0..65535')),
    'speed-factor': z
      .string()
      .regex(/^\d+(\.\d+)?$/, 'must be a positive number')
      .transform(Number)
      .pipe(z.number().gt(0, 'must be > 0').max(1000, 'must be at most 1000')),
    source: z.enum(['simulator', 'replay', 'can'], {
      error: 'must be "simulator", "replay" or "can"',
    }),
    profile: z.string().min(1).optional(),
    candump: z.string().min(1, 'must name a candump -L log').optional(),
    interfaces: z
      .string()
      .regex(
        /^[A-Za-z0-9_.-]{1,15}(,[A-Za-z0-9_.-]{1,15})*$/,
        'must be interface names, comma-separated',
      )
      .optional(),
    fill: z
      .enum(SCENARIO_NAMES, { error: `must be one of ${SCENARIO_NAMES.join(', ')}` })
      .optional(),
    'check-profile': z.string().min(1).optional(),
    variant: z.string().min(1).optional(),
    scenario: z
      .enum(SCENARIO_NAMES, { error: `must be one of ${SCENARIO_NAMES.join(', ')}` })
      .optional(),
    trace: z.string().min(1, 'must name a .jsonl file').optional(),
    loop: z.boolean(),
    'lead-in-ms': milliseconds.optional(),
    'lead-out-ms': milliseconds.optional(),
    bench: z.boolean(),
    control: z.boolean(),
    'control-token': z.string().optional(),
    'client-token-file': z.string().min(1, 'must name a file').optional(),
  })
  .superRefine((a, ctx) => {
    const refuse = (path: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message });
    // The control channel steers speed and gear, which drive the driver's lockouts.
    if (a.control && (a['control-token']?.length ?? 0) < MIN_CONTROL_TOKEN_CHARS) {
      refuse(
        'control-token',
        `of at least ${MIN_CONTROL_TOKEN_CHARS} characters is required with --control`,
      );
    }
    if (!a.control && a['control-token'] !== undefined) {
      refuse('control-token', 'applies to --control only');
    }
    const canOnly = ['profile', 'candump', 'interfaces', 'fill'] as const;
    if (a.variant !== undefined) {
      // --scenario stays: it picks the simulated drive of a simulated line (the CLI refuses it
      // for a line that reads CAN, once the variant is read).
      for (const name of ['profile', 'interfaces', 'fill', 'trace'] as const) {
        if (a[name] !== undefined) refuse(name, 'comes from the variant with --variant');
      }
      if (a.bench && a.scenario !== undefined && a.scenario !== 'bench') {
        refuse('bench', `conflicts with --scenario ${a.scenario}`);
      }
      if (a.source !== 'simulator') refuse('source', 'comes from the variant with --variant');
      return;
    }
    if (a.source === 'can') {
      if (a.profile === undefined) refuse('profile', 'is required with --source can');
      if (a.candump !== undefined && a.interfaces !== undefined) {
        refuse('interfaces', 'is for live capture; --candump replays a log');
      }
      if (a.loop && a.candump === undefined) refuse('loop', 'applies to a --candump replay only');
      for (const name of ['trace', 'scenario', 'lead-in-ms', 'lead-out-ms'] as const) {
        if (a[name] !== undefined) refuse(name, 'does not apply to --source can');
      }
      if (a.bench) refuse('bench', 'runs the simulator; it cannot be combined with --source can');
      return;
    }
    for (const name of canOnly)
      if (a[name] !== undefined) refuse(name, 'applies to --source can only');
    if (a.source === 'replay') {
      if (a.trace === undefined) refuse('trace', 'is required with --source replay');
      if (a.scenario !== undefined) refuse('scenario', 'applies to --source simulator only');
      if (a.bench) refuse('bench', 'runs the simulator; it cannot be combined with replay');
    } else {
      for (const name of ['trace', 'lead-in-ms', 'lead-out-ms'] as const) {
        if (a[name] !== undefined) refuse(name, 'applies to --source replay only');
      }
      if (a.loop) refuse('loop', 'applies to --source replay only');
      if (a.bench && a.scenario !== undefined && a.scenario !== 'bench') {
        refuse('bench', `conflicts with --scenario ${a.scenario}`);
      }
    }
  });

export type ParsedCli = { ok: true; config: CliConfig } | { ok: false; message: string };

export function parseCli(argv: string[]): ParsedCli {
  let raw;
  try {
    raw = parseArgs({
      args: argv,
      options: {
        host: { type: 'string', default: '127.0.0.1' },
        port: { type: 'string', default: '7071' },
        'speed-factor': { type: 'string', default: '1' },
        source: { type: 'string', default: 'simulator' },
        scenario: { type: 'string' },
        trace: { type: 'string' },
        loop: { type: 'boolean', default: false },
        'lead-in-ms': { type: 'string' },
        'lead-out-ms': { type: 'string' },
        bench: { type: 'boolean', default: false },
        control: { type: 'boolean', default: false },
        'control-token': { type: 'string' },
        'client-token-file': { type: 'string' },
        profile: { type: 'string' },
        candump: { type: 'string' },
        interfaces: { type: 'string' },
        fill: { type: 'string' },
        'check-profile': { type: 'string' },
        variant: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    // One line, whatever parseArgs wrote: scripts and people read the first line.
    return { ok: false, message: (error as Error).message.replace(/\s*\n\s*/g, ' ') };
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const message = issueLines(parsed.error)
      .map((issue) => `--${issue.path} ${issue.message}`)
      .join('; ');
    return { ok: false, message };
  }
  const a = parsed.data;
  const source: SourceConfig =
    a.source === 'can' || (a.variant !== undefined && a.candump !== undefined)
      ? {
          kind: 'can',
          // With --variant the profile comes from the variant file (filled in by the CLI).
          profile: a.profile ?? '',
          candump: a.candump ?? null,
          interfaces: a.interfaces?.split(',') ?? null,
          loop: a.loop,
          fill: a.fill ?? null,
        }
      : a.source === 'replay'
        ? {
            kind: 'replay',
            trace: a.trace as string,
            loop: a.loop,
            leadInMs: a['lead-in-ms'] ?? DEFAULT_TIMELINE_OPTIONS.leadInMs,
            leadOutMs: a['lead-out-ms'] ?? DEFAULT_TIMELINE_OPTIONS.leadOutMs,
          }
        : { kind: 'simulator', scenario: a.bench ? 'bench' : (a.scenario ?? DEFAULT_SCENARIO) };
  return {
    ok: true,
    config: {
      host: a.host,
      port: a.port,
      speedFactor: a['speed-factor'],
      control: a.control ? { token: a['control-token'] as string } : null,
      source,
      checkProfile: a['check-profile'] ?? null,
      variant: a.variant ?? null,
      scenarioGiven: a.scenario ?? null,
      clientTokenFile: a['client-token-file'] ?? null,
    },
  };
}
