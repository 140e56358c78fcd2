import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCandumpLine, type CanFrame } from '../../../bridge/can/candump.ts';
import { createCanMapper, type CanMapper } from '../../../bridge/can/mapper.ts';
import { loadProfile } from '../../../bridge/can/profile.ts';
import { startBridge } from '../../../bridge/server.ts';
import { createSignalStore } from '../../../bridge/signalStore.ts';
import { subscribeRequest, ON_ANY_CHANGE } from '../../../common/viss/requests.ts';
import { VISS_EVENT } from '../../../common/viss/types.ts';
import { SIGNAL } from '../../../common/vss/signals.ts';
import { io } from 'socket.io-client';
import { fullLogText } from '../../support/canFixtures.ts';
import { PROJECT_ROOT } from '../../support/devVariant.ts';
import { median, percentile, round, summarise, type Summary } from '../stats.ts';

const PROFILE = join(PROJECT_ROOT, 'build', 'vehicles', 'toyota-rav4-2018.json');

export interface CanBench {
  frames: number;
  /** Frames per second through line parsing, decoding, mapping and VSS validation, one core. */
  decodeFramesPerS: {
    median: number | null;
    min: number | null;
    max: number | null;
    runs: number[];
  };
  /** The bridge process's CPU while replaying the minute at its recorded rate. */
  replayCpuPercentOfOneCore: number | null;
  replayFramesPerS: number;
  /** A frame handed to the mapper until a VISS client on loopback has the notification. */
  frameToNotificationMs: Summary;
}

/** Parse + decode + map + validate every line of the minute, `runs` times, on this thread. */
function decodeThroughput(lines: readonly string[], runs: number): number[] {
  const profile = loadProfile(PROFILE);
  const out: number[] = [];
  for (let run = 0; run < runs; run++) {
    const mapper = createCanMapper(profile, createSignalStore());
    const t0 = performance.now();
    for (const line of lines) {
      const parsed = parseCandumpLine(line);
      if (parsed.ok) mapper.frame(parsed.frame, 0);
    }
    out.push(lines.length / ((performance.now() - t0) / 1000));
  }
  return out;
}

/** utime + stime of a process, in seconds (Linux /proc). */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return ticks / 100; // USER_HZ is 100 on Linux
}

async function replayCpu(logFile: string, wallMs: number): Promise<number | null> {
  const child = spawn(
    process.execPath,
    [
      join(PROJECT_ROOT, 'bridge', 'cli.ts'),
      '--port',
      '0',
      '--source',
      'can',
      '--profile',
      'toyota-rav4-2018',
      '--candump',
      logFile,
    ],
    { stdio: ['ignore', 'pipe', 'ignore'] },
  );
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout.once('data', () => resolve());
      child.once('exit', (code) => reject(new Error(`bridge exited ${code}`)));
    });
    // From the listening line on: the log is loaded, the replay is running at 1x.
    const c0 = cpuSeconds(child.pid!);
    const t0 = performance.now();
    await new Promise((r) => setTimeout(r, wallMs));
    const used = cpuSeconds(child.pid!) - c0;
    return (used / ((performance.now() - t0) / 1000)) * 100;
  } finally {
    child.kill('SIGKILL');
  }
}

async function notificationLatency(samples: number): Promise<Summary> {
  const profile = loadProfile(PROFILE);
  let mapper: CanMapper | undefined;
  const bridge = await startBridge({
    host: '127.0.0.1',
    port: 0,
    source: (store) => {
      mapper = createCanMapper(profile, store);
      return { stop: () => {} };
    },
  });
  const socket = io(bridge.url, { transports: ['websocket'], forceNew: true, reconnection: false });
  try {
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    const sent = new Map<string, number>();
    const latencies: number[] = [];
    socket.on(VISS_EVENT, (m: { action?: string; data?: { dp?: { value?: string } } }) => {
      const at = sent.get(m.data?.dp?.value ?? '');
      if (m.action === 'subscription' && at !== undefined) latencies.push(performance.now() - at);
    });
    socket.emit(VISS_EVENT, subscribeRequest(SIGNAL.speed, ON_ANY_CHANGE, 'bench'));
    await new Promise((r) => setTimeout(r, 200));
    for (let i = 0; i < samples; i++) {
      // SPEED 0x0B4, 47|16 Motorola × 0.01: a new speed each frame, so each is notified.
      const raw = 3000 + i;
      const data = Uint8Array.from([0, 0, 0, 0, 0, raw >> 8, raw & 0xff, 0]);
      const frame: CanFrame = {
        tsUs: i * 20_000,
        iface: 'can0',
        id: 0xb4,
        extended: false,
        remote: false,
        fd: false,
        data,
      };
      sent.set(String(raw / 100), performance.now());
      mapper!.frame(frame);
      await new Promise((r) => setTimeout(r, 20));
    }
    await new Promise((r) => setTimeout(r, 200));
    return summarise(latencies);
  } finally {
    socket.close();
    await bridge.close();
  }
}

export async function measureCan(options: {
  decodeRuns: number;
  cpuWallMs: number;
  latencySamples: number;
  tmpDir: string;
}): Promise<CanBench> {
  const text = fullLogText();
  const lines = text.split('\n').filter((l) => l !== '');
  const runs = decodeThroughput(lines, options.decodeRuns);
  const logFile = join(options.tmpDir, 'rav4-full.log');
  writeFileSync(logFile, text);
  const firstTs = parseCandumpLine(lines[0]!);
  const lastTs = parseCandumpLine(lines.at(-1)!);
  const spanS =
    firstTs.ok && lastTs.ok ? (lastTs.frame.tsUs - firstTs.frame.tsUs) / 1e6 : Number.NaN;
  return {
    frames: lines.length,
    decodeFramesPerS: {
      median: round(median(runs), 0),
      min: round(percentile(runs, 0), 0),
      max: round(percentile(runs, 100), 0),
      runs: runs.map((r) => Math.round(r)),
    },
    replayCpuPercentOfOneCore: round(await replayCpu(logFile, options.cpuWallMs), 1),
    replayFramesPerS: Math.round(lines.length / spanS),
    frameToNotificationMs: await notificationLatency(options.latencySamples),
  };
}
