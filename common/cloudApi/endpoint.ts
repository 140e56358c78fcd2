import type { z } from 'zod';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Params and query are flat objects so each key can be documented as a parameter. */
export type ObjectSchema = z.ZodObject;
export type ResponseSchemas = { [status: number]: z.ZodType };

/**
 * One operation of the cloud services API, declared once: the cloud server attaches a handler to
 * it, the OpenAPI document is built from it, and the host's client calls it by its operation id.
 */
export interface Endpoint<
  P extends ObjectSchema | undefined = ObjectSchema | undefined,
  Q extends ObjectSchema | undefined = ObjectSchema | undefined,
  B extends z.ZodType | undefined = z.ZodType | undefined,
  R extends ResponseSchemas = ResponseSchemas,
> {
  operationId: string;
  method: HttpMethod;
  /** Fastify path syntax: `/merchants/:merchantId`. */
  path: string;
  summary: string;
  description?: string;
  tags?: string[];
  /** `vehicle`: a bearer token naming a vehicle is required; 401 `unauthorized` otherwise. */
  auth: 'vehicle' | 'none';
  /** Safe to send again with the same input (GET, or keyed by a client-chosen id): clients retry only these. */
  idempotent: boolean;
  /** Media type of the success responses (default application/json). */
  contentType?: string;
  params?: P;
  query?: Q;
  body?: B;
  responses: R;
}

/** An endpoint with its types erased, as the binder, the OpenAPI builder and the client's transport see it. */
export type AnyEndpoint = Endpoint;

/** The schema an endpoint declares for one part, or never (optional keys would add undefined). */
type Part<E extends AnyEndpoint, K extends 'params' | 'query' | 'body'> = Exclude<E[K], undefined>;
type Out<S> = [S] extends [never] ? undefined : S extends z.ZodType ? z.output<S> : undefined;
type SuccessStatus<R> = {
  [S in keyof R & number]: `${S}` extends `2${string}` ? S : never;
}[keyof R & number];

/** What the server's handler receives, parsed. */
export interface EndpointInput<E extends AnyEndpoint> {
  params: Out<Part<E, 'params'>>;
  query: Out<Part<E, 'query'>>;
  body: Out<Part<E, 'body'>>;
}

/*
 * Query values travel as strings and the schemas coerce them back, so their input type says
 * nothing; a caller states a query by its parsed (output) type and the transport writes it out.
 */
type Send<E extends AnyEndpoint, K extends 'params' | 'query' | 'body'> = [Part<E, K>] extends [
  never,
]
  ? { [P in K]?: undefined }
  : { [P in K]: K extends 'query' ? z.output<Part<E, K>> : z.input<Part<E, K>> };

/** What a caller sends: exactly the parts the endpoint declares. */
export type EndpointRequest<E extends AnyEndpoint> = Send<E, 'params'> &
  Send<E, 'query'> &
  Send<E, 'body'>;

/** The parsed body of any 2xx answer of the endpoint. */
export type EndpointResult<E extends AnyEndpoint> = z.output<
  E['responses'][SuccessStatus<E['responses']>]
>;

/** A reply the server's handler gives: one declared status with a body matching its schema. */
export type EndpointReply<R extends ResponseSchemas> = {
  [S in keyof R & number]: { status: S; body: z.input<R[S]>; headers?: Record<string, string> };
}[keyof R & number];

const SEGMENT = /^(?:[A-Za-z0-9._~-]+|:[A-Za-z][A-Za-z0-9_]*)$/;
const OPERATION_ID = /^[A-Za-z][A-Za-z0-9_]*$/;

/** Names of the `:param` segments of a path, in order. */
export function pathParams(path: string): string[] {
  return path
    .split('/')
    .filter((s) => s.startsWith(':'))
    .map((s) => s.slice(1));
}

/** `/merchants/:id` -> `/merchants/{id}` */
export function openApiPath(path: string): string {
  return path.replace(/:([A-Za-z][A-Za-z0-9_]*)/g, '{$1}');
}

/** The path with each `:param` replaced by its URL-encoded value. */
export function fillPath(path: string, params: Record<string, unknown> | undefined): string {
  return path.replace(/:([A-Za-z][A-Za-z0-9_]*)/g, (_m, name: string) => {
    const value = params?.[name];
    if (value === undefined) throw new Error(`${path}: missing path parameter ${name}`);
    return encodeURIComponent(String(value));
  });
}

/**
 * Declares an endpoint. The checks run when the module loads, so an endpoint whose path, params
 * and responses disagree never reaches a server, a client or the OpenAPI document.
 */
export function endpoint<
  P extends ObjectSchema | undefined = undefined,
  Q extends ObjectSchema | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
  R extends ResponseSchemas = ResponseSchemas,
>(spec: Endpoint<P, Q, B, R>): Endpoint<P, Q, B, R> {
  const where = `endpoint ${spec.method} ${spec.path}`;
  const segments = spec.path === '/' ? [] : spec.path.split('/').slice(1);
  if (!spec.path.startsWith('/') || !segments.every((s) => SEGMENT.test(s))) {
    throw new Error(`${where}: path must be / followed by /-separated plain segments or :params`);
  }
  if (!OPERATION_ID.test(spec.operationId)) throw new Error(`${where}: bad operationId`);
  const declared = Object.keys(spec.params?.shape ?? {}).sort();
  const inPath = pathParams(spec.path).sort();
  if (declared.join() !== inPath.join()) {
    throw new Error(
      `${where}: params schema keys [${declared}] must match path params [${inPath}]`,
    );
  }
  const statuses = Object.keys(spec.responses).map(Number);
  if (!statuses.some((s) => s >= 200 && s < 300)) {
    throw new Error(`${where}: declare at least one 2xx response`);
  }
  if (statuses.some((s) => !Number.isInteger(s) || s < 100 || s > 599)) {
    throw new Error(`${where}: response statuses must be HTTP status codes`);
  }
  return spec;
}
