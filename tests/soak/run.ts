import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { parseArgs } from 'node:util';
import { io, type Socket } from 'socket.io-client';
import { startCloud } from '../../cloud/server.ts';
import { createLogger } from '../../common/log.ts';
import { TRANSPORT } from '../../common/hostApi/channels.ts';
import type { HostEnvelope } from '../../common/hostApi/errors.ts';
import type { LocalOrder } from '../../common/hostApi/commerce.schema.ts';
import type { MerchantDetail } from '../../common/cloudApi/catalog.schema.ts';
import { readHostSecret } from '../../scripts/lib/hostPage.ts';
import { spawnService, type RunningService } from '../../scripts/lib/services.ts';
import { PROJECT_ROOT } from '../support/devVariant.ts';
import { ALWAYS_OPEN_MERCHANT, orderFor } from '../support/hostCommerce.ts';
import { tempDir } from '../support/tmp.ts';

/**
 * `npm run soak`: power cuts. The browser-mode host is killed with SIGKILL at a random moment,
 * over and over, while orders are placed and consents change, and started again on the same
 * data. At the end: PRAGMA integrity_check on the host's database, and the cloud's records hold
 * every acknowledged order exactly once and every purpose's last acknowledged consent decision.
 */
const { values } = parseArgs({
  options: {
    kills: { type: 'string', default: '1000' },
    'max-run-ms': { type: 'string', default: '400' },
    seed: { type: 'string' },
  },
});
const KILLS = Number(values.kills);
const MAX_RUN_MS = Number(values['max-run-ms']);
if (!Number.isInteger(KILLS) || KILLS < 1) throw new Error('--kills must be a positive integer');

// A small seeded generator, so a run that finds a loss can be repeated.
let state = Number(values.seed ?? Date.now() % 2 ** 31) >>> 0;
const seed = state;
const random = () => {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
};

const PURPOSES = ['location', 'personalised_offers', 'usage_analytics', 'mileage_sharing'] as const;
const tmp = tempDir('dashport-soak-');
const dataDir = join(tmp.dir, 'host');
const renderer = join(tmp.dir, 'renderer');
mkdirSync(renderer, { recursive: true });
writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>soak</title>');
const tokenFile = join(tmp.dir, 'cloud-token');
writeFileSync(tokenFile, 'dev-vehicle-token\n', { mode: 0o600 });

const cloud = await startCloud({
  host: '127.0.0.1',
  port: 0,
  dbPath: join(tmp.dir, 'cloud.db'),
  orderStepMs: 0,
  rateLimits: { vehiclePerMinute: 100_000, addressPerMinute: 100_000 },
  logger: createLogger('cloud', () => {}),
});
const merchant = (await (
  await fetch(`${cloud.url}/v1/merchants/${ALWAYS_OPEN_MERCHANT}`)
).json()) as MerchantDetail;

const startHost = () =>
  spawnService(
    'host',
    join(PROJECT_ROOT, 'electron/host/cli.ts'),
    [
      '--port=0',
      `--data-dir=${dataDir}`,
      `--renderer=${renderer}`,
      `--cloud-url=${cloud.url}`,
      `--cloud-token-file=${tokenFile}`,
      '--cloud-poll-ms=500',
    ],
    { stderr: 'ignore' },
  );

