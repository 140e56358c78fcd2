import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { SUPPORTED_LOCALES, type LocaleCode } from '../../common/locales.ts';

/** Written by the renderer build beside index.html: each language's chunk. */
export const LANGUAGE_CHUNKS_FILE = 'languages.json';

export type LanguageChunks = Partial<Record<LocaleCode, string>>;

// A chunk path goes into the served page: only a plain file under assets/ is taken.
const languageChunksSchema = z.partialRecord(
  z.enum(SUPPORTED_LOCALES),
  z.string().regex(/^assets\/[\w.-]+\.js$/),
);

/**
 * The build's language chunks. A missing or malformed file names none: the page then imports its
 * language after the boot chunk has run, as it always can, only later.
 */
export async function readLanguageChunks(rendererRoot: string): Promise<LanguageChunks> {
  try {
    const parsed = languageChunksSchema.safeParse(
      JSON.parse(await readFile(join(rendererRoot, LANGUAGE_CHUNKS_FILE), 'utf8')),
    );
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}
