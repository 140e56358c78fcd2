import { createServer } from 'node:net';
import type { MerchantDetail } from '../../common/cloudApi/catalog.schema.ts';
import type { OrderRequest } from '../../common/cloudApi/orders.schema.ts';
import type { Variant } from '../../common/variant.schema.ts';
import { createHost, type Host, type HostOptions } from '../../electron/host/host.ts';
import { CARD_1 } from './cloud.ts';
import { devVariant } from './devVariant.ts';

/** Open around the clock, so orders placed at any hour of a test run are accepted. */
export const ALWAYS_OPEN_MERCHANT = 'sf-van-ness-fuel';

/** A port that was free a moment ago: for restarting a server on the same address. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== 'object' || address === null) throw new Error('no port');
  return address.port;
}

/** A valid order for a merchant's menu: its first available item, the fewest options it needs. */
export function orderFor(
  merchant: MerchantDetail,
  overrides: Partial<OrderRequest> = {},
): OrderRequest {
  const item = merchant.menu.sections.flatMap((s) => s.items).find((i) => i.available);
  if (!item) throw new Error(`${merchant.id} has nothing available`);
  return {
    merchantId: merchant.id,
    currency: merchant.currency,
    fulfilment: 'pickup',
    paymentMethodId: CARD_1,
    lines: [
      {
        itemId: item.id,
        quantity: 1,
        optionIds: item.optionGroups.flatMap((g) => g.options.slice(0, g.min).map((o) => o.id)),
      },
    ],
    ...overrides,
  };
}

/** Paths (no query) the cloud served, from its structured request log (the harness keeps it). */
export function requestedPaths(logs: readonly string[]): string[] {
  return logs
    .map((line) => JSON.parse(line) as { event?: string; method?: string; path?: string })
    .filter((entry) => entry.event === 'request')
    .map((entry) => `${entry.method} ${entry.path}`);
}

/** The real host over a temp folder, talking to a cloud a test started. */
export function startHost(
  dataDir: string,
  cloudUrl: string,
  options: Partial<HostOptions> & { variant?: Partial<Variant> } = {},
): Host {
  const { variant, ...rest } = options;
  return createHost({
    variant: devVariant({ cloudUrl, ...variant }),
    dataDir,
    version: '0.1.0',
    buildTime: '2026-11-24T00:00:00.000Z',
    transport: 'socket',
    cloudPollMs: 60_000,
    cloudToken: 'dev-vehicle-token',
    outboxBackoff: { baseMs: 50, maxMs: 400 },
    ...rest,
  });
}

/** Polls until `check` returns something other than undefined. */
export async function waitFor<T>(
  check: () => T | undefined | Promise<T | undefined>,
  ms = 10_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
