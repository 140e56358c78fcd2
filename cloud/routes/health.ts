import { z } from 'zod';
import { defineRoute } from '../http/define.ts';
import { CLOUD_VERSION } from '../version.ts';

export const HealthSchema = z.object({
  status: z.literal('ok'),
  version: z.string(),
  time: z.iso.datetime().describe('Server time, ISO 8601 UTC'),
});

export const healthRoute = defineRoute({
  method: 'GET',
  url: '/health',
  operationId: 'getHealth',
  summary: 'Liveness: the server answers and its database can be read',
  tags: ['meta'],
  responses: { 200: HealthSchema },
  handler: (_input, { db }) => {
    // A failing database makes this throw, which answers 500 instead of a false "ok".
    db.prepare('SELECT 1').get();
    return {
      status: 200,
      body: { status: 'ok', version: CLOUD_VERSION, time: new Date().toISOString() },
    };
  },
});
