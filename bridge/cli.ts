import { createLogger } from '../common/log.ts';
import type { Logger } from '../common/log.ts';
import { parseCli } from './cliArgs.ts';
import type { SourceConfig } from './cliArgs.ts';
import { replaySource } from './replay/source.ts';
import { buildTimeline } from './replay/timeline.ts';
import { TraceError, loadTrace } from './replay/traceFile.ts';
import { scenarioSource } from './scenarios/catalog.ts';
import { startBridge } from './server.ts';
import type { Bridge, SignalSource } from './server.ts';

/**
 * Vehicle-bus bridge:
 *   npm run bridge -- --port 7071 --scenario city --speed-factor 5
 *   npm run bridge -- --source replay --trace drive.jsonl --loop
 * Prints one JSON line on stdout when listening; logs go to stderr.
 */

/** Invalid trace lines logged one by one; the rest only counted. */
const INVALID_LINES_LOGGED = 10;

function fail(message: string): never {
  process.stderr.write(`bridge: ${message}\n`);
  process.exit(2);
}

function sourceFor(
  config: SourceConfig,
  speedFactor: number,
  logger: Logger,
): { source: SignalSource; label: string } {
  if (config.kind === 'simulator') {
    return {
      source: scenarioSource(config.scenario, speedFactor),
      label: `simulator:${config.scenario}`,
    };
  }
  let trace;
  try {
    trace = loadTrace(config.trace);
  } catch (error) {
    if (error instanceof TraceError) fail(`--trace ${config.trace}: ${error.message}`);
    throw error;
  }
  for (const { line, reason } of trace.invalid.slice(0, INVALID_LINES_LOGGED)) {
    logger.warn('replay.invalid_line', { trace: config.trace, line, reason });
  }
  const timeline = buildTimeline(trace.samples, {
    leadInMs: config.leadInMs,
    leadOutMs: config.leadOutMs,
  });
  logger.info('replay.loaded', {
    trace: config.trace,
    lines: trace.lines,
    samples: trace.samples.length,
    invalid: trace.invalid.length,
    recordingStartMs: timeline.recordingStartMs,
    recordingEndMs: timeline.recordingEndMs,
    endMs: timeline.endMs,
  });
  return {
    source: replaySource(timeline, { loop: config.loop, speedFactor, logger }),
    label: `replay:${config.trace}`,
  };
}

const parsed = parseCli(process.argv.slice(2));
if (!parsed.ok) fail(parsed.message);
const config = parsed.config;

const logger = createLogger('bridge', (line) => process.stderr.write(line));
if (!['127.0.0.1', '::1', 'localhost'].includes(config.host)) {
  logger.warn('bridge.not_loopback', {
    host: config.host,
    note: 'vehicle signals reachable off-box',
  });
}
const { source, label } = sourceFor(config.source, config.speedFactor, logger);

// Handlers first: a supervisor may signal as soon as it reads the listening line.
let bridge: Bridge | undefined;
let closing = false;
const shutdown = async (signal: string) => {
  if (closing) return;
  closing = true;
  const stats = bridge?.stats();
  await bridge?.close();
  logger.info('bridge.stopped', {
    signal,
    store: stats?.store,
    dropped: stats?.dropped,
    rateLimited: stats?.rateLimited,
  });
  process.exit(0);
};
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

try {
  bridge = await startBridge({
    host: config.host,
    port: config.port,
    logger,
    source,
    sourceLabel: label,
    speedFactor: config.speedFactor,
    control: config.control,
  });
} catch (error) {
  logger.error('bridge.listen_failed', { message: (error as Error).message });
  process.exit(1);
}
logger.info('bridge.listening', {
  url: bridge.url,
  source: label,
  speedFactor: config.speedFactor,
  control: config.control,
});
process.stdout.write(`${JSON.stringify({ event: 'listening', url: bridge.url })}\n`);
