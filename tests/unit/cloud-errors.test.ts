import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../common/log.ts';
import { MAX_BODY_BYTES } from '../../cloud/app.ts';
import { endpoint } from '../../common/cloudApi/endpoint.ts';
import { defineRoute } from '../../cloud/http/define.ts';
import { ApiError, ErrorResponseSchema } from '../../cloud/http/errors.ts';
import { startCloud, type CloudServer } from '../../cloud/server.ts';

const Echo = z.object({ id: z.string(), qty: z.number(), note: z.string(), verbose: z.boolean() });

/** Test-only routes, declared through the same public helper the server's own routes use. */
const echoRoute = defineRoute(
  endpoint({
    method: 'POST',
    path: '/test/items/:id',
    operationId: 'testEcho',
    summary: 'Echoes validated input',
    auth: 'none',
    idempotent: false,
    params: z.object({ id: z.string().regex(/^[a-z]+$/) }),
    query: z.object({
      verbose: z
        .enum(['0', '1'])
        .transform((v) => v === '1')
        .optional(),
    }),
    body: z.object({ qty: z.number().int().min(1), note: z.string().max(20).default('') }),
    responses: { 201: Echo },
  }),
  ({ params, query, body }) => ({
    status: 201,
    body: { id: params.id, qty: body.qty, note: body.note, verbose: query.verbose ?? false },
    headers: { location: `/test/items/${params.id}` },
  }),
);

const SECRET = 'db password is hunter2';
const throwRoute = defineRoute(
  endpoint({
    method: 'GET',
    path: '/test/throw',
    operationId: 'testThrow',
    auth: 'none',
    idempotent: true,
    summary: 'Fails unexpectedly',
    responses: { 200: z.object({}) },
  }),
  (_input) => {
    throw new Error(SECRET);
  },
);

const badReplyRoute = defineRoute(
  endpoint({
    method: 'GET',
    path: '/test/bad-reply',
    operationId: 'testBadReply',
    auth: 'none',
    idempotent: true,
    summary: 'Replies with a body that breaks its own schema',
    responses: { 200: z.object({ n: z.number() }) },
  }),
  (_input) => ({ status: 200, body: JSON.parse('{"n":"not a number"}') as { n: number } }),
);

const apiErrorRoute = defineRoute(
  endpoint({
    method: 'GET',
    path: '/test/missing',
    operationId: 'testApiError',
    auth: 'none',
    idempotent: true,
    summary: 'Fails with an expected error',
    responses: { 200: z.object({}), 404: ErrorResponseSchema },
  }),
  (_input) => {
    throw new ApiError(404, 'not_found', 'No such merchant');
  },
);

let dir: string;
let server: CloudServer;
const logLines: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dashport-cloud-'));
  server = await startCloud({
    host: '127.0.0.1',
    port: 0,
    dbPath: join(dir, 'cloud.db'),
    logger: createLogger('cloud', (line) => logLines.push(line)),
    extraRoutes: [echoRoute, throwRoute, badReplyRoute, apiErrorRoute],
  });
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

function post(path: string, body: string, type = 'application/json') {
  return fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': type }, body });
}

/** Every error, whatever produced it, parses with the one documented schema. */
async function errorOf(res: Response) {
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  return ErrorResponseSchema.parse(await res.json()).error;
}

