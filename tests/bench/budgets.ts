/** DESIGN §10, one row per budget, and where a run stands against it. */

export interface BudgetRow {
  what: string;
  budget: string;
  measured: string;
  status: 'pass' | 'fail' | 'not measured';
}

type Check = { measured: string; ok: boolean | null };

export function row(what: string, budget: string, check: Check): BudgetRow {
  return {
    what,
    budget,
    measured: check.measured,
    status: check.ok === null ? 'not measured' : check.ok ? 'pass' : 'fail',
  };
}

const fmt = (value: number | null, unit: string, digits = 1) =>
  value === null ? 'n/a' : `${value.toFixed(digits)} ${unit}`;

export function atMost(value: number | null, limit: number, unit: string, digits = 1): Check {
  return { measured: fmt(value, unit, digits), ok: value === null ? null : value <= limit };
}

export function atLeast(value: number | null, limit: number, unit: string, digits = 1): Check {
  return { measured: fmt(value, unit, digits), ok: value === null ? null : value >= limit };
}

export function both(a: Check, b: Check): Check {
  return {
    measured: `${a.measured}; ${b.measured}`,
    ok: a.ok === null || b.ok === null ? null : a.ok && b.ok,
  };
}

export function formatTable(rows: BudgetRow[]): string {
  const headers = ['what', 'budget', 'measured', 'status'] as const;
  const widths = headers.map((h) => Math.max(h.length, ...rows.map((r) => r[h].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [
    line([...headers]),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...rows.map((r) => line(headers.map((h) => r[h]))),
  ].join('\n');
}
