import { createLogger } from '../common/log.ts';
import { isLoopbackHost } from '../common/loopback.ts';
import { resolveBridgeToken } from '../common/node/bridgeToken.ts';
import type { Logger } from '../common/log.ts';
import { parseCli } from './cliArgs.ts';
import type { SourceConfig } from './cliArgs.ts';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadProfile, profileFile, ProfileError, type CanProfile } from './can/profile.ts';
import { canLiveSource, canReplaySource, readCandumpLog } from './can/sources.ts';
import { combineSources, SourceOwnershipError } from './ownedSources.ts';
import { replaySource } from './replay/source.ts';
import { buildTimeline } from './replay/timeline.ts';
import { TraceError, loadTrace } from './replay/traceFile.ts';
import {
  isScenarioName,
  SCENARIO_NAMES,
  scenarioSource,
  simulatedPowertrain,
} from './scenarios/catalog.ts';
import type { Powertrain } from './scenarios/car.ts';
import { loadVariant } from '../common/node/variantFile.ts';
import { installProcessPolicy } from '../common/node/processPolicy.ts';
import { startBridge } from './server.ts';
import type { Bridge, SignalSource } from './server.ts';

/**
 * Vehicle-bus bridge:
 *   npm run bridge -- --port 7071 --scenario city --speed-factor 5
 *   npm run bridge -- --source replay --trace drive.jsonl --loop
 *   npm run bridge -- --source can --profile toyota-rav4-2018 --candump drive.log [--fill loop]
 *   npm run bridge -- --source can --profile toyota-rav4-2018            (live: candump -L can0)
 *   npm run bridge -- --check-profile toyota-rav4-2018
 * Prints one JSON line on stdout when listening; logs go to stderr.
 */

/** Invalid trace lines logged one by one; the rest only counted. */
const INVALID_LINES_LOGGED = 10;

function fail(message: string): never {
  process.stderr.write(`bridge: ${message}\n`);
  process.exit(2);
}

const REPO_ROOT = resolve(import.meta.dirname, '..');

/** Loads a profile, or stops the bridge with one line per problem. */
function profileOrExit(nameOrFile: string): CanProfile {
  try {
    return loadProfile(profileFile(nameOrFile, REPO_ROOT));
  } catch (error) {
    if (!(error instanceof ProfileError)) throw error;
    for (const problem of error.problems) process.stderr.write(`bridge: ${problem}\n`);
    process.exit(2);
  }
}

function canSourceFor(
  config: Extract<SourceConfig, { kind: 'can' }>,
  speedFactor: number,
  logger: Logger,
): { source: SignalSource; label: string } {
  const profile = profileOrExit(config.profile);
  let can: SignalSource;
  let label: string;
  if (config.candump !== null) {
    let text: string;
    try {
      text = readFileSync(config.candump, 'utf8');
    } catch (error) {
      fail(`--candump ${config.candump}: ${(error as Error).message}`);
    }
    const log = readCandumpLog(text);
    for (const { line, reason } of log.invalid.slice(0, INVALID_LINES_LOGGED)) {
      logger.warn('can.invalid_line', { candump: config.candump, line, reason });
    }
    logger.info('can.log_loaded', {
      candump: config.candump,
      frames: log.frames.length,
      invalid: log.invalid.length,
    });
    can = canReplaySource(profile, log.frames, { speedFactor, loop: config.loop, logger });
    label = `can:${profile.name}:${config.candump}`;
  } else {
    const interfaces = config.interfaces ?? profile.buses;
    can = canLiveSource(profile, interfaces, { logger });
    label = `can:${profile.name}:${interfaces.join(',')}`;
  }
  if (config.fill === null) return { source: can, label };
  try {
    const combined = combineSources([
      { label: 'can', source: can, owns: new Set(profile.paths) },
      {
        label: config.fill,
        source: scenarioSource(config.fill, speedFactor, powertrain),
        owns: 'rest',
      },
    ]);
    return { source: combined.source, label: `${label}+simulator:${config.fill}` };
  } catch (error) {
    if (error instanceof SourceOwnershipError) fail(error.message);
    throw error;
  }
}

function sourceFor(
  config: SourceConfig,
  speedFactor: number,
  logger: Logger,
): { source: SignalSource; label: string } {
  if (config.kind === 'can') return canSourceFor(config, speedFactor, logger);
  if (config.kind === 'simulator') {
    return {
      source: scenarioSource(config.scenario, speedFactor, powertrain),
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

/**
 * The variant's vehicle.signals decides the source: the simulator, or CAN through a profile. A
 * --candump given beside --variant replays a log through the variant's profile (bench work).
 */
let clientTokenRequired = false;
/** The simulator drives the vehicle line's powertrain: an electric line reports charge, not fuel. */
let powertrain: Powertrain | undefined;
if (config.variant !== null) {
  const loaded = loadVariant(config.variant, REPO_ROOT);
  if (!loaded.ok) {
    for (const problem of loaded.problems) process.stderr.write(`bridge: ${problem}\n`);
    process.exit(2);
  }
  clientTokenRequired = loaded.variant.bridgeAuth === 'token';
  powertrain = simulatedPowertrain(loaded.variant.vehicle.powertrain);
  const signals = loaded.variant.vehicle.signals;
  if (signals.source === 'simulator' && config.source.kind === 'can') {
    fail(`--candump needs a CAN profile; ${loaded.file} has vehicle.signals.source "simulator"`);
  }
  if (signals.source === 'can' && config.scenarioGiven !== null) {
    fail(
      `--scenario ${config.scenarioGiven}: ${loaded.file} reads the car from CAN (profile ${signals.profile}); ` +
        'its vehicle.signals.fill names the scenario for the paths the profile does not map',
    );
  }
  if (signals.source === 'can') {
    const fill = signals.fill ?? null;
    if (fill !== null && !isScenarioName(fill)) {
      fail(`${loaded.file}: vehicle.signals.fill: not a scenario (${SCENARIO_NAMES.join(', ')})`);
    }
    const candump = config.source.kind === 'can' ? config.source.candump : null;
    config.source = {
      kind: 'can',
      profile: signals.profile,
      candump,
      interfaces: signals.interfaces ?? null,
      loop: config.source.kind === 'can' && config.source.loop,
      fill,
    };
  }
}

if (config.checkProfile !== null) {
  const profile = profileOrExit(config.checkProfile);
  process.stdout.write(
    `${JSON.stringify({ event: 'profile_ok', profile: profile.name, buses: profile.buses, paths: profile.paths.length, messages: profile.plans.size })}\n`,
  );
  process.exit(0);
}

const clientToken = resolveBridgeToken({
  env: process.env,
  file: config.clientTokenFile ?? undefined,
  required: clientTokenRequired,
});
if (!clientToken.ok) fail(`client token: ${clientToken.problem}`);

const logger = createLogger('bridge', (line) => process.stderr.write(line));
installProcessPolicy(logger);
if (!isLoopbackHost(config.host)) {
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
    powertrain,
    control: config.control ?? undefined,
    clientToken: clientToken.token ?? undefined,
  });
} catch (error) {
  logger.error('bridge.listen_failed', { message: (error as Error).message });
  process.exit(1);
}
logger.info('bridge.listening', {
  url: bridge.url,
  source: label,
  speedFactor: config.speedFactor,
  control: config.control !== null,
  clientToken: clientToken.token !== null,
});
process.stdout.write(`${JSON.stringify({ event: 'listening', url: bridge.url })}\n`);
