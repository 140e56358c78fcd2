import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('../../cloud/cli.ts', import.meta.url));

interface Run {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function run(args: string[], cwd: string): Run {
  const child = spawn(process.execPath, [CLI, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, stdout: () => out, stderr: () => err, exit };
}

/** Resolves with the listening URL from the one JSON line the CLI prints on stdout. */
async function listening(r: Run): Promise<string> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const line = r.stdout().split('\n')[0] ?? '';
    if (r.stdout().includes('\n')) {
      const parsed = JSON.parse(line) as { event: string; url: string };
      expect(parsed).toEqual({
        event: 'listening',
        url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/),
      });
      return parsed.url;
    }
    if (r.child.exitCode !== null) throw new Error(`cli exited early: ${r.stderr()}`);
    await new Promise((res) => setTimeout(res, 20));
  }
  throw new Error(`no listening line; stderr: ${r.stderr()}`);
}

let dir: string;
const running: Run[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dashport-cloud-cli-'));
});

afterEach(async () => {
  for (const r of running.splice(0)) {
    if (r.child.exitCode === null && r.child.signalCode === null) r.child.kill('SIGKILL');
    await r.exit;
  }
  rmSync(dir, { recursive: true, force: true });
});

describe('cloud CLI', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    'serves /health, logs JSON to stderr and exits 0 on %s',
    async (signal) => {
      const dbPath = join(dir, 'db', 'cloud.db');
      const r = run(['--port', '0', '--db', dbPath], dir);
      running.push(r);
      const url = await listening(r);
      const res = await fetch(`${url}/health`);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ status: 'ok' });
      expect(existsSync(dbPath)).toBe(true);

      r.child.kill(signal);
      expect(await r.exit).toEqual({ code: 0, signal: null });
      expect(r.stdout().trim().split('\n')).toHaveLength(1);
      const logs = r
        .stderr()
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as { event: string });
      expect(logs.map((l) => l.event)).toEqual(
        expect.arrayContaining(['listening', 'request', 'stopping', 'closed']),
      );
    },
  );

  it('runs the merchant simulator at --order-step-ms', async () => {
    const r = run(['--port', '0', '--db', join(dir, 'c.db'), '--order-step-ms', '20'], dir);
    running.push(r);
    const url = await listening(r);
    const headers = {
      authorization: 'Bearer dev-vehicle-token',
      'content-type': 'application/json',
    };
    const put = await fetch(`${url}/v1/orders/cli-order-0001`, {
      method: 'PUT',
      headers,
      body: JSON.stringify({
        merchantId: 'sf-van-ness-fuel', // open around the clock
        currency: 'USD',
        fulfilment: 'pickup',
        paymentMethodId: 'pm_demo1visa4242',
        lines: [{ itemId: 'prepay-30', quantity: 1, optionIds: ['regular'] }],
      }),
    });
    expect(put.status).toBe(201);
    const deadline = Date.now() + 5000;
    let state = '';
    while (state !== 'completed' && Date.now() < deadline) {
      await new Promise((res) => setTimeout(res, 20));
      const res = await fetch(`${url}/v1/orders/cli-order-0001`, { headers });
      state = ((await res.json()) as { state: string }).state;
    }
    expect(state).toBe('completed');
    r.child.kill('SIGTERM');
    expect((await r.exit).code).toBe(0);
  });

  it('defaults the database to .data/cloud.db under the working directory', async () => {
    const r = run(['--port', '0'], dir);
    running.push(r);
    await listening(r);
    expect(existsSync(join(dir, '.data', 'cloud.db'))).toBe(true);
    r.child.kill('SIGTERM');
    expect((await r.exit).code).toBe(0);
  });

  it.each([
    [['--port', 'nope'], /--port "nope": expected an integer 0-65535/],
    [['--port', '70000'], /--port "70000": expected an integer 0-65535/],
    [['--host', ' '], /--host/],
    [['--order-step-ms=-1'], /--order-step-ms "-1": expected an integer 0-3600000/],
    [['--order-step-ms', '-1'], /--order-step-ms/],
    [['--order-step-ms', 'fast'], /--order-step-ms "fast"/],
    [['--order-step-ms', '3600001'], /--order-step-ms/],
    [['--bogus'], /bogus/],
    [['extra'], /extra/],
  ])('rejects %j with one stderr line and exit 2', async (args, message) => {
    const r = run(args, dir);
    running.push(r);
    expect((await r.exit).code).toBe(2);
    const lines = r.stderr().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
    expect(r.stdout()).toBe('');
    expect(existsSync(join(dir, '.data'))).toBe(false);
  });

  it('exits 1 with a logged reason when the server cannot start', async () => {
    const first = run(['--port', '0', '--db', join(dir, 'a.db')], dir);
    running.push(first);
    const port = new URL(await listening(first)).port;
    const second = run(['--port', port, '--db', join(dir, 'b.db')], dir);
    running.push(second);
    expect((await second.exit).code).toBe(1);
    expect(second.stdout()).toBe('');
    // The last log line gives the reason (seeding the fresh database may be logged before it).
    const lines = second.stderr().trim().split('\n');
    expect(JSON.parse(lines[lines.length - 1] ?? '')).toMatchObject({
      level: 'error',
      event: 'start_failed',
      error: expect.stringContaining('EADDRINUSE'),
    });
  });
});
