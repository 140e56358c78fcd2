import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CloudServer } from '../../cloud/server.ts';
import { createLogger } from '../../common/log.ts';
import { fatalRecord } from '../../common/node/processPolicy.ts';
import { openHostDatabase } from '../../electron/host/db.ts';
import { CloudClient } from '../../electron/host/cloudClient/client.ts';
import { ConsentStore } from '../../electron/host/consent/consentStore.ts';
import { ConsentSync } from '../../electron/host/consent/consentSync.ts';
import { cloudHarness, TOKEN_1, type Harness } from '../support/cloud.ts';
import { PROJECT_ROOT } from '../support/devVariant.ts';
import { tempDir } from '../support/tmp.ts';

/** Runs a snippet in a fresh Node with the policy installed; returns its exit and stderr. */
function runWithPolicy(snippet: string) {
  const policy = join(PROJECT_ROOT, 'common/node/processPolicy.ts');
  const log = join(PROJECT_ROOT, 'common/log.ts');
  const code = `
    const { installProcessPolicy } = await import(${JSON.stringify(policy)});
    const { createLogger } = await import(${JSON.stringify(log)});
    installProcessPolicy(createLogger('test', (l) => process.stderr.write(l)));
    ${snippet}
    setTimeout(() => process.exit(0), 500);
  `;
  return spawnSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' });
}

describe('process policy: log and exit non-zero on anything uncaught (systemd restarts)', () => {
  it.each([
    ['an unhandled rejection', "Promise.reject(new Error('boom'));", 'unhandledRejection'],
    [
      'an uncaught exception',
      "setTimeout(() => { throw new Error('boom'); }, 10);",
      'uncaughtException',
    ],
  ])('%s', (_name, snippet, kind) => {
    const result = spawnSyncResult(runWithPolicy(snippet));
    expect(result.status).toBe(1);
    expect(result.fatal).toMatchObject({ event: 'process.fatal', kind, error: 'boom' });
  });

  it('a process without trouble exits 0', () => {
    expect(runWithPolicy('').status).toBe(0);
  });

  it('records non-Error reasons too', () => {
    expect(fatalRecord('unhandledRejection', 'text')).toMatchObject({ error: 'text' });
  });
});

function spawnSyncResult(result: ReturnType<typeof spawnSync>) {
  const lines = String(result.stderr)
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { status: result.status, fatal: lines.find((l) => l.event === 'process.fatal') };
}

describe('consent sync: a database fault is caught, retried, and nothing is lost', () => {
  let tmp: ReturnType<typeof tempDir>;
  let h: Harness;
  let cloud: CloudServer;
  beforeEach(async () => {
    tmp = tempDir('dashport-sync-');
    h = cloudHarness();
    cloud = await h.start();
  });
  afterEach(async () => {
    await h.cleanup();
    tmp.cleanup();
  });

  it('survives its table vanishing mid-run and sends every decision once it is back', async () => {
    const db = openHostDatabase(join(tmp.dir, 'host.db'));
    const lines: string[] = [];
    const log = createLogger('host', (l) => lines.push(l));
    const client = new CloudClient({ baseUrl: cloud.url, token: TOKEN_1 });
    const store = new ConsentStore(db);
    const sync = new ConsentSync({ db, client, log });
    store.set('location', true);
    store.set('mileage_sharing', true);
    // The fault: the log the sync reads is gone (a damaged or half-migrated database).
    db.exec('ALTER TABLE consent_log RENAME TO consent_log_away');
    await expect(sync.kick()).resolves.toBeUndefined();
    expect(lines.some((l) => l.includes('consent.sync_fault'))).toBe(true);
    // Repaired: the next pass sends both decisions.
    db.exec('ALTER TABLE consent_log_away RENAME TO consent_log');
    await sync.kick();
    sync.close();
    client.close();
    db.close();
    const cloudDb = new DatabaseSync(h.dbPath);
    const rows = cloudDb
      .prepare('SELECT purpose, granted FROM consent_records ORDER BY purpose')
      .all() as { purpose: string; granted: number }[];
    cloudDb.close();
    expect(rows).toEqual([
      { purpose: 'location', granted: 1 },
      { purpose: 'mileage_sharing', granted: 1 },
    ]);
  });
});
