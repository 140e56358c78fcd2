import { hostPageUrl } from '../../scripts/lib/hostPage.ts';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium } from '../e2e/browser.ts';
import { startStack } from '../e2e/stack.ts';
import { connectControl } from '../e2e/vehicleControl.ts';
import { devVariant, PROJECT_ROOT } from '../support/devVariant.ts';
import { tempDir } from '../support/tmp.ts';
import { buildBare } from './bare/build.ts';
import { atLeast, atMost, both, formatTable, row, type BudgetRow } from './budgets.ts';
import { CPU_THROTTLING, openHeadUnitPage, waitInteractive } from './headUnit.ts';
import { measureColdStart, measureIgnitionStart } from './measure/coldStart.ts';
import { measureFrames } from './measure/frames.ts';
import { measureHeap } from './measure/heap.ts';
import { measureJs } from './measure/jsSize.ts';
import { measureCan } from './measure/can.ts';
import { measureRestriction } from './measure/restriction.ts';
import { measureWarmTransitions, transitions } from './measure/transitions.ts';
import { scriptTable, startupTable } from './report.ts';
import { measureTapFeedback } from './measure/tap.ts';
import { measureValueToPixel } from './measure/valueToPixel.ts';
import { serveFolder } from './staticServer.ts';

/**
 * `npm run bench`: the DESIGN §10 budgets on the head-unit profile (Debian Chromium, CPU
 * throttled 4x) against the real bridge, host and cloud. Writes test-results/bench.json and
 * prints one row per budget. Not part of `npm test`; exits non-zero only if it cannot measure
 * (or, with --strict, when a budget fails).
 */

