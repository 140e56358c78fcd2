import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Variant } from '../../../common/variant.schema.ts';
import type { HostServices } from '../services.ts';
import { HostFailure } from '../dispatch.ts';
import { createPinGate } from '../engineering/pinGate.ts';
import type { NamespaceHandlers } from './types.ts';

export function engineeringHandlers(
  variant: Variant,
  services: Pick<HostServices, 'outbox' | 'dataDir'>,
  now: () => number = Date.now,
): NamespaceHandlers<'engineering'> {
  const gate = variant.engineering ? createPinGate(variant.engineering.pinSha256, now) : null;
  return {
    'engineering.unlock': ({ pin }) => {
      if (!gate) {
        throw new HostFailure('forbidden', `The ${variant.name} line has no engineering PIN`);
      }
      return gate.attempt(pin);
    },
    'engineering.status': () => ({
      outbox: { queued: services.outbox.pending(), lastError: services.outbox.lastSendError() },
      files: databaseFiles(services.dataDir),
    }),
  };
}

/** The SQLite files in the data folder (the database, its WAL and shared memory), by size. */
function databaseFiles(dataDir: string): { name: string; bytes: number }[] {
  return readdirSync(dataDir)
    .filter((name) => /\.db(-wal|-shm)?$/.test(name))
    .sort()
    .map((name) => ({ name, bytes: statSync(join(dataDir, name)).size }));
}
