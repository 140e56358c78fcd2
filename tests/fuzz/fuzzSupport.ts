import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { expect } from 'vitest';
import { PROJECT_ROOT } from '../support/devVariant.ts';

/** Inputs per surface: 1,000 in CI (`npm test`), 10,000 with `npm run fuzz`. */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS ?? 1000);

/** The run's seed: printed with every figure so a failure can be replayed (`FUZZ_SEED=`). */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);

export function fuzzParams<T>(): fc.Parameters<T> {
  return { numRuns: FUZZ_RUNS, seed: FUZZ_SEED, endOnFailure: true };
}

/** Heap in use after a full collection (the fuzz project runs with --expose-gc). */
export function settledHeapMb(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run the fuzz project with --expose-gc');
  gc();
  gc();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

/**
 * Within this much of the start once the surface has been exercised and its clients closed:
 * enough for lazily compiled code and caches, far too little for a leak per input.
 */
export const HEAP_SLACK_MB = 24;

export interface FuzzFigures {
  surface: string;
  inputs: number;
  /** Answered with the surface's typed error. */
  refused: number;
  /** Answered with a valid result. */
  accepted: number;
  heapStartMb: number;
  heapEndMb: number;
  seconds: number;
}

/** One line on stdout and in test-results/fuzz.jsonl, which `npm run fuzz` tabulates. */
export function report(figures: FuzzFigures): void {
  const line = { ...figures, seed: FUZZ_SEED, at: new Date().toISOString() };
  console.log(
    `fuzz ${figures.surface}: ${figures.inputs} inputs, ${figures.refused} refused (typed), ` +
      `${figures.accepted} accepted, heap ${figures.heapStartMb.toFixed(1)} → ` +
      `${figures.heapEndMb.toFixed(1)} MB, ${figures.seconds.toFixed(1)} s, seed ${FUZZ_SEED}`,
  );
  const dir = join(PROJECT_ROOT, 'test-results');
  mkdirSync(dir, { recursive: true });
  appendFileSync(join(dir, 'fuzz.jsonl'), `${JSON.stringify(line)}\n`);
}

/** Anything JSON can carry, with the odd hostile string and deep nesting. */
export const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.constantFrom('', '\u0000', '__proto__', 'constructor', '💥'.repeat(50), 'x'.repeat(5000)),
  fc.constantFrom(null, true, -0, 1e308, Number.MAX_SAFE_INTEGER),
  fc.constant({ __proto__: { polluted: true } }),
  fc.constant(JSON.parse('{"__proto__":{"polluted":true}}')),
);

/** A value of `base` with one leaf, somewhere down, replaced by anything. */
export function mutated(base: unknown): fc.Arbitrary<unknown> {
  const paths: string[][] = [];
  const walk = (node: unknown, path: string[]) => {
    paths.push(path);
    if (node !== null && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) walk(v, [...path, k]);
    }
  };
  walk(base, []);
  return fc.tuple(fc.constantFrom(...paths), anyJson, fc.boolean()).map(([path, value, remove]) => {
    const copy = structuredClone(base) as Record<string, unknown>;
    if (path.length === 0) return value;
    let node = copy;
    for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
    const last = path[path.length - 1]!;
    if (remove) delete node[last];
    else node[last] = value;
    return copy;
  });
}

/**
 * Runs one surface's fuzzing between two settled heap readings, then reports the figures and
 * holds the run to them: every input counted once, the heap back near its start.
 */
export async function measured(
  surface: string,
  run: (counts: { refused: number; accepted: number }) => Promise<void> | void,
): Promise<void> {
  const heapStartMb = settledHeapMb();
  const started = performance.now();
  const counts = { refused: 0, accepted: 0 };
  await run(counts);
  const heapEndMb = settledHeapMb();
  report({
    surface,
    inputs: FUZZ_RUNS,
    ...counts,
    heapStartMb,
    heapEndMb,
    seconds: (performance.now() - started) / 1000,
  });
  expect(counts.refused + counts.accepted).toBe(FUZZ_RUNS);
  expect(heapEndMb - heapStartMb).toBeLessThan(HEAP_SLACK_MB);
}
