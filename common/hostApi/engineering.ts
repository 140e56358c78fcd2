/**
 * Engineering constants both sides use, free of zod so the renderer can import them
 * (`engineering.schema.ts` holds the schemas).
 */

/** Lines of the host's log the engineering screen shows and a bundle carries. */
export const LOG_LINES = 200;

/** The steps of a diagnostics export, reported as each one finishes. */
export const EXPORT_STEPS = ['collect', 'diagnostics', 'log', 'sync'] as const;
