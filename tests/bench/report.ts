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

/** Each start-up milestone (median ms since navigation start), app beside bare React, cold and at ignition. */
export function startupTable(cold: ColdStart, ignition: IgnitionStart): string {
  const row = (label: string, key: keyof ColdStart['appBreakdown']) => [
    label,
    ms(cold.appBreakdown[key]),
    ms(cold.bareBreakdown[key]),
    ms(ignition.appBreakdown[key]),
    ms(ignition.bareBreakdown[key]),
  ];
  return table(
    [
      'start-up milestone (median)',
      'app, cold',
      'bare, cold',
      `app, ignition (start ${ignition.earlierStarts + 1})`,
      'bare, ignition',
    ],
    [
      row('response end', 'responseEnd'),
      row('DOMContentLoaded', 'domContentLoaded'),
      row('host state in the store', 'hostState'),
      row('first contentful paint', 'firstContentfulPaint'),
      row('bridge token from the host', 'bridgeToken'),
      row('bridge connected', 'bridgeConnected'),
      row('first signal values in the store', 'firstSample'),
      [
        'live values, accepts a tap',
        ms(cold.appMedianMs),
        ms(cold.bareMedianMs),
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
