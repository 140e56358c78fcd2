export const HOST_ERROR_CODES = [
  'invalid_input',
  'unknown_channel',
  'forbidden',
  'not_found',
  /** The same id was already used for a different request. */
  'conflict',
  'unavailable',
  'timeout',
  'internal',
] as const;
export type HostErrorCode = (typeof HOST_ERROR_CODES)[number];

export interface HostErrorBody {
  code: HostErrorCode;
  message: string;
  issues?: { path: string; message: string }[];
}

/** What every host call returns across a transport: plain data, so it survives contextBridge and JSON. */
export type HostEnvelope<T = unknown> =
  { ok: true; value: T } | { ok: false; error: HostErrorBody };

export class HostApiError extends Error {
  readonly code: HostErrorCode;
  readonly issues: { path: string; message: string }[];

  constructor(body: HostErrorBody) {
    super(body.message);
    this.name = 'HostApiError';
    this.code = body.code;
    this.issues = body.issues ?? [];
  }
}

export function isHostEnvelope(value: unknown): value is HostEnvelope {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  if (v.ok === true) return 'value' in v;
  if (v.ok !== false || typeof v.error !== 'object' || v.error === null) return false;
  const e = v.error as Record<string, unknown>;
  return typeof e.message === 'string' && (HOST_ERROR_CODES as readonly unknown[]).includes(e.code);
}
