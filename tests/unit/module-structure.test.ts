import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../support/devVariant.ts';
import { importCycles, importGraph } from '../support/importGraph.ts';

/** Every TypeScript module git tracks or would track (tests and scripts too). */
function sourceFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
  });
  return out.split('\n').filter((f) => /\.(ts|tsx)$/.test(f) && !f.endsWith('.d.ts'));
}

describe('module structure', () => {
  it('has no import cycles, type-only imports included', () => {
    expect(importCycles(importGraph(PROJECT_ROOT, sourceFiles()))).toEqual([]);
  });

  it('finds a cycle when there is one (the check itself works)', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts']],
    ]);
    expect(importCycles(graph)).toEqual([['a.ts', 'b.ts', 'c.ts']]);
  });
});

describe('schema modules are recognisable by name', () => {
  it('names every common/ module that builds zod schemas *.schema.ts (the lint rule matches the name)', () => {
    const offenders = sourceFiles().filter((file) => {
      // common/node is closed to the renderer by its own rule, so it may use schemas freely.
      if (!file.startsWith('common/') || file.startsWith('common/node/')) return false;
      if (file.endsWith('.schema.ts')) return false;
      const text = readFileSync(join(PROJECT_ROOT, file), 'utf8');
      // A value import of zod, or of another schema module, makes this one a schema module too.
      return /^import (?!type )[^;]*from '(zod|[^']+\.schema\.ts)';/m.test(text);
    });
    expect(offenders).toEqual([]);
  });
});
