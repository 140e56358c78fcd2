import { createLogger } from '../../common/log.ts';
import { LOG_LINES } from '../../common/hostApi/engineering.ts';
import { createLogRing } from './logRing.ts';

/** The host process's newest log lines, for the engineering screen. */
export const recentLog = createLogRing(LOG_LINES);

export const log = createLogger(
  'host',
  (line) => {
    recentLog.push(line);
    process.stderr.write(line);
  },
  Boolean(process.env.DASHPORT_DEBUG),
);
