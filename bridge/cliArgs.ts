import { parseArgs } from 'node:util';
import { z } from 'zod';
import { issueLines } from '../common/validation.ts';
import { DEFAULT_SCENARIO, SCENARIO_NAMES } from './scenarios/catalog.ts';
import type { ScenarioName } from './scenarios/catalog.ts';
import { DEFAULT_TIMELINE_OPTIONS } from './replay/timeline.ts';

/**
 * The bridge's command line, checked as a whole: each option alone, and the combinations
 * (a trace only for replay, a scenario only for the simulator). Returns the configuration or
 * the one line of explanation to print.
 */

export type SourceConfig =
  | { kind: 'simulator'; scenario: ScenarioName }
  | { kind: 'replay'; trace: string; loop: boolean; leadInMs: number; leadOutMs: number };

export interface CliConfig {
  host: string;
  port: number;
  speedFactor: number;
  control: boolean;
  source: SourceConfig;
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
    source: z.enum(['simulator', 'replay'], { error: 'must be "simulator" or "replay"' }),
    scenario: z
      .enum(SCENARIO_NAMES, { error: `must be one of ${SCENARIO_NAMES.join(', ')}` })
      .optional(),
    trace: z.string().min(1, 'must name a .jsonl file').optional(),
    loop: z.boolean(),
    'lead-in-ms': milliseconds.optional(),
    'lead-out-ms': milliseconds.optional(),
    bench: z.boolean(),
    control: z.boolean(),
  })
  .superRefine((a, ctx) => {
    const refuse = (path: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [path], message });
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
    a.source === 'replay'
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
      control: a.control,
      source,
    },
  };
}
