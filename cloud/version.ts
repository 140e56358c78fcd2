import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

const PackageJson = z.object({ version: z.string().min(1) });

/** The server reports the project's version (package.json), read once at startup. */
export const CLOUD_VERSION: string = PackageJson.parse(
  JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8')),
).version;
