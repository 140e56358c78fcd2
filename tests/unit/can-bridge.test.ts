import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { parseCandumpLine } from '../../bridge/can/candump.ts';
import { createCanMapper } from '../../bridge/can/mapper.ts';
import { loadProfile, ProfileError } from '../../bridge/can/profile.ts';
import { canLiveSource, readCandumpLog } from '../../bridge/can/sources.ts';
import { combineSources, SourceOwnershipError } from '../../bridge/ownedSources.ts';
import { scenarioSource } from '../../bridge/scenarios/catalog.ts';
import { createSignalStore } from '../../bridge/signalStore.ts';
import { createLogger } from '../../common/log.ts';
import { SIGNAL } from '../../common/vss/signals.ts';
import { expectedSummary, fullLogText, RAV4_LOG_10S } from '../support/canFixtures.ts';
import { tempDir } from '../support/tmp.ts';
import { VissClient, change, until } from './bridge-support.ts';

const repoRoot = resolve(import.meta.dirname, '..', '..');
const RAV4 = join(repoRoot, 'build', 'vehicles', 'toyota-rav4-2018.json');
const cli = join(repoRoot, 'bridge', 'cli.ts');
const tmp = tempDir('can-bridge-');
const children: ChildProcessWithoutNullStreams[] = [];
afterAll(() => tmp.cleanup());
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

function start(args: string[]): ChildProcessWithoutNullStreams {
  const child = spawn(process.execPath, [cli, ...args], { cwd: repoRoot });
  children.push(child);
  return child;
}

function output(child: ChildProcessWithoutNullStreams) {
  let stderr = '';
  let stdout = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  return new Promise<{ code: number | null; stderr: string; stdout: string }>((done) =>
    child.once('exit', (code) => done({ code, stderr, stdout })),
  );
}

function listening(child: ChildProcessWithoutNullStreams): Promise<string> {
  return new Promise((done, fail) => {
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => done((JSON.parse(line) as { url: string }).url));
    child.once('exit', (code) => fail(new Error(`exited ${code}`)));
  });
}

/** Every value the mapper publishes, per path, from a whole log run through the profile. */
function publishedFrom(text: string) {
  const profile = loadProfile(RAV4);
  const store = createSignalStore();
  const seen = new Map<string, (number | boolean | string)[]>();
  store.onUpdate(({ path, value }) => seen.set(path, [...(seen.get(path) ?? []), value]));
  const mapper = createCanMapper(profile, store);
  for (const frame of readCandumpLog(text).frames) mapper.frame(frame);
  return { seen, stats: mapper.stats(), store };
}