function parseOptions() {
  try {
    return parseArgs({
      options: {
        quick: { type: 'boolean', default: false },
        /** Only the CAN decoder's figures (no browser): seconds instead of minutes. */
        'can-only': { type: 'boolean', default: false },
        strict: { type: 'boolean', default: false },
        out: { type: 'string', default: join(PROJECT_ROOT, 'test-results', 'bench.json') },
        /** The recorded drive replayed for the heap budget (shared trace format). */
        trace: {
          type: 'string',
          default: join(PROJECT_ROOT, '..', 'shared', 'traces', 'comma2k19_example1_rav4.jsonl'),
        },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    process.stderr.write(`bench: ${(error as Error).message}\n`);
    process.exit(2);
  }
}
const opts = parseOptions();

const QUICK = opts.quick;
const PLAN = {
  coldRuns: QUICK ? 2 : 5,
  streamMs: QUICK ? 5_000 : 20_000,
  framesMs: QUICK ? 5_000 : 10_000,
  crossings: QUICK ? 8 : 30,
  taps: QUICK ? 8 : 30,
  /** Rounds through the nav bar's entries for the warm screen transitions. */
  transitionRounds: QUICK ? 2 : 6,
  /** The recorded drive replays at this factor, so the wall time covers factor x the drive. */
  heapWallMs: QUICK ? 30_000 : 120_000,
  heapSpeedFactor: 5,
  heapEveryMs: QUICK ? 5_000 : 10_000,
  canDecodeRuns: QUICK ? 3 : 7,
  canCpuWallMs: QUICK ? 5_000 : 15_000,
  canLatencySamples: QUICK ? 100 : 300,
};
const TRACE = opts.trace;
const RENDERER_OUT = join(PROJECT_ROOT, 'out', 'renderer');

const log = (message: string) => process.stderr.write(`bench: ${message}\n`);

if (!existsSync(join(RENDERER_OUT, 'index.html'))) {
  log('out/renderer is missing: run `npm run build` first (npm run bench does).');
  process.exit(2);
}
if (!existsSync(TRACE)) {
  log(`--trace ${TRACE}: no such file (a recorded drive in the shared trace format)`);
  process.exit(2);
}

const variant = devVariant();
const tmp = tempDir('dashport-bench-');
const cleanups: (() => Promise<unknown> | void)[] = [() => tmp.cleanup()];
const cleanup = async () => {
  for (const step of cleanups.reverse()) await step();
};

/** The CAN rows (DESIGN §10): decode rate on one core, frame to notification p99. */
async function canSection() {
  log('CAN: decode throughput, replay CPU, frame to notification (RAV4 recording)');
  const can = await measureCan({
    decodeRuns: PLAN.canDecodeRuns,
    cpuWallMs: PLAN.canCpuWallMs,
    latencySamples: PLAN.canLatencySamples,
    tmpDir: tmp.dir,
  });
  const rows: BudgetRow[] = [
    row(
      `CAN decode on one core (median of ${can.decodeFramesPerS.runs.length}, ${can.decodeFramesPerS.min}…${can.decodeFramesPerS.max})`,
      '>= 100,000 frames/s',
      atLeast(can.decodeFramesPerS.median, 100_000, 'frames/s', 0),
    ),
    row(
      'CAN frame -> VISS notification p99',
      '<= 5 ms',
      atMost(can.frameToNotificationMs.p99, 5, 'ms', 2),
    ),
  ];
  const note = `bridge CPU replaying the RAV4 minute at its recorded rate (${can.replayFramesPerS} frames/s): ${can.replayCpuPercentOfOneCore} % of one core`;
  return { can, rows, note };
}

if (opts['can-only']) {
  try {
    const { can, rows, note } = await canSection();
    mkdirSync(dirname(opts.out), { recursive: true });
    writeFileSync(
      opts.out,
      `${JSON.stringify({ generatedAt: new Date().toISOString(), can, budgets: rows }, null, 2)}\n`,
    );
    process.stdout.write(`${formatTable(rows)}\n${note}\n\nwritten: ${opts.out}\n`);
    await cleanup();
    process.exit(opts.strict && rows.some((r) => r.status !== 'pass') ? 1 : 0);
  } catch (error) {
    log(`failed: ${(error as Error).stack ?? String(error)}`);
    await cleanup().catch(() => {});
    process.exit(1);
  }
}

try {
  log(`plan ${JSON.stringify(PLAN)}`);
  const canPart = await canSection();
  const bareDir = join(tmp.dir, 'bare');
  const [stack, browser] = await Promise.all([
    // Speed factor 4: the loop drive cycles in about 11 s, so the readout changes often.
    startStack(join(tmp.dir, 'stream'), {
      bridgeArgs: ['--scenario', 'bench', '--speed-factor', '4'],
    }),
    launchChromium(),
    buildBare(bareDir),
  ]);
  cleanups.push(
    () => stack.stop(),
    () => browser.close(),
  );
  const bare = await serveFolder(bareDir);
  cleanups.push(() => bare.close());
  const chromiumVersion = browser.version();

  log('cold start (app and bare React page, fresh context each run)');
  const cold = await measureColdStart(
    browser,
    hostPageUrl(stack.host),
    bare.url,
    variant.panel,
    PLAN.coldRuns,
  );
  const js = measureJs(RENDERER_OUT, cold.appScripts);
  const bareJs = measureJs(bareDir, cold.bareScripts);
  log('ignition start (the browser started again on a profile kept on disk, after 3 starts)');
  const ignition = await measureIgnitionStart(
    hostPageUrl(stack.host),
    bare.url,
    variant.panel,
    PLAN.coldRuns,
    tmp.dir,
  );

  log('signals streaming: value to pixel, frames');
  const vehicle = await connectControl(stack.bridge.url);
  cleanups.push(() => vehicle.close());
  const live = await openHeadUnitPage(browser, hostPageUrl(stack.host), variant.panel);
  cleanups.push(() => live.close());
  await waitInteractive(live);
  const [valueToPixel, frames] = await Promise.all([
    measureValueToPixel(live.page, PLAN.streamMs),
    measureFrames(live.page, PLAN.framesMs),
  ]);

  log('restriction latency (control channel)');
  const restriction = await measureRestriction(live.page, vehicle, PLAN.crossings);
  log('tap feedback');
  await vehicle.park(); // the settings screen is gated while moving
  const tap = await measureTapFeedback(live, PLAN.taps);
  log('screen transitions (nav taps; the cold runs gave the first, chunk-loading ones)');
  const screens = transitions(
    cold.firstTransitionMs,
    await measureWarmTransitions(live, PLAN.transitionRounds),
  );
  const streamErrors = [...live.errors];
  // The streaming bridge would only add load to the heap run; stopping twice is harmless.
  await live.close();
  vehicle.close();
  await stack.stop();

  log(`heap over a replayed drive (${PLAN.heapWallMs / 1000} s at ${PLAN.heapSpeedFactor}x)`);
  const replay = await startStack(join(tmp.dir, 'replay'), {
    bridgeArgs: [
      '--source',
      'replay',
      '--trace',
      TRACE,
      '--loop',
      '--speed-factor',
      String(PLAN.heapSpeedFactor),
    ],
  });
  cleanups.push(() => replay.stop());
  const heapPage = await openHeadUnitPage(browser, hostPageUrl(replay.host), variant.panel);
  cleanups.push(() => heapPage.close());
  await waitInteractive(heapPage);
  const heap = await measureHeap(
    heapPage.cdp,
    PLAN.heapWallMs,
    PLAN.heapWallMs * PLAN.heapSpeedFactor,
    PLAN.heapEveryMs,
  );

  const rows: BudgetRow[] = [
    row(
      'cold start to home with live values, app / bare React',
      '<= 1.5x (aim 1.2x)',
      atMost(cold.ratio, 1.5, 'x bare', 2),
    ),
    row(
      'ignition start (profile kept), app / bare React',
      '<= 1.2x',
      atMost(ignition.ratio, 1.2, 'x bare', 2),
    ),
    row('initial JavaScript, gzip', '<= 90 KB', atMost(js.gzipBytes / 1024, 90, 'KB')),
    row(
      'bridge value to pixel p95 (50 Hz x 40 signals)',
      '<= 25 ms',
      atMost(valueToPixel.total.p95, 25, 'ms'),
    ),
    row(
      'nav tap to new screen painted p95 (with lazy chunks)',
      '<= 100 ms',
      atMost(screens.total.p95, 100, 'ms'),
    ),
    row(
      'moving threshold -> restricted controls disabled p99',
      '<= 100 ms',
      atMost(restriction.total.p99, 100, 'ms'),
    ),
    row('tap to visible feedback p95', '<= 100 ms', atMost(tap.total.p95, 100, 'ms')),
    row('frames while signals stream (median)', '>= 55 fps', atLeast(frames.medianFps, 55, 'fps')),
    row(
      `renderer JS heap after replayed drive (${Number((heap.driveMs / 60_000).toFixed(1))} min)`,
      '<= 60 MB, growth <= 10 % over last half',
      both(atMost(heap.finalMB, 60, 'MB'), atMost(heap.lastHalfGrowthPercent, 10, '% growth')),
    ),
    ...canPart.rows,
  ];

  const result = {
    generatedAt: new Date().toISOString(),
    profile: {
      browser: `Chromium ${chromiumVersion} (${process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'})`,
      cpuThrottling: CPU_THROTTLING,
      viewport: `${variant.panel.widthPx}x${variant.panel.heightPx} @1x`,
      bridge: 'scenario bench: 40 signals published at 50 Hz; renderer on its own subscriptions',
      quick: QUICK,
    },
    plan: PLAN,
    budgets: rows,
    coldStart: cold,
    ignitionStart: ignition,
    transitions: screens,
    initialJs: js,
    bareReactJs: bareJs,
    valueToPixel,
    frames,
    restriction,
    tapFeedback: tap,
    heap: { ...heap, trace: TRACE, speedFactor: PLAN.heapSpeedFactor },
    can: canPart.can,
    pageErrors: [...streamErrors, ...heapPage.errors],
  };
  mkdirSync(dirname(opts.out), { recursive: true });
  writeFileSync(opts.out, `${JSON.stringify(result, null, 2)}\n`);

  process.stdout.write(
    `${formatTable(rows)}\n\n${startupTable(cold, ignition)}\n\n${scriptTable(js, bareJs)}\n` +
      `${canPart.note}\n\nwritten: ${opts.out}\n`,
  );
  await cleanup();
  const failed = rows.some((r) => r.status !== 'pass');
  process.exit(opts.strict && failed ? 1 : 0);
} catch (error) {
  log(`failed: ${(error as Error).stack ?? String(error)}`);
  await cleanup().catch(() => {});
  process.exit(1);
}
