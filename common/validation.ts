import type { z } from 'zod';

export interface IssueLine {
  path: string;
  message: string;
}

/** Flattens zod issues into `path: reason` pairs an engineer can act on. */
export function issueLines(error: z.ZodError): IssueLine[] {
  return error.issues.map((issue) => ({
    path: issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)',
    message: issue.message,
  }));
}