describe('the RAV4 profile on the real recording', () => {
  it('validates against its DBC and the VSS subset', () => {
    const profile = loadProfile(RAV4);
    expect(profile.paths).toContain(SIGNAL.speed);
    expect(profile.paths).toContain(SIGNAL.selectedGear);
  });

  it('publishes VSS values that match the independent decode of the full minute', () => {
    const expected = expectedSummary('full');
    const { seen, stats } = publishedFrom(fullLogText());
    const throttled = new Set(
      [...loadProfile(RAV4).plans.values()].flatMap((p) =>
        p.outputs.filter((o) => o.intervalMs !== null).map((o) => o.path as string),
      ),
    );
    expect(stats.rejected).toBe(0);
    expect(stats.shortFrames).toBe(0);
    let compared = 0;
    for (const e of Object.values(expected.signals)) {
      const vss = e.vss;
      if (!vss || (typeof vss.stats?.first !== 'number' && typeof vss.stats?.first !== 'boolean'))
        continue;
      const values = seen.get(vss.path);
      if (!values) continue; // mapped by the summary, not by this profile (VIN)
      const nums = values.map(Number);
      const want = vss.stats;
      expect(Number(values[0]), `${vss.path} first`).toBeCloseTo(Number(want.first), 6);
      // A throttled path publishes at most every intervalMs: its last sample may be skipped.
      if (!throttled.has(vss.path)) {
        expect(Number(values.at(-1)), `${vss.path} last`).toBeCloseTo(Number(want.last), 6);
      }
      // Throttled paths may skip a sample, never invent one: within the decoded range.
      expect(Math.min(...nums)).toBeGreaterThanOrEqual(Number(want.min) - 1e-6);
      expect(Math.max(...nums)).toBeLessThanOrEqual(Number(want.max) + 1e-6);
      compared++;
    }
    expect(compared).toBeGreaterThanOrEqual(20);
    // On-change paths publish every change: their extremes are exactly the decoded ones.
    const speed = seen.get(SIGNAL.speed)!.map(Number);
    expect(Math.max(...speed)).toBeCloseTo(73.05, 6);
    expect(Math.min(...speed)).toBeCloseTo(29.38, 6);
    expect(seen.get(SIGNAL.selectedGear)).toEqual([127]);
    expect(seen.get(SIGNAL.traveledDistance)).toEqual([25088064, 25089673]);
  });

  it('counts what it cannot use and keeps serving: short frames, unknown ids, remote frames', () => {
    const profile = loadProfile(RAV4);
    const store = createSignalStore();
    const lines: string[] = [];
    const mapper = createCanMapper(
      profile,
      store,
      createLogger('bridge', (l) => lines.push(l)),
    );
    const frame = (line: string) => {
      const parsed = parseCandumpLine(line);
      if (!parsed.ok) throw new Error(parsed.reason);
      mapper.frame(parsed.frame);
    };
    frame('(1.000000) can0 0B4#0000'); // SPEED needs 7 bytes
    frame('(1.000001) can0 7FF#00'); // not in the profile
    frame('(1.000002) can0 0B4#R');
    frame('(1.000003) can0 0B4#000000000017D400'); // 61 km/h
    expect(mapper.stats()).toMatchObject({
      frames: 4,
      shortFrames: 1,
      unknownIds: 1,
      remoteFrames: 1,
      published: 1,
    });
    expect(store.getValue(SIGNAL.speed)).toBeCloseTo(61, 6);
    expect(lines.join('\n')).toContain('can.short_frame');
  });

  it('rejects and counts decoded values that break the VSS range, never passing them on', () => {
    const profile = loadProfile(RAV4);
    const store = createSignalStore();
    const mapper = createCanMapper(profile, store);
    // GAS_PEDAL 0x2C1 55|8 × 0.5 %: raw 0xFF is 127.5 %, beyond PedalPosition's 0..100.
    const parsed = parseCandumpLine('(1.000000) can0 2C1#000000000000FF00');
    if (!parsed.ok) throw new Error(parsed.reason);
    mapper.frame(parsed.frame);
    expect(mapper.stats().rejected).toBe(1);
    expect(store.getValue(SIGNAL.acceleratorPedal)).toBeUndefined();
    expect(store.stats().rejectedByPath[SIGNAL.acceleratorPedal]).toBe(1);
  });

  it('holds one value per path however long the burst', () => {
    const profile = loadProfile(RAV4);
    const store = createSignalStore();
    const mapper = createCanMapper(profile, store);
    const frames = readCandumpLog(readFileSync(RAV4_LOG_10S, 'utf8')).frames;
    const before = process.memoryUsage().heapUsed;
    for (let pass = 0; pass < 10; pass++) for (const f of frames) mapper.frame(f);
    expect(mapper.stats().frames).toBe(frames.length * 10);
    // 225,920 frames later the heap has not grown with them (a generous bound for GC noise).
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(64 * 1024 * 1024);
  });
});

describe('profile validation: one clear line per problem', () => {
  const write = (signals: Record<string, unknown>) => {
    const file = join(tmp.dir, `bad-${Math.random()}.json`);
    writeFileSync(
      file,
      JSON.stringify({
        name: 'bad',
        description: 'broken on purpose',
        buses: {
          can0: { dbc: join(repoRoot, 'build/vehicles/dbc/toyota_new_mc_pt_generated.dbc') },
        },
        signals,
      }),
    );
    return file;
  };
  const bad = {
    'Vehicle.NoSuchThing': { bus: 'can0', signal: 'SPEED.SPEED' },
    'Vehicle.Powertrain.Range': { bus: 'can0', signal: 'NO_SUCH.SIGNAL' },
    'Vehicle.IsMoving': { bus: 'can0', signal: 'SPEED.SPEED' },
    'Vehicle.Speed': { bus: 'can0', signal: 'ENGINE_RPM.RPM' },
    'Vehicle.Powertrain.Transmission.SelectedGear': {
      bus: 'can0',
      signal: 'GEAR_PACKET.GEAR',
      map: { P: 126, D: 999 },
    },
    'Vehicle.Chassis.Accelerator.PedalPosition': {
      bus: 'can0',
      signal: 'GAS_SENSOR.INTERCEPTOR_GAS',
      round: true,
    },
    'Vehicle.Chassis.ParkingBrake.IsEngaged': { bus: 'can9', signal: 'SPEED.SPEED', equals: 1 },
  };

  it('lists every bad field', () => {
    let error: unknown;
    try {
      loadProfile(write(bad));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ProfileError);
    const text = (error as ProfileError).problems.join('\n');
    expect(text).toContain('signals.Vehicle.NoSuchThing: unknown VSS path');
    expect(text).toContain('unknown DBC signal NO_SUCH.SIGNAL');
    expect(text).toContain('Vehicle.IsMoving is boolean');
    expect(text).toContain('unit mismatch: RPM is in rpm, Vehicle.Speed in km/h');
    expect(text).toContain('map.D: 999');
    expect(text).toContain('no bus can9');
    expect((error as ProfileError).problems.length).toBeGreaterThanOrEqual(6);
  });

  it('stops the bridge CLI with one line per problem and a non-zero exit', async () => {
    const done = output(start(['--check-profile', write(bad)]));
    const { code, stderr } = await done;
    expect(code).toBe(2);
    const lines = stderr.trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(6);
    for (const line of lines) expect(line).toMatch(/^bridge: .*bad-.*\.json: signals\./);
  });

  it('accepts the shipped profiles', async () => {
    const { code, stdout } = await output(start(['--check-profile', 'toyota-rav4-2018']));
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ event: 'profile_ok', paths: 27 });
  });
});

