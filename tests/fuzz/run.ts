import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FuzzFigures } from './fuzzSupport.ts';

/**
 * `npm run fuzz`: every surface with 10,000 inputs (FUZZ_RUNS overrides), then one table of the
 * figures this run wrote to test-results/fuzz.jsonl. CI runs the same tests with 1,000.
 */
const root = join(import.meta.dirname, '..', '..');
const started = Date.now();
const run = spawnSync(
  process.execPath,
  [join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--project', 'fuzz'],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, FUZZ_RUNS: process.env.FUZZ_RUNS ?? '10000' },
  },
);

const rows = readFileSync(join(root, 'test-results', 'fuzz.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as FuzzFigures & { at: string; seed: number })
  .filter((row) => Date.parse(row.at) >= started);
const cell = (text: string, width: number) => text.padEnd(width);
process.stdout.write(
  `\n${cell('surface', 16)}${cell('inputs', 9)}${cell('refused', 9)}${cell('accepted', 10)}` +
    `${cell('heap MB start → end', 22)}${cell('s', 7)}seed\n`,
);
for (const r of rows) {
  process.stdout.write(
    `${cell(r.surface, 16)}${cell(String(r.inputs), 9)}${cell(String(r.refused), 9)}` +
      `${cell(String(r.accepted), 10)}` +
      `${cell(`${r.heapStartMb.toFixed(1)} → ${r.heapEndMb.toFixed(1)}`, 22)}` +
      `${cell(r.seconds.toFixed(1), 7)}${r.seed}\n`,
  );
}
process.exit(run.status ?? 1);
