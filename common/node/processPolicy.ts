import type { Logger } from '../log.ts';

/** What a process does with an error nothing caught: the one rule, as data a test can read. */
export function fatalRecord(kind: 'unhandledRejection' | 'uncaughtException', reason: unknown) {
  const error = reason instanceof Error ? reason : new Error(String(reason));
  return { kind, error: error.message, stack: error.stack };
}

/**
 * Every Dashport process has one handler for errors nothing caught: it logs them and exits
 * non-zero, so systemd restarts the process in a known state instead of it limping on with a
 * half-done task (Node 24 would also end it, but without our log line). `exit` is injected so a
 * test can observe it.
 */
export function installProcessPolicy(
  log: Logger,
  exit: (code: number) => void = (code) => process.exit(code),
): void {
  const fatal = (kind: 'unhandledRejection' | 'uncaughtException') => (reason: unknown) => {
    log.error('process.fatal', fatalRecord(kind, reason));
    exit(1);
  };
  process.on('unhandledRejection', fatal('unhandledRejection'));
  process.on('uncaughtException', fatal('uncaughtException'));
}
