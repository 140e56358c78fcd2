import { useTranslation } from 'react-i18next';
import { RestrictedList } from '../../../safety/RestrictedList.tsx';
import { useRefreshWhileShown } from './useRefreshWhileShown.ts';

interface Line {
  n: number;
  text: string;
}

/** "12:04:31 warn outbox.send_failed {…}": a JSON log line as an engineer reads it. */
export function readableLogLine(line: string): string {
  try {
    const {
      ts,
      level,
      component: _component,
      event,
      ...rest
    } = JSON.parse(line) as Record<string, unknown>;
    if (typeof ts !== 'string' || typeof event !== 'string') return line;
    const fields = Object.keys(rest).length > 0 ? ` ${JSON.stringify(rest)}` : '';
    return `${ts.slice(11, 19)} ${String(level)} ${event}${fields}`;
  } catch {
    return line;
  }
}

/**
 * The host's newest log lines, newest first, one line each (cut at the panel's edge: the whole
 * line is in an exported bundle), paged to fit and refreshed while shown.
 */
export function LogTab({ lines, refresh }: { lines: readonly string[]; refresh: () => void }) {
  const { t } = useTranslation('settings');
  useRefreshWhileShown(refresh);
  const items: Line[] = lines.map((text, n) => ({ n, text })).reverse();
  return (
    <RestrictedList
      items={items}
      keyOf={(line) => `${line.n}|${line.text.slice(0, 40)}`}
      label={t('engineering.tabLog')}
      testId="engineering-log"
      renderItem={(line) => <span className="engineering__log">{readableLogLine(line.text)}</span>}
    />
  );
}
