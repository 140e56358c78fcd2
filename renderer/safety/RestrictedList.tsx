import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAllowed } from './useAllowed.ts';
import { useUxLimits } from './useUxLimits.ts';

/**
 * A list that shows at most the market's row limit while LIMIT_CONTENT is in force (C3);
 * the rest stays reachable when parked, and the user is told so.
 */
export function RestrictedList<T>(props: {
  items: readonly T[];
  renderItem: (item: T) => ReactNode;
  keyOf: (item: T) => string;
  label: string;
}) {
  const { t } = useTranslation('common');
  const limited = !useAllowed('fullLists');
  const { maxListRows } = useUxLimits();
  const shown = limited ? props.items.slice(0, maxListRows) : props.items;
  const hidden = props.items.length - shown.length;
  return (
    <div>
      <ul className="list" aria-label={props.label} data-restricted-list={limited}>
        {shown.map((item) => (
          <li key={props.keyOf(item)} className="list__row">
            {props.renderItem(item)}
          </li>
        ))}
      </ul>
      {hidden > 0 && <p className="label">{t('safety.moreWhenParked', { count: hidden })}</p>}
    </div>
  );
}
