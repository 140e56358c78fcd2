/**
 * Days before maturity from which the end-of-term journey opens (reminders at 120/90/60).
 * Zod-free so the renderer can use it without pulling schema code into its bundle.
 */
export const END_OF_TERM_WINDOW_DAYS = 120;
