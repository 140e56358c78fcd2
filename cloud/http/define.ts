import type { DatabaseSync } from 'node:sqlite';
import type { AnyEndpoint, EndpointInput, EndpointReply } from '../../common/cloudApi/endpoint.ts';
import type { Logger } from '../../common/log.ts';
import type { Vehicle } from '../auth.ts';
import type { CloudServices } from '../services.ts';

/** What every handler gets besides its input. */
export interface RouteContext {
  db: DatabaseSync;
  log: Logger;
  /** The server's clock (injected, so tests can pin opening hours). */
  now: () => Date;
  services: CloudServices;
  /** The caller, on endpoints declared with `auth: 'vehicle'` (the binder refuses the rest). */
  vehicle: Vehicle | null;
}

export type RouteHandler<E extends AnyEndpoint> = (
  input: EndpointInput<E>,
  ctx: RouteContext,
) => EndpointReply<E['responses']> | Promise<EndpointReply<E['responses']>>;

/** An endpoint of the shared table (common/cloudApi/endpoints.ts) with the server's handler attached. */
export interface CloudRoute {
  endpoint: AnyEndpoint;
  handler: RouteHandler<AnyEndpoint>;
}

/** Attaches a handler to a declared endpoint; its input and reply types come from the endpoint. */
export function defineRoute<E extends AnyEndpoint>(
  endpoint: E,
  handler: NoInfer<RouteHandler<E>>,
): CloudRoute {
  return { endpoint, handler: handler as unknown as RouteHandler<AnyEndpoint> };
}
