import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface RunningService {
  name: string;
  url: string;
  child: ChildProcess;
  /** The whole `listening` line, for what a service announces beyond its URL. */
  ready: Readonly<Record<string, unknown>>;
  /** Sends SIGTERM and resolves with the exit code once the process is gone. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export interface SpawnOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
  /** Where the service's stderr (structured logs) goes; default: discarded unless DASHPORT_DEBUG is set. */
  stderr?: 'inherit' | 'ignore' | 'pipe';
}

/**
 * Starts one of our Node CLIs (bridge, cloud, host) and waits for its `{"event":"listening"}` line.
 * Shared by `npm run start:web` and the end-to-end tests so both start the parts the same way.
 */
export function spawnService(
  name: string,
  script: string,
  args: string[],
  options: SpawnOptions = {},
): Promise<RunningService> {
  const stderr = options.stderr ?? (process.env.DASHPORT_DEBUG ? 'inherit' : 'pipe');
  const child = spawn(process.execPath, [script, ...args], {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', stderr],
  });
  let errText = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    errText = (errText + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );

  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(`${name} did not start within ${options.timeoutMs ?? 20_000} ms\n${errText}`),
      );
    }, options.timeoutMs ?? 20_000);
    const earlyExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with code ${code} before listening\n${errText}`));
    };
    child.once('exit', earlyExit);
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      let msg: { event?: string; url?: string } & Record<string, unknown>;
      try {
        msg = JSON.parse(line) as typeof msg;
      } catch {
        return;
      }
      if (msg.event !== 'listening' || typeof msg.url !== 'string') return;
      clearTimeout(timer);
      child.off('exit', earlyExit);
      resolve({
        name,
        url: msg.url,
        child,
        ready: msg,
        stop: async (signal = 'SIGTERM') => {
          if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
          child.kill(signal);
          return exited;
        },
      });
    });
  });
}

export function portOf(url: string): string {
  const parsed = new URL(url);
  // URL leaves the port empty when it is the protocol's own.
  return parsed.port || (parsed.protocol === 'https:' ? '443' : '80');
}
