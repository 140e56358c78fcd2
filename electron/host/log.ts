import { createLogger } from '../../common/log.ts';

export const log = createLogger(
  'host',
  (line) => process.stderr.write(line),
  Boolean(process.env.DASHPORT_DEBUG),
);
