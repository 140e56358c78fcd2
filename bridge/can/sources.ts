import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { Logger } from '../../common/log.ts';
import type { SignalSource } from '../sources.ts';
import { startTicker } from '../ticker.ts';
import { parseCandumpLine, type CanFrame } from './candump.ts';
import { createCanMapper, type CanMapper } from './mapper.ts';
import type { CanProfile } from './profile.ts';

/** The frames of a candump -L log, with the lines that could not be read. */
export function readCandumpLog(text: string): {
  frames: CanFrame[];
  invalid: { line: number; reason: string }[];
} {
  const frames: CanFrame[] = [];
  const invalid: { line: number; reason: string }[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const parsed = parseCandumpLine(line);
    if (parsed.ok) frames.push(parsed.frame);
    else invalid.push({ line: i + 1, reason: parsed.reason });
  });
  return { frames, invalid };
}

export interface CanReplayOptions {
  speedFactor?: number;
  loop?: boolean;
  /** Wall-clock tick; default 10 ms. */
  tickMs?: number;
  logger?: Logger;
  /** Told the mapper once it exists (tests and the bench read its counters). */
  onMapper?: (mapper: CanMapper) => void;
}

/**
 * Replays a recorded log at its recorded timing (times `speedFactor`): every frame is decoded
 * when its time comes, so a home screen sees the drive as the car lived it.
 */
export function canReplaySource(
  profile: CanProfile,
  frames: readonly CanFrame[],
  options: CanReplayOptions = {},
): SignalSource {
  const { speedFactor = 1, loop = false, tickMs = 10, logger } = options;
  if (!(Number.isFinite(speedFactor) && speedFactor > 0)) {
    throw new RangeError('speedFactor must be a number > 0');
  }
  return (store) => {
    const mapper = createCanMapper(profile, store, logger);
    options.onMapper?.(mapper);
    const t0 = frames[0]?.tsUs ?? 0;
    let next = 0;
    let clockUs = 0;
    // After the last frame the clock keeps running, so the silence is noticed.
    let ended = false;
    const step = (elapsedMs: number) => {
      clockUs += elapsedMs * 1000 * speedFactor;
      const wall = Date.now();
      while (next < frames.length && frames[next]!.tsUs - t0 <= clockUs) {
        mapper.frame(frames[next]!, wall);
        next++;
      }
      mapper.checkSilence(wall);
      if (next >= frames.length && !ended) {
        ended = true;
        logger?.info('can.replay_pass_done', { ...mapper.stats() });
        if (loop && frames.length > 0) {
          next = 0;
          clockUs = 0;
          ended = false;
          mapper.reset();
        }
      }
    };
    step(0);
    return startTicker(tickMs, step);
  };
}

export interface CanLiveOptions {
  /** The candump program (Debian's can-utils); a path for tests. */
  candump?: string;
  logger?: Logger;
  onMapper?: (mapper: CanMapper) => void;
  /** First wait before starting candump again after it exits; doubles up to 30 s. */
  restartMs?: number;
}

/**
 * Live SocketCAN through can-utils' `candump -L <interfaces>`: a line-based pipe that needs no
 * native addon rebuilt for arm64, and the same format as the recorded logs. If candump exits (an
 * interface not up yet, a bus-off), it is started again after `restartMs`.
 */
export function canLiveSource(
  profile: CanProfile,
  interfaces: readonly string[],
  options: CanLiveOptions = {},
): SignalSource {
  const { candump = 'candump', logger, restartMs = 2000 } = options;
  return (store) => {
    const mapper = createCanMapper(profile, store, logger);
    options.onMapper?.(mapper);
    let stopped = false;
    let child: ReturnType<typeof spawn> | undefined;
    let restart: ReturnType<typeof setTimeout> | undefined;
    let malformed = 0;
    let wait = restartMs;

    const run = () => {
      child = spawn(candump, ['-L', ...interfaces], { stdio: ['ignore', 'pipe', 'pipe'] });
      const lines = createInterface({ input: child.stdout! });
      lines.on('line', (line) => {
        const parsed = parseCandumpLine(line);
        wait = restartMs; // the bus is talking: the next failure starts the backoff afresh
        if (parsed.ok) mapper.frame(parsed.frame);
        else if (++malformed <= 10) logger?.warn('can.malformed_line', { reason: parsed.reason });
      });
      let stderr = '';
      child.stderr!.on('data', (chunk: Buffer) => {
        stderr = (stderr + chunk.toString()).slice(-500);
      });
      child.on('error', (error) => {
        logger?.error('can.candump_failed', { candump, error: error.message });
      });
      child.on('close', (code) => {
        if (stopped) return;
        logger?.error('can.candump_exited', {
          code,
          interfaces,
          stderr: stderr.trim(),
          restartInMs: wait,
        });
        restart = setTimeout(run, wait);
        wait = Math.min(wait * 2, 30_000);
      });
    };
    run();
    const watchdog = setInterval(() => mapper.checkSilence(), 100);
    return {
      stop: () => {
        stopped = true;
        clearInterval(watchdog);
        if (restart) clearTimeout(restart);
        child?.kill();
      },
    };
  };
}
