import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { clockPatternFrom, type ClockPattern } from './format.ts';

/** The active language's clock (`common:clock.*`), for ui/format's formatClock. */
export function useClockPattern(): ClockPattern {
  const { t } = useTranslation('common');
  return useMemo(() => clockPatternFrom((key, values = {}) => t(key, values)), [t]);
}