describe('the bridge serving the RAV4 log', () => {
  it('serves VISS notifications whose values match the independent decode, to a plain socket.io client', async () => {
    const expected = expectedSummary('10s');
    const want = (path: string) =>
      Object.values(expected.signals).find((e) => e.vss?.path === path)!.vss!.stats;
    const child = start([
      '--port',
      '0',
      '--source',
      'can',
      '--profile',
      'toyota-rav4-2018',
      '--candump',
      RAV4_LOG_10S,
      '--speed-factor',
      '5',
      '--loop',
    ]);
    const c = new VissClient(await listening(child));
    try {
      await c.connected();
      const speed = await c.subscribe(SIGNAL.speed, change('ne', '0'));
      const gear = await c.subscribe(SIGNAL.selectedGear, change('ne', '0'));
      const cruise = await c.subscribe('Vehicle.ADAS.CruiseControl.IsActive', change('ne', '0'));
      // The client joins after the first frames: the loop's second pass is seen whole. Cruise
      // control engages once per pass (false -> true), so its third value starts pass two.
      await until(() => c.values(cruise).length >= 4, 12_000, 'a whole second pass');
      const values = c.values(speed);
      const speeds = values.map(Number);
      expect(Math.min(...speeds)).toBeCloseTo(want(SIGNAL.speed).min, 6);
      expect(Math.max(...speeds)).toBeCloseTo(want(SIGNAL.speed).max, 6);
      expect(c.values(gear)).toEqual([String(want(SIGNAL.selectedGear).first)]);
      expect(c.values(cruise).slice(0, 4)).toEqual(['false', 'true', 'false', 'true']);
    } finally {
      c.close();
    }
  });

  it('fills what the car does not send from a scenario, each path from one source', async () => {
    const child = start([
      '--port',
      '0',
      '--source',
      'can',
      '--profile',
      'toyota-rav4-2018',
      '--candump',
      RAV4_LOG_10S,
      '--fill',
      'parked',
    ]);
    const c = new VissClient(await listening(child));
    try {
      await c.connected();
      const speed = await c.subscribe(SIGNAL.speed, change('ne', '0'));
      const lat = await c.subscribe(SIGNAL.latitude, change('ne', '0'));
      await until(() => c.values(speed).length > 0 && c.values(lat).length > 0, 5000, 'values');
      // Parked scenario says 0 km/h, the car says otherwise: the car owns speed.
      expect(Number(c.values(speed)[0])).toBeGreaterThan(29);
      expect(Number(c.values(lat)[0])).toBeCloseTo(37.7793, 3);
    } finally {
      c.close();
    }
  });

  it('refuses two sources claiming one path', () => {
    const source = scenarioSource('parked');
    expect(() =>
      combineSources([
        { label: 'a', source, owns: new Set([SIGNAL.speed]) },
        { label: 'b', source, owns: new Set([SIGNAL.speed]) },
      ]),
    ).toThrow(SourceOwnershipError);
  });
});

