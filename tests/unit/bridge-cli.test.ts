import { TEST_CONTROL_TOKEN } from '../support/controlToken.ts';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import { VISS_EVENT } from '../../common/viss/types.ts';
import { tempDir } from '../support/tmp.ts';
import { ControlClient, VissClient, change, paths, until } from './bridge-support.ts';

const repoRoot = resolve(import.meta.dirname, '..', '..');
const cli = join(repoRoot, 'bridge', 'cli.ts');
const children: ChildProcessWithoutNullStreams[] = [];
const FIXTURE = join(repoRoot, 'tests', 'fixtures', 'traces', 'comma2k19_example1_rav4.jsonl');
const tmp = tempDir('bridge-cli-');
afterAll(() => tmp.cleanup());

function start(args: string[]): ChildProcessWithoutNullStreams {
  const child = spawn(process.execPath, [cli, ...args], { cwd: repoRoot });
  children.push(child);
  return child;
}

function exited(
  child: ChildProcessWithoutNullStreams,
): Promise<{ code: number | null; stderr: string }> {
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stderr })));
}

function firstLine(child: ChildProcessWithoutNullStreams): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once('line', (line) => {
      lines.close();
      resolve(line);
    });
    child.once('exit', (code) => reject(new Error(`exited ${code} before listening`)));
  });
}

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

