import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { DEFAULT_AUDIT_DAYS } from './auditPruning.ts';
import { DEFAULT_RATE_LIMITS, type RateLimits } from './http/rateLimit.ts';

export const USAGE =
  'usage: cloud [--host 127.0.0.1] [--port 7072] [--db .data/cloud.db] [--order-step-ms 5000]' +
  ' [--audit-days 30] [--rate-vehicle 600] [--rate-address 120]';

export interface CloudArgs {
  host: string;
  port: number;
  dbPath: string;
  /** Merchant simulator step in ms; 0 turns the simulator off. */
  orderStepMs: number;
  auditDays: number;
  rateLimits: RateLimits;
}

export type ParsedArgs =
  { ok: true; args: CloudArgs } | { ok: true; help: true } | { ok: false; error: string };

const Port = z
  .string()
  .regex(/^\d{1,5}$/, 'expected an integer 0-65535')
  .transform(Number)
  .refine((n) => n <= 65535, 'expected an integer 0-65535');
const Days = z
  .string()
  .regex(/^\d{1,4}$/, 'expected a whole number of days 1-3650')
  .transform(Number)
  .refine((n) => n >= 1 && n <= 3650, 'expected a whole number of days 1-3650');
const PerMinute = z
  .string()
  .regex(/^\d{1,6}$/, 'expected requests per minute 1-100000')
  .transform(Number)
  .refine((n) => n >= 1 && n <= 100_000, 'expected requests per minute 1-100000');
const Host = z.string().trim().min(1, 'expected a host name or address');
const DbPath = z.string().min(1, 'expected a file path');
const StepMs = z
  .string()
  .regex(/^\d{1,7}$/, 'expected an integer 0-3600000 (0 turns the simulator off)')
  .transform(Number)
  .refine((n) => n <= 3_600_000, 'expected an integer 0-3600000 (0 turns the simulator off)');

function field<T>(
  name: string,
  schema: z.ZodType<T>,
  value: string,
): { value: T } | { error: string } {
  const result = schema.safeParse(value);
  if (result.success) return { value: result.data };
  return {
    error: `--${name} ${JSON.stringify(value)}: ${result.error.issues[0]?.message ?? 'invalid'}`,
  };
}

/** Parses and validates the command line; every failure is one line an operator can act on. */
export function parseCloudArgs(argv: string[], cwd: string): ParsedArgs {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        host: { type: 'string', default: '127.0.0.1' },
        port: { type: 'string', default: '7072' },
        db: { type: 'string', default: '.data/cloud.db' },
        'order-step-ms': { type: 'string', default: '5000' },
        'audit-days': { type: 'string', default: String(DEFAULT_AUDIT_DAYS) },
        'rate-vehicle': { type: 'string', default: String(DEFAULT_RATE_LIMITS.vehiclePerMinute) },
        'rate-address': { type: 'string', default: String(DEFAULT_RATE_LIMITS.addressPerMinute) },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    // Node's parser may explain over several lines; operators and scripts get one.
    return { ok: false, error: (error as Error).message.replace(/\s*\n\s*/g, ' ') };
  }
  if (values.help) return { ok: true, help: true };
  const host = field('host', Host, String(values.host));
  if ('error' in host) return { ok: false, error: host.error };
  const port = field('port', Port, String(values.port));
  if ('error' in port) return { ok: false, error: port.error };
  const db = field('db', DbPath, String(values.db));
  if ('error' in db) return { ok: false, error: db.error };
  const step = field('order-step-ms', StepMs, String(values['order-step-ms']));
  if ('error' in step) return { ok: false, error: step.error };
  const days = field('audit-days', Days, String(values['audit-days']));
  if ('error' in days) return { ok: false, error: days.error };
  const perVehicle = field('rate-vehicle', PerMinute, String(values['rate-vehicle']));
  if ('error' in perVehicle) return { ok: false, error: perVehicle.error };
  const perAddress = field('rate-address', PerMinute, String(values['rate-address']));
  if ('error' in perAddress) return { ok: false, error: perAddress.error };
  return {
    ok: true,
    args: {
      host: host.value,
      port: port.value,
      dbPath: resolve(cwd, db.value),
      orderStepMs: step.value,
      auditDays: days.value,
      rateLimits: { vehiclePerMinute: perVehicle.value, addressPerMinute: perAddress.value },
    },
  };
}
