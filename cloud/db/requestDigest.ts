import { createHash } from 'node:crypto';
import { canonicalJson } from '../../common/canonicalJson.ts';

/** The digest an idempotent request is remembered by: a replay must match it exactly. */
export function requestSha256(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}
