import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import { VISS_EVENT } from '../../common/viss/types.ts';

const repoRoot = resolve(import.meta.dirname, '..', '..');
const cli = join(repoRoot, 'bridge', 'cli.ts');
const children: ChildProcessWithoutNullStreams[] = [];

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
    [['--source', 'replay'], '--source must be "simulator"'],
    [['--colour', 'red'], "Unknown option '--colour'"],
  ])('rejects %j with exit 2 and one clear line', async (args, message) => {
    const child = start(args);
    const { code, stderr } = await exited(child);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain(message);
  });
});
