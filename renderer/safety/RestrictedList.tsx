import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { pageRange } from '../ui/pageFit.ts';
import { PageControls } from '../ui/PageControls.tsx';
import { usePageFit } from '../ui/usePageFit.ts';
import { useAllowed } from './useAllowed.ts';
import { useUxLimits } from './useUxLimits.ts';

/**
 * A list that fits the panel: as many rows as fit, the rest a page away with the page controls
 * beside it (width is what a wide, short panel has to spare). While LIMIT_CONTENT is in force (C3)
 * it shows only the first page, at most the market's row limit, and says how many more wait
 * until parked: no paging while driving.
 */
export function RestrictedList<T>(props: {
  items: readonly T[];
  renderItem: (item: T) => ReactNode;
  keyOf: (item: T) => string;
  label: string;
  testId?: string;
}) {
  const { t, i18n } = useTranslation('common');
  const limited = !useAllowed('fullLists');
  const { maxListRows } = useUxLimits();
  const listRef = useRef<HTMLUListElement>(null);
  const [page, setPage] = useState(0);
  const candidates = limited ? props.items.slice(0, maxListRows) : props.items;
  const fit = usePageFit(
    listRef,
    `${candidates.map(props.keyOf).join(',')}|${i18n.language}|${limited}`,
  );
  const range = pageRange(fit.starts, candidates.length, limited ? 0 : page);
  const shown = fit.measuring ? candidates : candidates.slice(range.from, range.to);
  const hidden = limited ? props.items.length - shown.length : 0;
  const pages = limited ? 1 : fit.starts.length;
  const testId = props.testId ?? 'list';
  const side =
    hidden > 0 ? (
      <p className="label paged-list__note">{t('safety.moreWhenParked', { count: hidden })}</p>
    ) : fit.measuring || pages > 1 ? (
      <PageControls
        page={range.page}
        pages={pages}
        onPage={setPage}
        testId={testId}
        vertical
        hidden={fit.measuring}
      />
    ) : null;
  return (
    <div className="paged-list">
      <ul
        ref={listRef}
        className="list"
        aria-label={props.label}
        data-restricted-list={limited}
        data-testid={testId}
      >
        {shown.map((item) => (
          <li key={props.keyOf(item)} className="list__row">
            {props.renderItem(item)}
          </li>
        ))}
      </ul>
      {side}
    </div>
  );
}
