import type { ColdStart, IgnitionStart } from './measure/coldStart.ts';
import type { JsSize } from './measure/jsSize.ts';

const ms = (v: number | null) => (v === null ? 'n/a' : `${v.toFixed(0)} ms`);

function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [
    line(headers),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...rows.map(line),
  ].join('\n');
}

/** Each start-up milestone (median ms since navigation start), app beside bare React. */
export function startupTable(cold: ColdStart, ignition: IgnitionStart): string {
  const a = cold.appBreakdown;
  const b = cold.bareBreakdown;
  return table(
    ['start-up milestone (median)', 'app', 'bare React'],
    [
      ['response end', ms(a.responseEnd), ms(b.responseEnd)],
      ['DOMContentLoaded', ms(a.domContentLoaded), ms(b.domContentLoaded)],
      ['host state in the store', ms(a.hostState), ms(b.hostState)],
      ['first contentful paint', ms(a.firstContentfulPaint), ms(b.firstContentfulPaint)],
      ['bridge token from the host', ms(a.bridgeToken), ms(b.bridgeToken)],
      ['bridge connected', ms(a.bridgeConnected), ms(b.bridgeConnected)],
      ['first signal values in the store', ms(a.firstSample), ms(b.firstSample)],
      ['live values, accepts a tap (cold)', ms(cold.appMedianMs), ms(cold.bareMedianMs)],
      [
        `live values, ignition (start ${ignition.earlierStarts + 1} on a kept profile)`,
        ms(ignition.appMedianMs),
        ms(ignition.bareMedianMs),
      ],
    ],
  );
}

/** What each script on the boot path weighs, app and bare page. */
export function scriptTable(app: JsSize, bare: JsSize): string {
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const rows = [
    ...app.files.map((f) => [`app ${f.file}`, kb(f.bytes), kb(f.gzipBytes)]),
    ...bare.files.map((f) => [`bare ${f.file}`, kb(f.bytes), kb(f.gzipBytes)]),
  ];
  return table(['boot script', 'raw', 'gzip'], rows);
}
