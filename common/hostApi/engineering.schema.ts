import { z } from 'zod';
import { DRIVE_STATES } from '../drive/driveState.ts';
import { EXPORT_STEPS, LOG_LINES } from './engineering.ts';

/** What the host hands out for a right PIN: every later engineering request must carry it. */
export const engineeringSessionSchema = z.string().regex(/^[0-9a-f]{64}$/, 'expected a session');

const sessionInput = z.strictObject({ session: engineeringSessionSchema });

export const engineeringUnlockOutputSchema = z.strictObject({
  unlocked: z.boolean(),
  /** After too many wrong PINs: how long until the next try is taken; 0 otherwise. */
  retryAfterMs: z.number().int().min(0),
  /** Present when unlocked; good until the host restarts or the session times out. */
  session: engineeringSessionSchema.nullable(),
});

export const engineeringStatusSchema = z.strictObject({
  outbox: z.strictObject({
    queued: z.number().int().min(0),
    /** Why the newest waiting order could not be sent yet; null if none was tried. */
    lastError: z.string().nullable(),
  }),
  cloud: z.strictObject({
    state: z.enum(['unknown', 'online', 'offline']),
    /** Round trip of the last health check that was answered; null before the first. */
    latencyMs: z.number().min(0).nullable(),
    checkedAt: z.iso.datetime().nullable(),
  }),
  /** The host's database files and their sizes. */
  files: z.array(z.strictObject({ name: z.string(), bytes: z.number().int().min(0) })),
  /** The newest log lines, oldest first, with secrets redacted. */
  log: z.array(z.string()).max(LOG_LINES),
  /** What the host runs on: Node's version, and Electron's when it runs inside Electron. */
  runtime: z.strictObject({ node: z.string(), electron: z.string().nullable() }),
  /** Where "Export diagnostics" writes; null: the line names no folder. */
  exportDir: z.string().nullable(),
});

/** The bridge link as the renderer's vehicle client counts it. */
export const linkStatsSchema = z.strictObject({
  reconnects: z.number().int().min(0),
  messagesPerSecond: z.number().min(0),
  rejected: z.number().int().min(0),
  /** Rejected values by the path they claimed ("?" when they named none). */
  rejectedByPath: z.record(z.string().max(200), z.number().int().min(0)),
});

const signalValue = z.union([z.string().max(200), z.number(), z.boolean()]);

/** What only the renderer knows, handed to the host to go into a bundle. */
export const rendererDiagnosticsSchema = z.strictObject({
  bridge: z.strictObject({
    url: z.string().max(200),
    status: z.string().max(40),
    link: linkStatsSchema,
  }),
  driveState: z.enum(DRIVE_STATES),
  flags: z.array(z.string().max(40)).max(32),
  signals: z
    .array(z.strictObject({ path: z.string().max(200), value: signalValue, ageMs: z.number() }))
    .max(500),
  locale: z.string().max(20),
  userAgent: z.string().max(500),
});

export const exportInputSchema = sessionInput.extend({ renderer: rendererDiagnosticsSchema });

export const exportOutputSchema = z.strictObject({
  /** The bundle's folder, under the variant's export folder. */
  folder: z.string(),
  files: z.array(z.strictObject({ name: z.string(), bytes: z.number().int().min(0) })),
});

export const exportProgressSchema = z.strictObject({
  step: z.enum(EXPORT_STEPS),
  /** Steps finished, of `EXPORT_STEPS.length`. */
  done: z.number().int().min(0).max(EXPORT_STEPS.length),
});

export const engineeringContract = {
  'engineering.unlock': {
    input: z.strictObject({ pin: z.string().regex(/^\d{4,8}$/, 'expected 4 to 8 digits') }),
    output: engineeringUnlockOutputSchema,
  },
  'engineering.status': { input: sessionInput, output: engineeringStatusSchema },
  'engineering.export': { input: exportInputSchema, output: exportOutputSchema },
} as const;

export type EngineeringStatus = z.infer<typeof engineeringStatusSchema>;
export type RendererDiagnostics = z.infer<typeof rendererDiagnosticsSchema>;
export type LinkStats = z.infer<typeof linkStatsSchema>;
export type ExportProgress = z.infer<typeof exportProgressSchema>;
