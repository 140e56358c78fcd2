import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../common/log.ts';
import { CLOUD_MIGRATIONS } from '../../cloud/db/migrations.ts';
import { openApiPath } from '../../common/cloudApi/endpoint.ts';
import { ErrorResponseSchema } from '../../cloud/http/errors.ts';
import { HealthSchema } from '../../common/cloudApi/endpoints.schema.ts';
import { startCloud, type CloudServer } from '../../cloud/server.ts';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  version: string;
};
const quiet = createLogger('cloud', () => {});

let dir: string;
let dbPath: string;
const servers: CloudServer[] = [];

async function start(): Promise<CloudServer> {
  const server = await startCloud({ host: '127.0.0.1', port: 0, dbPath, logger: quiet });
  servers.push(server);
  return server;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dashport-cloud-'));
  dbPath = join(dir, 'nested', 'cloud.db');
});

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  rmSync(dir, { recursive: true, force: true });
});

/** Every `$ref` in the document, wherever it sits. */
function refs(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => refs(n, out));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === '$ref' && typeof v === 'string') out.push(v);
      else refs(v, out);
    }
  }
  return out;
}

describe('cloud server', () => {
  it('answers /health with ok, the package version and the UTC time', async () => {
    const server = await start();
    const before = Date.now();
    const res = await fetch(`${server.url}/health`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = HealthSchema.parse(await res.json());
    expect(body.version).toBe(pkg.version);
    expect(body.time).toMatch(/Z$/);
    expect(Math.abs(Date.parse(body.time) - before)).toBeLessThan(5_000);
  });

  it('serves an OpenAPI 3.1 document covering exactly the routes it serves', async () => {
    const server = await start();
    const res = await fetch(`${server.url}/openapi.json`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      openapi: string;
      info: { title: string; version: string };
      paths: Record<
        string,
        Record<string, { operationId: string; responses: Record<string, unknown> }>
      >;
      components: { schemas: Record<string, unknown> };
    };
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.title).toBeTruthy();
    expect(doc.info.version).toBe(pkg.version);

    const documented = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const served = server.routes.map((r) => `${r.method} ${openApiPath(r.url)}`);
    expect(served).toContain('GET /health');
    expect(served).toContain('GET /openapi.json');
    expect(documented.sort()).toEqual(served.sort());

    const operations = Object.values(doc.paths).flatMap((item) => Object.values(item));
    const ids = operations.map((op) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const op of operations) {
      expect(op.responses.default).toEqual({
        description: expect.any(String),
        content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponse' } } },
      });
    }
    for (const ref of refs(doc)) {
      expect(ref).toMatch(/^#\/components\/schemas\//);
      expect(doc.components.schemas[ref.split('/').pop() as string]).toBeDefined();
    }
    expect(doc.components.schemas.ErrorResponse).toMatchObject({
      type: 'object',
      required: ['error'],
    });
    // Nothing zod-specific or dialect-overriding leaks into the document.
    expect(JSON.stringify(doc)).not.toContain('$schema');
    expect(JSON.stringify(doc)).not.toContain('$defs');
  });

  it('documents every services endpoint, with the vehicle token where one is needed', async () => {
    const server = await start();
    const doc = (await (await fetch(`${server.url}/openapi.json`)).json()) as {
      paths: Record<
        string,
        Record<string, { security?: unknown; responses: Record<string, unknown> }>
      >;
      components: { securitySchemes?: Record<string, unknown> };
    };
    const documented = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(documented.sort()).toEqual(
      [
        'GET /health',
        'GET /openapi.json',
        'GET /v1/categories',
        'GET /v1/merchants',
        'GET /v1/merchants/{merchantId}',
        'GET /v1/images/{name}',
        'GET /v1/payment-methods',
        'GET /v1/stops',
        'PUT /v1/orders/{clientOrderId}',
        'GET /v1/orders/{clientOrderId}',
        'GET /v1/orders',
        'POST /v1/orders/{clientOrderId}/cancel',
        'GET /v1/favourites',
        'PUT /v1/favourites/{favouriteId}',
        'DELETE /v1/favourites/{favouriteId}',
        'GET /v1/account',
        'POST /v1/account/payments/{clientPaymentId}',
        'GET /v1/account/mileage-packs',
        'POST /v1/account/mileage-packs',
        'POST /v1/account/end-of-term',
        'GET /v1/account/inspection',
        'POST /v1/account/inspection',
        'POST /v1/account/mileage',
        'GET /v1/test-drives/models',
        'GET /v1/test-drives/slots',
        'PUT /v1/test-drives/bookings/{clientBookingId}',
        'DELETE /v1/test-drives/bookings/{clientBookingId}',
        'GET /v1/test-drives/bookings',
        'GET /v1/offers',
        'POST /v1/consents',
      ].sort(),
    );
    expect(doc.components.securitySchemes).toEqual({
      vehicleToken: { type: 'http', scheme: 'bearer', description: expect.any(String) },
    });
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const op of Object.values(item)) {
        const perVehicle =
          /^\/v1\/(orders|favourites|payment-methods|account|test-drives|offers|consents)/.test(
            path,
          );
        expect(op.security).toEqual(perVehicle ? [{ vehicleToken: [] }] : undefined);
        expect(Boolean(op.responses['401'])).toBe(perVehicle);
      }
    }
    const put = doc.paths['/v1/orders/{clientOrderId}']?.put;
    expect(Object.keys(put?.responses ?? {}).sort()).toEqual(
      ['200', '201', '400', '401', '409', '413', '415', '422', '429', 'default'].sort(),
    );
    expect(doc.paths['/v1/images/{name}']?.get?.responses['200']).toMatchObject({
      content: { 'image/svg+xml': { schema: { type: 'string' } } },
    });
  });

  it('creates the database with the migrated schema in WAL mode and keeps it across a restart', async () => {
    const first = await start();
    expect(existsSync(dbPath)).toBe(true);
    const read = () => {
      const db = new DatabaseSync(dbPath, { readOnly: true });
      try {
        return {
          version: (db.prepare('PRAGMA user_version').get() as { user_version: number })
            .user_version,
          journal: (db.prepare('PRAGMA journal_mode').get() as { journal_mode: string })
            .journal_mode,
          meta: db.prepare('SELECT schema_name, created_at FROM server_meta').all(),
        };
      } finally {
        db.close();
      }
    };
    const initial = read();
    expect(initial.version).toBe(CLOUD_MIGRATIONS.length);
    expect(initial.journal).toBe('wal');
    expect(initial.meta).toHaveLength(1);
    expect(initial.meta[0]).toMatchObject({ schema_name: 'dashport-cloud' });
    const createdAt = String(initial.meta[0]?.created_at);
    expect(new Date(createdAt).toISOString()).toBe(createdAt);

    await first.close();
    await new Promise((r) => setTimeout(r, 5));
    const second = await start();
    expect(read()).toEqual(initial);
    expect((await fetch(`${second.url}/health`)).status).toBe(200);
  });

  it.each([
    ['a versioned file of another schema (the host database)', 1],
    ['an unversioned file that already has tables', 0],
  ])('refuses %s', async (_what, version) => {
    const foreignPath = join(dir, 'other.db');
    const foreign = new DatabaseSync(foreignPath);
    foreign.exec('CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT)');
    foreign.exec(`PRAGMA user_version = ${version}`);
    foreign.close();
    await expect(
      startCloud({ host: '127.0.0.1', port: 0, dbPath: foreignPath, logger: quiet }),
    ).rejects.toThrow(/not a Dashport cloud database/);
    const after = new DatabaseSync(foreignPath, { readOnly: true });
    const tables = after.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all();
    const journal = after.prepare('PRAGMA journal_mode').get();
    after.close();
    // Left exactly as it was: no tables added, not even switched to WAL.
    expect(tables).toEqual([{ name: 'settings' }]);
    expect(journal).toEqual({ journal_mode: 'delete' });
  });

  it('answers unknown routes 404 in the shared error shape', async () => {
    const server = await start();
    const res = await fetch(`${server.url}/merchants/nope?x=1`);
    expect(res.status).toBe(404);
    const body = ErrorResponseSchema.parse(await res.json());
    expect(body.error.code).toBe('not_found');
    expect(body.error.message).toContain('GET /merchants/nope');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('closes idempotently and stops listening', async () => {
    const server = await start();
    await Promise.all([server.close(), server.close()]);
    await expect(fetch(`${server.url}/health`)).rejects.toThrow();
  });
});
