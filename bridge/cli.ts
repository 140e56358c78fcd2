import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createLogger } from '../common/log.ts';
import { issueLines } from '../common/validation.ts';
import { startBridge } from './server.ts';
import type { Bridge } from './server.ts';
import { run } from './simulator.ts';

/**
 * Vehicle-bus bridge: `npm run bridge -- --port 7071 --speed-factor 5`.
 * Prints one JSON line on stdout when listening; logs go to stderr.
 */

const argsSchema = z.object({
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
  source: z.enum(['simulator'], { error: 'must be "simulator" (the only source so far)' }),
});

function fail(message: string): never {
  // One line, whatever parseArgs wrote: scripts and people read the first line.
  process.stderr.write(`bridge: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
  process.exit(2);
}

let raw;
try {
  raw = parseArgs({
    options: {
      host: { type: 'string', default: '127.0.0.1' },
      port: { type: 'string', default: '7071' },
      'speed-factor': { type: 'string', default: '1' },
      source: { type: 'string', default: 'simulator' },
    },
    strict: true,
    allowPositionals: false,
  }).values;
} catch (error) {
  fail((error as Error).message);
}

const parsed = argsSchema.safeParse(raw);
if (!parsed.success) {
  fail(
    issueLines(parsed.error)
      .map((issue) => `--${issue.path} ${issue.message}`)
      .join('; '),
  );
}
const args = parsed.data;

const logger = createLogger('bridge', (line) => process.stderr.write(line));
if (!['127.0.0.1', '::1', 'localhost'].includes(args.host)) {
  logger.warn('bridge.not_loopback', {
    host: args.host,
    note: 'vehicle signals reachable off-box',
  });
}

// Handlers first: a supervisor may signal as soon as it reads the listening line.
let bridge: Bridge | undefined;
let closing = false;
const shutdown = async (signal: string) => {
  if (closing) return;
  closing = true;
  await bridge?.close();
  logger.info('bridge.stopped', { signal, store: bridge?.store.stats() });
  process.exit(0);
};
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

try {
  bridge = await startBridge({
    host: args.host,
    port: args.port,
    logger,
    source: (store) => run(store, { speedFactor: args['speed-factor'] }),
  });
} catch (error) {
  logger.error('bridge.listen_failed', { message: (error as Error).message });
  process.exit(1);
}
logger.info('bridge.listening', {
  url: bridge.url,
  source: args.source,
  speedFactor: args['speed-factor'],
});
process.stdout.write(`${JSON.stringify({ event: 'listening', url: bridge.url })}\n`);
