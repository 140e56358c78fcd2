import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { EngineeringStatus } from '../../../common/hostApi/engineering.schema.ts';
import type { HostServices } from '../services.ts';
import { HostFailure } from '../dispatch.ts';
import { bundleName, ExportFailed, writeBundle } from '../engineering/exportBundle.ts';
import { createPinGate } from '../engineering/pinGate.ts';
import { redactText, redactValue } from '../engineering/redact.ts';
import { createSessions } from '../engineering/sessions.ts';
import { publicVariantOf, type SystemFacts } from './system.ts';
import type { NamespaceHandlers } from './types.ts';

/** Waiting orders a bundle lists in full; the count is always there. */
const BUNDLE_ORDERS = 50;

export interface EngineeringDeps {
  services: Pick<HostServices, 'outbox' | 'dataDir' | 'monitor' | 'settings' | 'events'>;
  facts: SystemFacts;
  /** The unit's own secrets (cloud and bridge tokens): never in a log line or bundle. */
  secrets: readonly (string | null)[];
  /** The host's newest log lines. */
  recentLog: () => string[];
  now?: () => number;
}

export function engineeringHandlers(deps: EngineeringDeps): NamespaceHandlers<'engineering'> {
  const { services, facts, now = Date.now } = deps;
  const { variant } = facts;
  const gate = variant.engineering ? createPinGate(variant.engineering.pinSha256, now) : null;
  const sessions = createSessions(now);
  const secrets = deps.secrets.filter((s): s is string => typeof s === 'string');
  const exportDir = variant.engineering?.exportDir ?? null;

  const requireSession = (session: string) => {
    if (!sessions.valid(session)) {
      throw new HostFailure('forbidden', 'The engineering session has ended: enter the PIN again');
    }
  };
  const status = (): EngineeringStatus => ({
    outbox: { queued: services.outbox.pending(), lastError: services.outbox.lastSendError() },
    cloud: {
      state: services.monitor.current.cloud,
      latencyMs: services.monitor.latencyMs,
      checkedAt: services.monitor.current.checkedAt,
    },
    files: databaseFiles(services.dataDir),
    log: deps.recentLog().map((line) => redactText(line, secrets)),
    runtime: { node: process.versions.node, electron: process.versions.electron ?? null },
    exportDir,
  });

  return {
    'engineering.unlock': ({ pin }) => {
      if (!gate) {
        throw new HostFailure('forbidden', `The ${variant.name} line has no engineering PIN`);
      }
      const answer = gate.attempt(pin);
      return { ...answer, session: answer.unlocked ? sessions.open() : null };
    },
    'engineering.status': ({ session }) => {
      requireSession(session);
      return status();
    },
    'engineering.export': async ({ session, renderer }) => {
      requireSession(session);
      if (exportDir === null) {
        throw new HostFailure('unavailable', `The ${variant.name} line names no export folder`);
      }
      const at = new Date(now());
      const { log, ...host } = status();
      const diagnostics = redactValue(
        {
          bundle: 1,
          writtenAt: at.toISOString(),
          system: {
            version: facts.version,
            buildTime: facts.buildTime,
            transport: facts.transport,
            variant: variant.name,
          },
          variant: publicVariantOf(variant),
          settings: services.settings.get(),
          host,
          waitingOrders: services.outbox.waiting(BUNDLE_ORDERS),
          renderer,
        },
        secrets,
      );
      try {
        return await writeBundle({
          dir: exportDir,
          name: bundleName(variant.name, at),
          files: { diagnostics, logLines: log },
          onProgress: (progress) => services.events.emit('engineering.exportProgress', progress),
        });
      } catch (error) {
        if (error instanceof ExportFailed) throw new HostFailure('unavailable', error.message);
        throw error;
      }
    },
  };
}

/** The SQLite files in the data folder (the database, its WAL and shared memory), by size. */
function databaseFiles(dataDir: string): { name: string; bytes: number }[] {
  return readdirSync(dataDir)
    .filter((name) => /\.db(-wal|-shm)?$/.test(name))
    .sort()
    .map((name) => ({ name, bytes: statSync(join(dataDir, name)).size }));
}
