import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { variantSchema, type Variant } from '../../common/variant.schema.ts';

export const PROJECT_ROOT = join(import.meta.dirname, '..', '..');

/** The engineering PIN of both lines in build/variants (only its SHA-256 is in the files). */
export const ENGINEERING_PIN = '2468';

/** The shipped dev variant, optionally with endpoints pointed at servers a test started. */
export function devVariant(overrides: Partial<Variant> = {}): Variant {
  const raw = JSON.parse(
    readFileSync(join(PROJECT_ROOT, 'build/variants/dev.json'), 'utf8'),
  ) as unknown;
  return variantSchema.parse({ ...(raw as object), ...overrides });
}
