import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PARK_AFTER_MS } from '../../bridge/replay/derive.ts';
import { createReplayPlayer } from '../../bridge/replay/player.ts';
import { replaySource } from '../../bridge/replay/source.ts';
import { buildTimeline } from '../../bridge/replay/timeline.ts';
import type { TimedSample } from '../../bridge/replay/sample.ts';
import { TraceError, loadTrace, parseTrace } from '../../bridge/replay/traceFile.ts';
import { startBridge } from '../../bridge/server.ts';
import { createSignalStore } from '../../bridge/signalStore.ts';
import { GEAR, SIGNAL } from '../../common/vss/signals.ts';
import { tempDir } from '../support/tmp.ts';
import { VissClient, change, until } from './bridge-support.ts';

const FIXTURE = resolve(
  import.meta.dirname,
  '..',
  'fixtures',
  'traces',
  'comma2k19_example1_rav4.jsonl',
);
const tmp = tempDir('bridge-replay-');
afterAll(() => tmp.cleanup());

/** The recorded speeds, straight from the file. */
const recordedSpeeds = readFileSync(FIXTURE, 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as { t: number; path: string; value: number })
  .filter((r) => r.path === SIGNAL.speed);

function writeTrace(name: string, lines: string[]): string {
  const file = join(tmp.dir, name);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

const distinct = (xs: unknown[]) => xs.filter((x, i) => i === 0 || x !== xs[i - 1]);

describe('trace files', () => {
  it('reads the comma2k19 fixture whole: 2,337 valid samples', () => {
    const trace = loadTrace(FIXTURE);
    expect(trace.lines).toBe(2337);
    expect(trace.samples).toHaveLength(2337);
    expect(trace.invalid).toEqual([]);
    expect(trace.samples[0]).toEqual({ t: 0, path: SIGNAL.speed, value: 28.71 });
  });

  it.each([
    ['not JSON', '{"t": 5, "path": "Vehicle.Speed", "value": 1', 3, 'not valid JSON'],
    ['not an object', '[5, "Vehicle.Speed", 1]', 3, 'must be a JSON object'],
    ['no t', '{"path": "Vehicle.Speed", "value": 1}', 3, '"t" must be an integer'],
    ['fractional t', '{"t": 5.5, "path": "Vehicle.Speed", "value": 1}', 3, '"t" must be'],
    ['t going back', '{"t": 1, "path": "Vehicle.Speed", "value": 1}', 3, 'before the previous'],
    ['path not a string', '{"t": 5, "path": 7, "value": 1}', 3, '"path" must be a string'],
    ['value missing', '{"t": 5, "path": "Vehicle.Speed"}', 3, '"value" must be'],
    ['value an object', '{"t": 5, "path": "Vehicle.Speed", "value": {}}', 3, '"value" must be'],
  ])('refuses a malformed file (%s) with the line number', (_name, bad, line, reason) => {
    const file = writeTrace(`bad-${line}-${Math.random()}.jsonl`, [
      '{"t": 0, "path": "Vehicle.Speed", "value": 0}',
      '{"t": 2, "path": "Vehicle.Speed", "value": 1}',
      bad,
      '{"t": 9, "path": "Vehicle.Speed", "value": 2}',
    ]);
    let error: unknown;
    try {
      loadTrace(file);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(TraceError);
    expect((error as TraceError).line).toBe(line);
    expect((error as TraceError).message).toMatch(new RegExp(`^line ${line}: `));
    expect((error as TraceError).message).toContain(reason);
  });

  it('skips and reports lines whose value breaks VSS, and keeps the rest', () => {
    const trace = parseTrace(
      [
        '{"t": 0, "path": "Vehicle.Speed", "value": 10}',
        '{"t": 1, "path": "Vehicle.Powertrain.FuelSystem.Level", "value": 50}',
        '',
        '{"t": 2, "path": "Vehicle.Powertrain.FuelSystem.RelativeLevel", "value": 140}',
        '{"t": 3, "path": "Vehicle.Speed", "value": "fast"}',
        '{"t": 4, "path": "constructor", "value": 1}',
        '{"t": 5, "path": "Vehicle.Speed", "value": 12}\r',
      ].join('\n'),
    );
    expect(trace.samples.map((s) => s.value)).toEqual([10, 12]);
    expect(trace.invalid.map((i) => i.line)).toEqual([2, 4, 5, 6]);
    expect(trace.invalid[1]?.reason).toContain('above max 100');
    expect(trace.lines).toBe(6);
  });

  it('refuses a file with no usable sample, and a missing file, clearly', () => {
    expect(() => parseTrace('{"t": 0, "path": "Vehicle.Nope", "value": 1}\n')).toThrow(
      /no valid samples/,
    );
    expect(() => loadTrace(join(tmp.dir, 'missing.jsonl'))).toThrow(/cannot read .*ENOENT/);
  });
});

describe('replay timeline', () => {
  const timeline = buildTimeline(loadTrace(FIXTURE).samples, { leadInMs: 3000, leadOutMs: 3000 });
  const at = (path: string, from: number, to: number) =>
    timeline.samples.filter((s) => s.path === path && s.t >= from && s.t <= to);

  it('starts parked, drives the recording, and ends parked', () => {
    const gears = timeline.samples.filter((s) => s.path === SIGNAL.selectedGear);
    expect(gears.map((g) => g.value)).toEqual([GEAR.park, GEAR.drive, GEAR.park]);
    expect(gears.every((g) => g.origin === 'derived')).toBe(true);
    expect(gears[0]?.t).toBe(0);
    const speeds = timeline.samples.filter((s) => s.path === SIGNAL.speed);
    expect(speeds[0]).toMatchObject({ t: 0, value: 0, origin: 'padding' });
    expect(speeds.at(-1)).toMatchObject({ value: 0, origin: 'padding' });
    // Park comes PARK_AFTER_MS into the final standstill, within the lead-out.
    const stop = speeds.at(-1) as TimedSample;
    expect(gears[2]?.t).toBe(stop.t + PARK_AFTER_MS);
    expect(timeline.endMs).toBe(stop.t + 3000);
    const moving = timeline.samples.filter((s) => s.path === SIGNAL.isMoving);
    expect(moving.map((m) => m.value)).toEqual([false, true, false]);
  });

  it('keeps every recorded value and its timing untouched between lead-in and lead-out', () => {
    const recorded = at(SIGNAL.speed, timeline.recordingStartMs, timeline.recordingEndMs);
    expect(recorded.every((s) => s.origin === 'trace')).toBe(true);
    expect(recorded.map((s) => s.value)).toEqual(recordedSpeeds.map((r) => r.value));
    expect(recorded.map((s) => s.t - timeline.recordingStartMs)).toEqual(
      recordedSpeeds.map((r) => r.t),
    );
    expect(timeline.recordingEndMs - timeline.recordingStartMs).toBe(59_917);
    expect(timeline.samples.filter((s) => s.origin === 'trace')).toHaveLength(2337);
  });

  it('ramps calmly from standstill to the first recorded speed and back down', () => {
    const rampIn = at(SIGNAL.speed, 3000, timeline.recordingStartMs - 1);
    const values = rampIn.map((s) => s.value as number);
    expect(values.every((v, i) => i === 0 || v > (values[i - 1] as number))).toBe(true);
    expect(Math.max(...values)).toBeLessThan(28.71);
    // 28.71 km/h at 9 km/h/s: 3.2 s.
    expect(timeline.recordingStartMs).toBe(3000 + 3200);
    const rampOut = at(SIGNAL.speed, timeline.recordingEndMs + 1, timeline.endMs);
    const down = rampOut.map((s) => s.value as number);
    expect(down.every((v, i) => i === 0 || v < (down[i - 1] as number))).toBe(true);
    expect(down.at(-1)).toBe(0);
  });

  it('holds the first recorded position during the lead-in', () => {
    const start = timeline.samples.filter((s) => s.t === 0).map((s) => [s.path, s.value]);
    expect(start).toEqual(
      expect.arrayContaining([
        [SIGNAL.latitude, 37.720998],
        [SIGNAL.longitude, -122.472305],
      ]),
    );
  });

  it('plays a recording that has no speed as it is', () => {
    const plain = buildTimeline([{ t: 17, path: SIGNAL.fuelLevel, value: 90 }]);
    expect(plain.samples).toEqual([{ t: 0, path: SIGNAL.fuelLevel, value: 90, origin: 'trace' }]);
  });
});

describe('replay player', () => {
  const timeline = buildTimeline(loadTrace(FIXTURE).samples);

  it('emits each sample when its time comes, whatever the step size', () => {
    const coarse = createReplayPlayer(timeline, false);
    const fine = createReplayPlayer(timeline, false);
    const a: TimedSample[] = [];
    const b: TimedSample[] = [];
    while (!coarse.done()) a.push(...coarse.advance(1_000));
    while (!fine.done()) b.push(...fine.advance(7));
    expect(a).toEqual(timeline.samples);
    expect(b).toEqual(timeline.samples);
    expect(coarse.advance(1000)).toEqual([]);
  });

  it('loops: after the lead-out it starts over, parked', () => {
    const player = createReplayPlayer(timeline, true);
    player.advance(timeline.endMs - 1);
    const wrap = player.advance(10);
    expect(player.passes()).toBe(1);
    expect(player.done()).toBe(false);
    expect(wrap.filter((s) => s.t === 0).map((s) => s.path)).toContain(SIGNAL.speed);
    // A very long step never replays more than one pass at once.
    const long = player.advance(timeline.endMs * 5);
    expect(long.length).toBeLessThanOrEqual(timeline.samples.length * 2);
  });
});

describe('replay source', () => {
  it('makes a VISS client see parked -> moving -> parked, with the recorded speeds', async () => {
    // A lead-in of 60 s (0.6 s at 100x) leaves the client time to connect and subscribe while
    // the car is still parked; the default 3 s (30 ms) raced the subscriptions on a busy machine.
    const timeline = buildTimeline(loadTrace(FIXTURE).samples, {
      leadInMs: 60_000,
      leadOutMs: 3_000,
    });
    const bridge = await startBridge({
      host: '127.0.0.1',
      port: 0,
      source: replaySource(timeline, { speedFactor: 100 }),
    });
    const c = new VissClient(bridge.url);
    try {
      await c.connected();
      const gear = await c.subscribe(SIGNAL.selectedGear, change('ne', '0'));
      const speed = await c.subscribe(SIGNAL.speed, change('ne', '0'));
      await until(() => distinct(c.values(gear)).length >= 3, 5000, 'three gear changes');
      expect(c.values(gear)).toEqual(['126', '127', '126']);
      const seen = c.values(speed).map(Number);
      expect(seen[0]).toBe(0);
      expect(seen.at(-1)).toBe(0);
      // A change subscription sees each recorded speed that differs from the one before it.
      const recorded = distinct(recordedSpeeds.map((r) => r.value));
      const window = seen.slice(seen.indexOf(28.71), seen.indexOf(28.71) + recorded.length);
      expect(window).toEqual(recorded);
      expect(bridge.store.stats().rejected).toBe(0);
    } finally {
      c.close();
      await bridge.close();
    }
  });

  it('pauses and resumes the replay clock', async () => {
    const store = createSignalStore();
    const timeline = buildTimeline(loadTrace(FIXTURE).samples);
    const source = replaySource(timeline, { speedFactor: 50 })(store);
    try {
      await until(() => store.getValue(SIGNAL.selectedGear) === GEAR.drive, 3000, 'driving');
      source.pause?.();
      const held = store.stats().accepted;
      await new Promise((r) => setTimeout(r, 100));
      expect(store.stats().accepted).toBe(held);
      source.resume?.();
      await until(() => store.stats().accepted > held, 1000, 'resumed');
    } finally {
      source.stop();
    }
  });
});