describe('bridge CLI', () => {
  it('prints the listening line, serves VISS, and exits 0 on SIGTERM', async () => {
    const child = start(['--port', '0', '--speed-factor', '5']);
    const done = exited(child);
    const listening = JSON.parse(await firstLine(child)) as { event: string; url: string };
    expect(listening).toEqual({
      event: 'listening',
      url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
    });

    const socket = io(listening.url, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
    });
    try {
      const reply = new Promise<Record<string, unknown>>((r) => socket.once(VISS_EVENT, r));
      socket.emit(VISS_EVENT, { action: 'get', path: 'Vehicle.Powertrain.Type', requestId: '1' });
      expect(await reply).toMatchObject({ action: 'get', data: { dp: { value: 'COMBUSTION' } } });
    } finally {
      socket.close();
    }

    child.kill('SIGTERM');
    const { code, stderr } = await done;
    expect(code).toBe(0);
    // Logs are JSON lines on stderr.
    const events = stderr
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { event: string }).event);
    expect(events).toContain('bridge.listening');
    expect(events).toContain('bridge.stopped');
  });

  it('also exits 0 on SIGINT', async () => {
    const child = start(['--port', '0']);
    const done = exited(child);
    await firstLine(child);
    child.kill('SIGINT');
    expect((await done).code).toBe(0);
  });

  it.each([
    [['--port', 'abc'], '--port must be an integer 0..65535'],
    [['--port', '70000'], '--port must be an integer 0..65535'],
    [['--speed-factor', '-1'], '--speed-factor'],
    [['--source', 'tram'], '--source must be "simulator", "replay" or "can"'],
    [['--control'], '--control-token of at least 32 characters is required with --control'],
    [['--control', '--control-token', 'short'], '--control-token of at least 32 characters'],
    [['--control-token', 'x'.repeat(40)], '--control-token applies to --control only'],
    [['--source', 'can'], '--profile is required with --source can'],
    [['--profile', 'x'], '--profile applies to --source can only'],
    [
      ['--source', 'can', '--profile', 'x', '--candump', 'a.log', '--interfaces', 'can0'],
      '--interfaces is for live capture',
    ],
    [['--source', 'can', '--profile', 'x', '--loop'], '--loop applies to a --candump replay only'],
    [['--source', 'can', '--profile', 'x', '--interfaces', 'can0;rm'], '--interfaces must be'],
    [['--source', 'replay'], '--trace is required with --source replay'],
    [['--scenario', 'moon'], '--scenario must be one of loop, parked, city'],
    [['--trace', 'drive.jsonl'], '--trace applies to --source replay only'],
    [['--loop'], '--loop applies to --source replay only'],
    [
      ['--source', 'replay', '--trace', FIXTURE, '--scenario', 'city'],
      '--scenario applies to --source simulator only',
    ],
    [['--source', 'replay', '--trace', FIXTURE, '--bench'], '--bench runs the simulator'],
    [['--bench', '--scenario', 'city'], '--bench conflicts with --scenario city'],
    [['--source', 'replay', '--trace', FIXTURE, '--lead-in-ms', '-5'], '--lead-in-ms'],
    [['--source', 'replay', '--trace', 'nowhere.jsonl'], 'cannot read nowhere.jsonl: ENOENT'],
    [['--colour', 'red'], "Unknown option '--colour'"],
  ])('rejects %j with exit 2 and one clear line', async (args, message) => {
    const child = start(args);
    const { code, stderr } = await exited(child);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain(message);
  });

  it('refuses a malformed trace with the line number', async () => {
    const file = join(tmp.dir, 'malformed.jsonl');
    writeFileSync(
      file,
      [
        '{"t": 0, "path": "Vehicle.Speed", "value": 0}',
        '{"t": 100, "path": "Vehicle.Speed", "value": 1}',
        '{"t": 200, "path": "Vehicle.Speed" "value": 2}',
      ].join('\n'),
    );
    const { code, stderr } = await exited(start(['--source', 'replay', '--trace', file]));
    expect(code).toBe(2);
    expect(stderr.trim()).toBe(
      `bridge: --trace ${file}: line 3: not valid JSON: "{\\"t\\": 200, \\"path\\": \\"Vehicle.Speed\\" \\"value\\": 2}"`,
    );
  });

  it('replays the fixture trace at 20x: speed notifications from the recording', async () => {
    const child = start([
      '--port',
      '0',
      '--source',
      'replay',
      '--trace',
      'tests/fixtures/traces/comma2k19_example1_rav4.jsonl',
      '--speed-factor',
      '20',
    ]);
    const done = exited(child);
    const { url } = JSON.parse(await firstLine(child)) as { url: string };
    const c = new VissClient(url);
    try {
      await c.connected();
      const speed = await c.subscribe('Vehicle.Speed', change('ne', '0'));
      const gear = await c.subscribe(
        'Vehicle.Powertrain.Transmission.SelectedGear',
        change('ne', '0'),
      );
      // Lead-in (3 s) and ramp (3.2 s) pass in ~0.3 s at 20x; then the recording plays.
      await until(() => c.values(speed).includes('28.71'), 5000, 'the first recorded speed');
      await until(() => c.values(speed).length > 20, 5000, 'recorded speeds streaming');
      const values = c.values(speed).map(Number);
      expect(values[0]).toBe(0);
      const recorded = values.slice(values.indexOf(28.71));
      expect(recorded.every((v) => v >= 28.71 && v <= 71.37)).toBe(true);
      expect(c.values(gear)).toEqual(['126', '127']);
    } finally {
      c.close();
    }
    child.kill('SIGTERM');
    const { code, stderr } = await done;
    expect(code).toBe(0);
    const loaded = stderr
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((entry) => entry.event === 'replay.loaded');
    expect(loaded).toMatchObject({ lines: 2337, samples: 2337, invalid: 0 });
  });

  it('logs invalid trace lines by number and replays the rest', async () => {
    const file = join(tmp.dir, 'some-invalid.jsonl');
    writeFileSync(
      file,
      [
        '{"t": 0, "path": "Vehicle.Speed", "value": 0}',
        '{"t": 50, "path": "Vehicle.Powertrain.FuelSystem.RelativeLevel", "value": 140}',
        '{"t": 100, "path": "Vehicle.Speed", "value": 12.5}',
      ].join('\n'),
    );
    const child = start(['--port', '0', '--source', 'replay', '--trace', file, '--loop']);
    const done = exited(child);
    await firstLine(child);
    child.kill('SIGTERM');
    const { code, stderr } = await done;
    expect(code).toBe(0);
    const entries = stderr
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(entries.find((e) => e.event === 'replay.invalid_line')).toMatchObject({
      level: 'warn',
      line: 2,
      reason: expect.stringContaining('above max 100'),
    });
    expect(entries.find((e) => e.event === 'replay.loaded')).toMatchObject({
      samples: 2,
      invalid: 1,
    });
  });

  it.each([
    [['--scenario', 'ev-low-charge'], 'Vehicle.Powertrain.Type', 'ELECTRIC'],
    [['--scenario', 'ignition-off'], 'Vehicle.LowVoltageSystemState', 'OFF'],
    // Beside a simulated line, the scenario is that line's drive (the dev line: the loop by default).
    [['--variant', 'dev', '--scenario', 'ignition-off'], 'Vehicle.LowVoltageSystemState', 'OFF'],
    // …on the line's powertrain: "parked" on the electric Hangzhou line reports charge.
    [['--variant', 'hangzhou-ev', '--scenario', 'parked'], 'Vehicle.Powertrain.Type', 'ELECTRIC'],
  ])('runs the scenario named by %j', async (args, path, value) => {
    const child = start(['--port', '0', ...args]);
    const { url } = JSON.parse(await firstLine(child)) as { url: string };
    const c = new VissClient(url);
    try {
      await c.connected();
      c.send({ action: 'get', path, requestId: 'g' });
      expect((await c.reply('g')).data).toMatchObject({ dp: { value } });
    } finally {
      c.close();
      child.kill('SIGTERM');
    }
  });

  it('--bench serves 40 signals, and --control opens the control channel', async () => {
    const child = start([
      '--port',
      '0',
      '--bench',
      '--control',
      '--control-token',
      TEST_CONTROL_TOKEN,
    ]);
    const done = exited(child);
    const { url } = JSON.parse(await firstLine(child)) as { url: string };
    const c = new VissClient(url);
    const control = new ControlClient(url);
    try {
      await c.connected();
      c.send({ action: 'get', path: 'Vehicle', filter: paths('*'), requestId: 'all' });
      expect((await c.reply('all')).data).toHaveLength(40);
      await control.connected();
      expect(await control.send({ op: 'scenario', name: 'parked' })).toEqual({ ok: true });
    } finally {
      c.close();
      control.close();
    }
    child.kill('SIGTERM');
    const { stderr } = await done;
    expect(stderr).toContain('"event":"control.enabled"');
  });
});
