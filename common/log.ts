export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type Logger = Record<LogLevel, (event: string, fields?: Record<string, unknown>) => void>;

/**
 * Structured JSON-lines logger. The sink is injected so common stays free of Node;
 * servers pass stderr (journald keeps it on the head unit, tools can parse it).
 */
export function createLogger(
  component: string,
  sink: (line: string) => void,
  debug = false,
): Logger {
  const write =
    (level: LogLevel) =>
    (event: string, fields: Record<string, unknown> = {}) => {
      if (level === 'debug' && !debug) return;
      sink(
        `${JSON.stringify({ ts: new Date().toISOString(), level, component, event, ...fields })}\n`,
      );
    };
  return { debug: write('debug'), info: write('info'), warn: write('warn'), error: write('error') };
}
