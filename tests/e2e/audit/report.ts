import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PROJECT_ROOT } from '../../support/devVariant.ts';
import type { AuditReport } from './matrix.ts';

export const REPORT_PATH = join(PROJECT_ROOT, 'test-results', 'safety-audit.json');

export function writeReport(report: AuditReport, path = REPORT_PATH): string {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(report, null, 2)}\n`);
  return path;
}