function connect(host: RunningService): Promise<Socket> {
  const socket = io(host.url, {
    transports: ['websocket'],
    extraHeaders: { Origin: host.url },
    auth: { secret: readHostSecret(host) },
    forceNew: true,
    reconnection: false,
    timeout: 5000,
  });
  // A host killed mid-handshake can leave the socket waiting for a CONNECT that never comes.
  return new Promise((resolve, reject) => {
    const fail = (why: unknown) => {
      clearTimeout(timer);
      socket.close();
      reject(why instanceof Error ? why : new Error(String(why)));
    };
    const timer = setTimeout(() => fail('no connection within 5 s'), 5000);
    socket.once('connect', () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once('connect_error', fail);
    socket.once('disconnect', fail);
  });
}

const invoke = (socket: Socket, channel: string, input: unknown) =>
  socket.timeout(5000).emitWithAck(TRANSPORT.invoke, channel, input) as Promise<HostEnvelope>;

const acknowledgedOrders = new Set<string>();
const submittedOrders = new Set<string>();
/** The last decision the host acknowledged per purpose: what the cloud must end with. */
const lastConsent = new Map<string, boolean>();
const figures = { kills: 0, ordersAcked: 0, ordersUnacked: 0, consentsAcked: 0, refusals: 0 };

/** One life of the host: place orders and change consents until the kill lands. */
async function life(host: RunningService): Promise<void> {
  const killAt = Date.now() + Math.floor(random() * MAX_RUN_MS);
  const killer = new Promise<void>((resolve) =>
    setTimeout(
      () => {
        host.child.kill('SIGKILL');
        figures.kills++;
        resolve();
      },
      Math.max(0, killAt - Date.now()),
    ),
  );
  let socket: Socket | undefined;
  try {
    socket = await connect(host);
    while (Date.now() < killAt && socket.connected) {
      if (random() < 0.7) {
        const id = randomUUID();
        submittedOrders.add(id);
        const reply = await invoke(socket, 'orders.place', {
          clientOrderId: id,
          request: orderFor(merchant, { note: `soak ${figures.kills}` }),
        }).catch(() => null);
        if (reply?.ok) acknowledgedOrders.add(id);
        else if (reply && !reply.ok) figures.refusals++;
      } else {
        const purpose = PURPOSES[Math.floor(random() * PURPOSES.length)]!;
        const granted = random() < 0.5;
        const reply = await invoke(socket, 'consent.set', { purpose, granted }).catch(() => null);
        if (reply?.ok) {
          lastConsent.set(purpose, granted);
          figures.consentsAcked++;
        } else if (reply && !reply.ok) figures.refusals++;
      }
    }
  } catch {
    // Killed while starting or connecting: the next life takes over.
  } finally {
    socket?.close();
  }
  await killer;
  await host.stop();
}

const started = performance.now();
for (let i = 0; i < KILLS; i++) {
  const host = await startHost();
  if (process.env.SOAK_DEBUG) process.stdout.write(`life ${i}\n`);
  await life(host);
  if ((i + 1) % 50 === 0) {
    const s = (performance.now() - started) / 1000;
    process.stdout.write(
      `${i + 1}/${KILLS} kills, ${acknowledgedOrders.size} orders acked, ${s.toFixed(0)} s\n`,
    );
  }
}

// The last life is not cut short: it sends what the others left behind.
const last = await startHost();
const socket = await connect(last);
const deadline = Date.now() + 60_000;
const cloudOrders = () =>
  cloud.db
    .prepare(`SELECT client_order_id AS id, count(*) AS n FROM orders GROUP BY client_order_id`)
    .all() as { id: string; n: number }[];
for (;;) {
  const reply = await invoke(socket, 'orders.list', null).catch(() => null);
  const pending = reply?.ok
    ? (reply.value as { orders: LocalOrder[] }).orders.filter((o) => o.delivery === 'queued').length
    : 1;
  const inCloud = new Set(cloudOrders().map((o) => o.id));
  const missing = [...acknowledgedOrders].filter((id) => !inCloud.has(id)).length;
  const consentsInCloud = PURPOSES.every((p) => cloudConsent(p) === lastConsent.get(p));
  if (pending === 0 && missing === 0 && consentsInCloud) break;
  if (Date.now() > deadline) break;
  if (process.env.SOAK_DEBUG) {
    process.stdout.write(
      `  draining: ${pending} queued, ${missing} missing, consents ${consentsInCloud}\n`,
    );
  }
  await new Promise((r) => setTimeout(r, 250));
}
socket.close();
await last.stop();

function cloudConsent(purpose: string): boolean | undefined {
  const row = cloud.db
    .prepare(
      `SELECT granted FROM consent_records WHERE vehicle_id = 'veh-demo-1' AND purpose = ?
         ORDER BY at DESC, rowid DESC LIMIT 1`,
    )
    .get(purpose) as { granted: number } | undefined;
  return row === undefined ? undefined : row.granted === 1;
}

const hostDb = new DatabaseSync(join(dataDir, 'dashport.db'), { readOnly: true });
const integrity = (hostDb.prepare('PRAGMA integrity_check').get() as { integrity_check: string })
  .integrity_check;
hostDb.close();
const inCloud = cloudOrders();
const inCloudIds = new Set(inCloud.map((o) => o.id));
const lost = [...acknowledgedOrders].filter((id) => !inCloudIds.has(id));
const doubled = inCloud.filter((o) => o.n > 1);
const strangers = inCloud.filter((o) => !submittedOrders.has(o.id));
const consentMismatches = PURPOSES.filter(
  (p) => lastConsent.has(p) && cloudConsent(p) !== lastConsent.get(p),
);
const cloudIntegrity = (
  cloud.db.prepare('PRAGMA integrity_check').get() as { integrity_check: string }
).integrity_check;
await cloud.close();
tmp.cleanup();

figures.ordersAcked = acknowledgedOrders.size;
figures.ordersUnacked = submittedOrders.size - acknowledgedOrders.size;
const seconds = (performance.now() - started) / 1000;
const result = {
  seed,
  ...figures,
  ordersInCloud: inCloud.length,
  lost: lost.length,
  doubled: doubled.length,
  strangers: strangers.length,
  consentMismatches,
  hostIntegrity: integrity,
  cloudIntegrity,
  seconds: Math.round(seconds),
};
process.stdout.write(`\n${JSON.stringify(result, null, 2)}\n`);
const ok =
  lost.length === 0 &&
  doubled.length === 0 &&
  strangers.length === 0 &&
  consentMismatches.length === 0 &&
  integrity === 'ok' &&
  cloudIntegrity === 'ok';
process.stdout.write(ok ? 'soak: passed\n' : 'soak: FAILED\n');
process.exit(ok ? 0 : 1);