describe('live capture through candump -L', () => {
  it('decodes what a candump process prints (a stand-in: no CAN interface exists here)', async () => {
    const store = createSignalStore();
    let stats: () => { frames: number } = () => ({ frames: 0 });
    process.env.FAKE_CANDUMP_LOG = RAV4_LOG_10S;
    const handle = canLiveSource(loadProfile(RAV4), ['can0'], {
      candump: join(repoRoot, 'tests/fixtures/can/fake-candump.sh'),
      onMapper: (m) => (stats = m.stats),
    })(store);
    try {
      await until(() => stats().frames === 22_592, 10_000, 'all frames');
      expect(store.getValue(SIGNAL.selectedGear)).toBe(127);
    } finally {
      handle.stop();
    }
  });

  it('reports can-utils candump failing on a missing interface, and tries again', async () => {
    const lines: string[] = [];
    const handle = canLiveSource(loadProfile(RAV4), ['dashport-no-such-can'], {
      logger: createLogger('bridge', (l) => lines.push(l)),
      restartMs: 100,
    })(createSignalStore());
    try {
      await until(
        () => lines.filter((l) => l.includes('can.candump_exited')).length >= 2,
        5000,
        'two exits',
      );
      expect(lines.find((l) => l.includes('can.candump_exited'))).toMatch(
        /dashport-no-such-can|No such device/,
      );
    } finally {
      handle.stop();
    }
  });
});

describe('a silent bus', () => {
  it('forgets its values after 500 ms without frames, and publishes again when frames return', () => {
    const profile = loadProfile(RAV4);
    const store = createSignalStore();
    const mapper = createCanMapper(profile, store);
    const speedFrame = parseCandumpLine('(1.000000) can0 0B4#000000000017D400');
    if (!speedFrame.ok) throw new Error(speedFrame.reason);
    mapper.frame(speedFrame.frame, 1_000);
    mapper.checkSilence(1_400);
    expect(store.getValue(SIGNAL.speed)).toBeCloseTo(61, 6);
    mapper.checkSilence(1_600);
    expect(store.getValue(SIGNAL.speed)).toBeUndefined();
    expect(mapper.stats().silences).toBe(1);
    // The same value again after the silence is published: readers had lost it.
    mapper.frame(speedFrame.frame, 2_000);
    expect(store.getValue(SIGNAL.speed)).toBeCloseTo(61, 6);
  });
});

describe('the variant names the vehicle profile (OEM configuration, no code)', () => {
  const variantWith = (signals: unknown) => {
    const dev = JSON.parse(readFileSync(join(repoRoot, 'build/variants/dev.json'), 'utf8')) as {
      vehicle: Record<string, unknown>;
    };
    dev.vehicle.signals = signals;
    const file = join(tmp.dir, `variant-${Math.random()}.json`);
    writeFileSync(file, JSON.stringify(dev));
    return file;
  };

  it('serves CAN through the variant’s profile, the rest from its fill scenario', async () => {
    const file = variantWith({ source: 'can', profile: 'toyota-rav4-2018', fill: 'parked' });
    const child = start(['--port', '0', '--variant', file, '--candump', RAV4_LOG_10S]);
    const c = new VissClient(await listening(child));
    try {
      await c.connected();
      const gear = await c.subscribe(SIGNAL.selectedGear, change('ne', '0'));
      const lat = await c.subscribe(SIGNAL.latitude, change('ne', '0'));
      await until(() => c.values(gear).length > 0 && c.values(lat).length > 0, 5000, 'values');
      expect(c.values(gear)).toEqual(['127']);
    } finally {
      c.close();
    }
  });

  it.each([
    [{ source: 'can', profile: 'no-such-car' }, /no-such-car\.json: cannot be read/],
    [
      { source: 'can', profile: 'toyota-rav4-2018', fill: 'moon' },
      /vehicle\.signals\.fill: not a scenario/,
    ],
    [{ source: 'radio' }, /vehicle\.signals\.source/],
  ])('stops on a bad vehicle.signals %o with a clear line', async (signals, why) => {
    const { code, stderr } = await output(
      start(['--port', '0', '--variant', variantWith(signals)]),
    );
    expect(code).toBe(2);
    expect(stderr).toMatch(why);
  });

  it('refuses --scenario for a line that reads CAN, naming the fill that serves the rest', async () => {
    const file = variantWith({ source: 'can', profile: 'toyota-rav4-2018', fill: 'parked' });
    const { code, stderr } = await output(
      start(['--port', '0', '--variant', file, '--scenario', 'city']),
    );
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(
      /--scenario city: .* reads the car from CAN \(profile toyota-rav4-2018\).*fill/,
    );
  });
});
