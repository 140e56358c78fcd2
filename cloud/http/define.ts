import type { DatabaseSync } from 'node:sqlite';
import type { z } from 'zod';
import type { Logger } from '../../common/log.ts';
import type { Vehicle } from '../auth.ts';
import type { CloudServices } from '../services.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Params and querystring are flat objects so each key can be documented as a parameter. */
export type ObjectSchema = z.ZodObject;
export type ResponseSchemas = { [status: number]: z.ZodType };

/** What every handler gets besides its input. */
export interface RouteContext {
  db: DatabaseSync;
  log: Logger;
  /** The server's clock (injected, so tests can pin opening hours). */
  now: () => Date;
  services: CloudServices;
  /** The caller, on routes declared with `auth: 'vehicle'` (the binder refuses the rest). */
  vehicle: Vehicle | null;
}

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface RouteInput<P, Q, B> {
  params: Out<P>;
  query: Out<Q>;
  body: Out<B>;
}

/** A handler answers with one of its declared statuses and a body matching that status's schema. */
export type RouteReply<R extends ResponseSchemas> = {
  [S in keyof R & number]: { status: S; body: z.input<R[S]>; headers?: Record<string, string> };
}[keyof R & number];

export interface RouteSpec<
  P extends ObjectSchema | undefined,
  Q extends ObjectSchema | undefined,
  B extends z.ZodType | undefined,
  R extends ResponseSchemas,
> {
  method: HttpMethod;
  /** Fastify path syntax: `/merchants/:merchantId`. */
  url: string;
  operationId: string;
  summary: string;
  description?: string;
  tags?: string[];
  /** `vehicle`: a bearer token naming a vehicle is required; 401 `unauthorized` otherwise. */
  auth?: 'vehicle';
  /** Media type of the success responses (default application/json; bodies are then strings). */
  contentType?: string;
  params?: P;
  querystring?: Q;
  body?: B;
  responses: R;
  /**
   * Types flow from the schemas above (NoInfer). Name the input parameter even when unused
   * (`_input`): a parameterless arrow is typed before the schemas are, and its status widens.
   */
  handler: NoInfer<
    (input: RouteInput<P, Q, B>, ctx: RouteContext) => RouteReply<R> | Promise<RouteReply<R>>
  >;
}

/** A declared route with its types erased, as the registry, binder and OpenAPI builder see it. */
export type CloudRoute = RouteSpec<
  ObjectSchema | undefined,
  ObjectSchema | undefined,
  z.ZodType | undefined,
  ResponseSchemas
>;

const SEGMENT = /^(?:[A-Za-z0-9._~-]+|:[A-Za-z][A-Za-z0-9_]*)$/;
const OPERATION_ID = /^[A-Za-z][A-Za-z0-9_]*$/;

/** Names of the `:param` segments of a route URL, in order. */
export function urlParams(url: string): string[] {
  return url
    .split('/')
    .filter((s) => s.startsWith(':'))
    .map((s) => s.slice(1));
}

/** `/merchants/:id` -> `/merchants/{id}` */
export function openApiPath(url: string): string {
  return url.replace(/:([A-Za-z][A-Za-z0-9_]*)/g, '{$1}');
}

/**
 * Declares a route. The checks run when the module loads, so a route whose URL, params and
 * schemas disagree never reaches a running server (or its OpenAPI document).
 */
export function defineRoute<
  P extends ObjectSchema | undefined = undefined,
  Q extends ObjectSchema | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
  R extends ResponseSchemas = ResponseSchemas,
>(spec: RouteSpec<P, Q, B, R>): CloudRoute {
  const where = `route ${spec.method} ${spec.url}`;
  const segments = spec.url === '/' ? [] : spec.url.split('/').slice(1);
  if (!spec.url.startsWith('/') || !segments.every((s) => SEGMENT.test(s))) {
    throw new Error(`${where}: URL must be / followed by /-separated plain segments or :params`);
  }
  if (!OPERATION_ID.test(spec.operationId)) throw new Error(`${where}: bad operationId`);
  const declared = Object.keys(spec.params?.shape ?? {}).sort();
  const inUrl = urlParams(spec.url).sort();
  if (declared.join() !== inUrl.join()) {
    throw new Error(`${where}: params schema keys [${declared}] must match URL params [${inUrl}]`);
  }
  const statuses = Object.keys(spec.responses).map(Number);
  if (!statuses.some((s) => s >= 200 && s < 300)) {
    throw new Error(`${where}: declare at least one 2xx response`);
  }
  if (statuses.some((s) => !Number.isInteger(s) || s < 100 || s > 599)) {
    throw new Error(`${where}: response statuses must be HTTP status codes`);
  }
  return spec as unknown as CloudRoute;
}
