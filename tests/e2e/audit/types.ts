/**
 * What the in-page audit is asked and what it answers. Shared by the Node side (test, report)
 * and the page side (tests/e2e/audit/page), so types only.
 */

export type CheckId =
  | 'target-size'
  | 'primary-size'
  | 'target-overlap'
  | 'glyph-height'
  | 'text-contrast'
  | 'control-contrast'
  | 'text-input'
  | 'animation'
  | 'video'
  | 'photo'
  | 'list-rows'
  | 'string-length'
  | 'missing-glyph'
  | 'axe'
  | 'main-overflow';

export interface AuditThresholds {
  /** Panel density from the variant; mm = cssPx x dpr / pxPerInch x 25.4. */
  pxPerInch: number;
  targetMinMm: number;
  primaryMinMm: number;
  glyphMinMm: number;
  textContrast: number;
  controlContrast: number;
  maxListRows: number;
  maxStringLength: number;
}

export interface AuditRequest {
  thresholds: AuditThresholds;
  /** The moving-only checks (inputs, motion, rows, string length) run when true. */
  moving: boolean;
}

export interface Violation {
  check: CheckId;
  /** A readable handle on the element: tag, test id, classes, some of its text. */
  element: string;
  /** What was measured, in the check's unit (mm, ratio, rows, characters, count). */
  measured: number | string;
  limit: number | string;
  detail?: string;
}

/** The tightest value seen per check, so the report shows the margin, not only pass/fail. */
export interface Margins {
  minTargetMm: number | null;
  minPrimaryMm: number | null;
  minGlyphMm: number | null;
  minTextContrast: number | null;
  minControlContrast: number | null;
  maxListRows: number | null;
  maxStringLength: number | null;
}

export interface PageAudit {
  /** Elements each check looked at. */
  checked: Record<CheckId, number>;
  margins: Margins;
  violations: Violation[];
}

/** The page-side API installed by inject.ts as window.__dashportAudit. */
export interface AuditApi {
  settle(timeoutMs?: number): Promise<number>;
  run(request: AuditRequest): PageAudit;
}

declare global {
  interface Window {
    __dashportAudit?: AuditApi;
  }
}
