import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuantityPattern } from './format.ts';

/** The active language's patterns for whole quantities (`common:quantity.*`), for ui/format. */
export function useQuantityPattern(): QuantityPattern {
  const { t } = useTranslation('common');
  return useCallback((unit, whole) => t(`quantity.${unit}`, { value: whole }), [t]);
}
