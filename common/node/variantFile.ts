import { readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { variantSchema, type Variant } from '../variant.schema.ts';
import { issueLines } from '../validation.ts';

export type VariantResult =
  { ok: true; variant: Variant; file: string } | { ok: false; file: string; problems: string[] };

/** `dev`, `build/variants/dev.json` or an absolute path all name a variant file. */
export function variantFile(nameOrPath: string, projectRoot: string): string {
  if (nameOrPath.endsWith('.json') || nameOrPath.includes('/')) {
    return isAbsolute(nameOrPath) ? nameOrPath : resolve(projectRoot, nameOrPath);
  }
  return join(projectRoot, 'build', 'variants', `${nameOrPath}.json`);
}

/** Reads and validates a variant; every problem is one `file: path: reason` line. */
export function loadVariant(nameOrPath: string, projectRoot: string): VariantResult {
  const file = variantFile(nameOrPath, projectRoot);
  const shown = relative(process.cwd(), file) || file;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT'
        ? 'file not found'
        : (error as Error).message;
    return { ok: false, file, problems: [`${shown}: ${reason}`] };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, file, problems: [`${shown}: not valid JSON: ${(error as Error).message}`] };
  }
  const parsed = variantSchema.safeParse(json);
  if (!parsed.success) {
    return {
      ok: false,
      file,
      problems: issueLines(parsed.error).map((i) => `${shown}: ${i.path}: ${i.message}`),
    };
  }
  return { ok: true, variant: parsed.data, file };
}
