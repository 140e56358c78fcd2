import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCandumpLine } from '../../bridge/can/candump.ts';
import { createCanMapper } from '../../bridge/can/mapper.ts';
import { loadProfile, ProfileError } from '../../bridge/can/profile.ts';
import { createSignalStore } from '../../bridge/signalStore.ts';
import { loadVariant } from '../../common/node/variantFile.ts';
import { PROJECT_ROOT } from '../support/devVariant.ts';
import { tempDir } from '../support/tmp.ts';
import { anyJson, fuzzParams, FUZZ_RUNS, measured, mutated } from './fuzzSupport.ts';

const tmp = tempDir();
afterAll(() => tmp.cleanup());
const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

/** Any text, a JSON value, or the real file with one field changed or removed. */
function fileText(real: unknown): fc.Arbitrary<string> {
  return fc.oneof(
    fc.constant(JSON.stringify(real)),
    mutated(real).map((v) => JSON.stringify(v) ?? 'null'),
    mutated(real).map((v) => JSON.stringify(v, null, 2) ?? 'null'),
    anyJson.map((v) => JSON.stringify(v) ?? ''),
    fc.string({ maxLength: 300 }),
    fc.constantFrom('', '{', '\uFEFF{}', '[]', 'null'),
  );
}

describe('fuzz: files and lines from outside', () => {
  it(`loads ${FUZZ_RUNS} generated variant files or lists their problems`, async () => {
    const real = readJson(join(PROJECT_ROOT, 'build/variants/dev.json'));
    const file = join(tmp.dir, 'variant.json');
    await measured('variant files', (counts) =>
      fc.assert(
        fc.property(fileText(real), (text) => {
          writeFileSync(file, text);
          const result = loadVariant(file, PROJECT_ROOT);
          if (result.ok) counts.accepted++;
          else {
            expect(result.problems.length).toBeGreaterThan(0);
            for (const p of result.problems) expect(typeof p).toBe('string');
            counts.refused++;
          }
        }),
        fuzzParams(),
      ),
    );
    // The shipped file still loads.
    expect(loadVariant('dev', PROJECT_ROOT).ok).toBe(true);
  });

  it(`loads ${FUZZ_RUNS} generated CAN profiles or throws a ProfileError listing the problems`, async () => {
    const source = join(PROJECT_ROOT, 'build/vehicles/toyota-rav4-2018.json');
    const real = readJson(source);
    const dir = join(tmp.dir, 'vehicles');
    mkdirSync(join(dir, 'dbc'), { recursive: true });
    copyFileSync(
      join(PROJECT_ROOT, 'build/vehicles/dbc/toyota_new_mc_pt_generated.dbc'),
      join(dir, 'dbc/toyota_new_mc_pt_generated.dbc'),
    );
    const file = join(dir, 'profile.json');
    await measured('CAN profiles', (counts) =>
      fc.assert(
        fc.property(fileText(real), (text) => {
          writeFileSync(file, text);
          try {
            loadProfile(file);
            counts.accepted++;
          } catch (error) {
            expect(error).toBeInstanceOf(ProfileError);
            expect((error as ProfileError).problems.length).toBeGreaterThan(0);
            counts.refused++;
          }
        }),
        fuzzParams(),
      ),
    );
    expect(loadProfile(source).paths.length).toBeGreaterThan(0);
  });

  it(`parses ${FUZZ_RUNS} generated candump lines and decodes their frames without a fault`, async () => {
    const profile = loadProfile(join(PROJECT_ROOT, 'build/vehicles/toyota-rav4-2018.json'));
    const store = createSignalStore();
    const mapper = createCanMapper(profile, store);
    const ids = [...profile.plans.values()].map((p) => p.message.message.id);
    const hex = (n: number) =>
      fc.uint8Array({ minLength: n, maxLength: n }).map((b) => Buffer.from(b).toString('hex'));
    const line = fc.oneof(
      // Well-formed lines for the profile's own messages, with any payload: the decoder's input.
      fc
        .tuple(fc.nat(2 ** 31), fc.constantFrom(...ids), fc.integer({ min: 0, max: 8 }).chain(hex))
        .map(
          ([t, id, data]) =>
            `(${t}.000000) can0 ${id.toString(16).toUpperCase().padStart(3, '0')}#${data}`,
        ),
      fc
        .tuple(
          fc.nat(),
          fc.nat(0x1fffffff),
          fc.constantFrom('#', '##'),
          fc.string({ maxLength: 40 }),
        )
        .map(([t, id, sep, rest]) => `(${t}.123456) can0 ${id.toString(16)}${sep}${rest}`),
      fc.string({ maxLength: 320 }),
    );
    await measured('candump lines', (counts) =>
      fc.assert(
        fc.property(line, (text) => {
          const parsed = parseCandumpLine(text);
          if (!parsed.ok) {
            expect(typeof parsed.reason).toBe('string');
            counts.refused++;
            return;
          }
          mapper.frame(parsed.frame);
          counts.accepted++;
        }),
        fuzzParams(),
      ),
    );
    // Every value the decoder published is one the store accepted (it validates per VSS path).
    expect(mapper.stats().frames).toBeGreaterThan(0);
  });
});
