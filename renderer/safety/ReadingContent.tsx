import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAllowed } from './useAllowed.ts';

/** Text meant to be read (terms, long descriptions) is not shown while NO_READING is in force (A4). */
export function ReadingContent({ children }: { children: ReactNode }) {
  const { t } = useTranslation('common');
  const blocked = !useAllowed('reading');
  if (blocked) return <p className="label">{t('safety.readWhenParked')}</p>;
  return <div className="reading">{children}</div>;
}