describe('cloud route helper and error shapes', () => {
  it('passes validated, transformed input to the handler and sends the declared reply', async () => {
    const res = await post('/test/items/abc?verbose=1', JSON.stringify({ qty: 2 }));
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe('/test/items/abc');
    expect(await res.json()).toEqual({ id: 'abc', qty: 2, note: '', verbose: true });
  });

  it('rejects input breaking the zod schemas with 400 invalid_request and every issue', async () => {
    const res = await post('/test/items/ABC?verbose=yes', JSON.stringify({ qty: 0, note: 5 }));
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.code).toBe('invalid_request');
    expect(error.message).toMatch(/^Invalid request: params\.id: /);
    expect(error.issues?.map((i) => i.path).sort()).toEqual([
      'body.note',
      'body.qty',
      'params.id',
      'query.verbose',
    ]);
    for (const issue of error.issues ?? []) expect(issue.message).not.toBe('');
  });

  it('reports a missing body at the body path', async () => {
    const res = await fetch(`${server.url}/test/items/abc`, { method: 'POST' });
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.code).toBe('invalid_request');
    expect(error.issues).toEqual([{ path: 'body', message: expect.any(String) }]);
  });

  it.each([
    ['malformed JSON', '{"qty": 2'],
    ['an empty JSON body', ''],
  ])('answers %s with 400 malformed_json', async (_what, body) => {
    const res = await post('/test/items/abc', body);
    expect(res.status).toBe(400);
    expect((await errorOf(res)).code).toBe('malformed_json');
  });

  it('answers a body over the limit with 413 payload_too_large', async () => {
    const big = JSON.stringify({ qty: 1, note: 'x'.repeat(MAX_BODY_BYTES) });
    const res = await post('/test/items/abc', big);
    expect(res.status).toBe(413);
    expect((await errorOf(res)).code).toBe('payload_too_large');
  });

  it('answers a non-JSON body with 415 unsupported_media_type', async () => {
    const res = await post('/test/items/abc', 'qty=2', 'text/plain');
    expect(res.status).toBe(415);
    expect((await errorOf(res)).code).toBe('unsupported_media_type');
  });

  it('answers an unknown route and an unknown method with 404 not_found', async () => {
    for (const res of [
      await fetch(`${server.url}/test/nowhere`),
      await fetch(`${server.url}/health`, { method: 'DELETE' }),
      await post('/test/nowhere', '{"broken'),
    ]) {
      expect(res.status).toBe(404);
      expect((await errorOf(res)).code).toBe('not_found');
    }
  });

  it('answers an unexpected error with 500 internal, leaking nothing, and logs the stack', async () => {
    const res = await fetch(`${server.url}/test/throw`);
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({
      error: { code: 'internal', message: 'Internal server error' },
    });
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('.ts');
    const logged = logLines.map((l) => JSON.parse(l) as Record<string, unknown>);
    const failure = logged.find((l) => l.event === 'request_failed' && l.url === '/test/throw');
    expect(failure).toMatchObject({ level: 'error', error: SECRET });
    expect(String(failure?.stack)).toContain('cloud-errors.test.ts');
  });

  it('answers a reply that breaks its declared schema with 500 internal', async () => {
    const res = await fetch(`${server.url}/test/bad-reply`);
    expect(res.status).toBe(500);
    expect((await errorOf(res)).code).toBe('internal');
    expect(logLines.join('')).toContain('testBadReply reply 200 breaks its schema');
  });

  it('maps an ApiError thrown by a handler to its status and code', async () => {
    const res = await fetch(`${server.url}/test/missing`);
    expect(res.status).toBe(404);
    expect(await errorOf(res)).toEqual({ code: 'not_found', message: 'No such merchant' });
  });

  it('documents the test routes too: parameters, body and error responses', async () => {
    const doc = (await (await fetch(`${server.url}/openapi.json`)).json()) as {
      paths: Record<string, Record<string, Record<string, unknown>>>;
    };
    const op = doc.paths['/test/items/{id}']?.post;
    expect(op?.operationId).toBe('testEcho');
    expect(op?.parameters).toEqual([
      {
        name: 'id',
        in: 'path',
        required: true,
        schema: expect.objectContaining({ type: 'string' }),
      },
      {
        name: 'verbose',
        in: 'query',
        required: false,
        schema: { type: 'string', enum: ['0', '1'] },
      },
    ]);
    expect(op?.requestBody).toMatchObject({
      required: true,
      content: { 'application/json': { schema: { type: 'object', required: ['qty'] } } },
    });
    const errorRef = { $ref: '#/components/schemas/ErrorResponse' };
    const responses = op?.responses as Record<string, { content: Record<string, unknown> }>;
    expect(Object.keys(responses).sort()).toEqual(['201', '400', '413', '415', '429', 'default']);
    for (const status of ['400', '413', '415', '429', 'default']) {
      expect(responses[status]?.content).toEqual({ 'application/json': { schema: errorRef } });
    }
    const routes = server.routes.map((r) => `${r.method} ${r.url}`);
    expect(routes).toContain('POST /test/items/:id');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/test/throw', '/test/bad-reply', '/test/missing']),
    );
  });
});

describe('endpoint', () => {
  const base = {
    method: 'GET' as const,
    operationId: 'x',
    summary: 'x',
    responses: { 200: z.object({}) },
    auth: 'none' as const,
    idempotent: true,
  };

  it('refuses params that do not match the path', () => {
    expect(() => endpoint({ ...base, path: '/a/:id' })).toThrow(/params schema keys/);
    expect(() =>
      endpoint({ ...base, path: '/a/:id', params: z.object({ other: z.string() }) }),
    ).toThrow(/params schema keys/);
  });

  it('refuses malformed paths and routes without a success response', () => {
    expect(() => endpoint({ ...base, path: 'a' })).toThrow(/path must/);
    expect(() => endpoint({ ...base, path: '/a/*' })).toThrow(/path must/);
    expect(() =>
      endpoint({
        ...base,
        path: '/a',
        responses: { 404: ErrorResponseSchema },
      }),
    ).toThrow(/2xx/);
  });
});
