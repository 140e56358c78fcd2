import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CloudServer } from '../../cloud/server.ts';
import { cloudApi } from '../../common/cloudApi/endpoints.schema.ts';
import { ErrorResponseSchema } from '../../common/cloudApi/errors.schema.ts';
import { cloudHarness, TOKEN_1 } from '../support/cloud.ts';
import { anyJson, fuzzParams, FUZZ_RUNS, mutated, measured } from './fuzzSupport.ts';

const ENDPOINTS = Object.values(cloudApi).map((e) => ({ method: e.method, path: e.path }));

/** Valid bodies of a few endpoints, for mutation: deep enough to reach the handlers. */
const BODIES = [
  {
    consents: true,
    body: { records: [{ purpose: 'location', granted: true, at: '2026-03-11T17:00:00Z' }] },
  },
  { consents: false, body: { odometerM: 12_345_000, at: '2026-03-11T17:00:00Z' } },
  {
    consents: false,
    body: {
      merchantId: 'sf-van-ness-fuel',
      currency: 'USD',
      fulfilment: 'pickup',
      paymentMethodId: 'pm_demo1visa4242',
      lines: [{ itemId: 'x', quantity: 1, optionIds: [] }],
    },
  },
];

const segment = fc.oneof(
  fc.constantFrom(
    'sf-van-ness-fuel',
    '00000000-0000-4000-8000-000000000000',
    '..',
    '%00',
    '%2e%2e',
  ),
  fc.string({ maxLength: 40 }).map(encodeURIComponent),
);
const query = fc.dictionary(
  fc.oneof(
    fc.constantFrom('lat', 'lon', 'radiusM', 'limit', 'since', 'category', 'locale'),
    fc.string({ maxLength: 10 }),
  ),
  fc.oneof(
    fc.string({ maxLength: 20 }),
    fc.double().map(String),
    fc.constantFrom('NaN', '1e999', '-0'),
  ),
  { maxKeys: 5 },
);
const body = fc.oneof(
  anyJson.map((v) => JSON.stringify(v) ?? ''),
  fc
    .constantFrom(...BODIES)
    .chain((b) => mutated(b.body))
    .map((v) => JSON.stringify(v) ?? ''),
  fc.string({ maxLength: 200 }),
  fc.constantFrom('{', '[]', '{"a":', '\u0000'),
);
const headers = fc.record(
  {
    authorization: fc.oneof(
      fc.constant(`Bearer ${TOKEN_1}`),
      fc.string({ maxLength: 60 }).map((t) => `Bearer ${t}`),
      fc.string({ maxLength: 60 }),
    ),
    'content-type': fc.constantFrom(
      'application/json',
      'text/plain',
      'application/x-www-form-urlencoded',
      'application/json; charset=latin1',
      '',
    ),
    accept: fc.constantFrom('application/json', '*/*', 'text/html'),
  },
  { requiredKeys: [] },
);

const request = fc.record({
  endpoint: fc.constantFrom(...ENDPOINTS),
  method: fc.oneof(fc.constant(null), fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH')),
  params: fc.array(segment, { minLength: 3, maxLength: 3 }),
  query,
  body: fc.option(body, { nil: undefined }),
  headers,
});

const h = cloudHarness();
let cloud: CloudServer;
beforeAll(async () => {
  cloud = await h.start({ rateLimits: { vehiclePerMinute: 1e6, addressPerMinute: 1e6 } });
});
afterAll(() => h.cleanup());

describe('fuzz: cloud bodies, parameters and headers', () => {
  it(`answers ${FUZZ_RUNS} generated requests with the error shape or a valid answer`, async () => {
    await measured('cloud API', async (counts) => {
      await fc.assert(
        fc.asyncProperty(request, async (r) => {
          let i = 0;
          const path = r.endpoint.path.replace(/:[A-Za-z]+/g, () => r.params[i++] ?? 'x');
          const search = new URLSearchParams(r.query).toString();
          const method = r.method ?? r.endpoint.method;
          const hasBody = r.body !== undefined && method !== 'GET';
          const res = await fetch(`${cloud.url}${path}${search ? `?${search}` : ''}`, {
            method,
            headers: r.headers,
            body: hasBody ? r.body : undefined,
          });
          const text = await res.text();
          expect(res.status, `${method} ${path} → ${text.slice(0, 200)}`).toBeLessThan(500);
          if (res.status >= 400) {
            expect(ErrorResponseSchema.safeParse(JSON.parse(text)).success).toBe(true);
            counts.refused++;
          } else {
            counts.accepted++;
          }
        }),
        fuzzParams(),
      );
      expect(
        (
          await fetch(`${cloud.url}/v1/payment-methods`, {
            headers: { authorization: `Bearer ${TOKEN_1}` },
          })
        ).status,
      ).toBe(200);
    });
  });
});
