import { describe, expect, it } from 'vitest';
import { loadTimeChunks } from '../../scripts/lib/compileHints.ts';

const chunk = (fileName: string, imports: string[] = []) => ({
  type: 'chunk' as const,
  fileName,
  imports,
});
const html = (fileName: string, source: string) => ({ type: 'asset' as const, fileName, source });
const bundle = (...outputs: { fileName: string }[]) =>
  Object.fromEntries(outputs.map((o) => [o.fileName, o])) as Parameters<typeof loadTimeChunks>[0];

describe('loadTimeChunks: what a page runs before it imports anything lazily', () => {
  it.each([
    [
      'the module scripts the page names and their static imports, not its lazy chunks',
      bundle(
        html(
          'index.html',
          '<script type="module" crossorigin src="./assets/runtime.js"></script>' +
            '<script type="module" crossorigin src="./assets/boot.js"></script>',
        ),
        chunk('assets/runtime.js'),
        chunk('assets/boot.js', ['assets/runtime.js', 'assets/shared.js']),
        chunk('assets/shared.js'),
        chunk('assets/Screen.js', ['assets/boot.js']),
      ),
      ['assets/boot.js', 'assets/runtime.js', 'assets/shared.js'],
    ],
    [
      'module preloads too',
      bundle(
        html('index.html', '<link rel="modulepreload" crossorigin href="./assets/en.js">'),
        chunk('assets/en.js'),
      ),
      ['assets/en.js'],
    ],
    [
      'nothing for a classic script, a stylesheet or a file the bundle does not hold',
      bundle(
        html(
          'index.html',
          '<script src="./assets/classic.js"></script><link rel="stylesheet" href="./assets/a.css">' +
            '<script type="module" src="./assets/gone.js"></script>',
        ),
        chunk('assets/classic.js'),
      ),
      [],
    ],
    [
      'paths relative to a page in a folder',
      bundle(
        html('sub/page.html', '<script type="module" src="../assets/boot.js"></script>'),
        chunk('assets/boot.js'),
      ),
      ['assets/boot.js'],
    ],
  ])('%s', (_name, input, expected) => {
    expect(loadTimeChunks(input)).toEqual(expected);
  });
});
