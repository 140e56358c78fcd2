import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface JsSize {
  /** Sum of the gzipped JS the page fetched before the home screen was interactive. */
  gzipBytes: number;
  files: { file: string; bytes: number; gzipBytes: number }[];
}

/**
 * Gzip (level 9, as a static server would precompress) of each script, read from the build
 * output. The list comes from what the page really fetched before interactive, so lazily
 * loaded chunks count only if start-up needs them.
 */
export function measureJs(outDir: string, scriptUrls: string[]): JsSize {
  const files = [...new Set(scriptUrls.map((url) => new URL(url).pathname.replace(/^\//, '')))]
    .sort()
    .map((file) => {
      const body = readFileSync(join(outDir, file));
      return { file, bytes: body.length, gzipBytes: gzipSync(body, { level: 9 }).length };
    });
  return { gzipBytes: files.reduce((n, f) => n + f.gzipBytes, 0), files };
}
