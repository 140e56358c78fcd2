import { createLogger } from '../common/log.ts';
import { installProcessPolicy } from '../common/node/processPolicy.ts';
import { parseCloudArgs, USAGE } from './args.ts';
import { startCloud } from './server.ts';

const log = createLogger(
  'cloud',
  (line) => process.stderr.write(line),
  Boolean(process.env.DASHPORT_DEBUG),
);
installProcessPolicy(log);

const parsed = parseCloudArgs(process.argv.slice(2), process.cwd());
if (!parsed.ok) {
  process.stderr.write(`cloud: ${parsed.error} (${USAGE})\n`);
  process.exit(2);
}
if ('help' in parsed) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}

try {
  const server = await startCloud({ ...parsed.args, logger: log });
  // Scripts wait for this one line on stdout; everything else goes to stderr.
  process.stdout.write(`${JSON.stringify({ event: 'listening', url: server.url })}\n`);
  const stop = (signal: string) => {
    log.info('stopping', { signal });
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error('close_failed', { error: String(error) });
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  log.error('start_failed', { error: (error as Error).message });
  process.exit(1);
}
