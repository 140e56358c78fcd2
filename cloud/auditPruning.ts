import type { DatabaseSync } from 'node:sqlite';
import type { Logger } from '../common/log.ts';
import { pruneAudit } from './audit.ts';

/** How long the received-data audit keeps a row unless `--audit-days` says otherwise. */
export const DEFAULT_AUDIT_DAYS = 30;
const EVERY_MS = 60 * 60 * 1000;

/** Prunes the audit now and then hourly; a failure is logged and tried again next hour. */
export function startAuditPruning(options: {
  db: DatabaseSync;
  now: () => Date;
  log: Logger;
  days: number;
}): { stop(): void } {
  const run = () => {
    try {
      const removed = pruneAudit(options.db, options.now(), options.days);
      if (removed > 0) options.log.info('audit_pruned', { removed, days: options.days });
    } catch (error) {
      options.log.error('audit_prune_failed', { error: String(error) });
    }
  };
  run();
  const timer = setInterval(run, EVERY_MS).unref();
  return { stop: () => clearInterval(timer) };
}
