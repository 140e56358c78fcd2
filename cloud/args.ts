import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';

export const USAGE = 'usage: cloud [--host 127.0.0.1] [--port 7072] [--db .data/cloud.db]';

export interface CloudArgs {
  host: string;
  port: number;
  dbPath: string;
}

export type ParsedArgs =
  { ok: true; args: CloudArgs } | { ok: true; help: true } | { ok: false; error: string };

const Port = z
  .string()
  .regex(/^\d{1,5}$/, 'expected an integer 0-65535')
  .transform(Number)
  .refine((n) => n <= 65535, 'expected an integer 0-65535');
const Host = z.string().trim().min(1, 'expected a host name or address');
const DbPath = z.string().min(1, 'expected a file path');

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
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
  if (values.help) return { ok: true, help: true };
  const host = field('host', Host, String(values.host));
  if ('error' in host) return { ok: false, error: host.error };
  const port = field('port', Port, String(values.port));
  if ('error' in port) return { ok: false, error: port.error };
  const db = field('db', DbPath, String(values.db));
  if ('error' in db) return { ok: false, error: db.error };
  return { ok: true, args: { host: host.value, port: port.value, dbPath: resolve(cwd, db.value) } };
}
