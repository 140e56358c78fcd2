import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { pageRange } from './pageFit.ts';
import { PageControls } from './PageControls.tsx';
import { usePageFit } from './usePageFit.ts';

/**
 * Items shown a page at a time, with the page controls in the screen's header row: the panel is
 * wide and short, and a driver taps to the next page rather than scrolling. A page holds as many
 * items as fit the panel (usePageFit), at most `perPage`.
 */
export function Pager<T>({
  title,
  actions,
  items,
  perPage,
  keyOf,
  render,
  testId,
}: {
  title: ReactNode;
  /** Controls for the whole screen, in the header row between the title and the page controls. */
  actions?: ReactNode;
  items: readonly T[];
  perPage: number;
  keyOf: (item: T) => string;
  render: (item: T) => ReactNode;
  testId: string;
}) {
  const { i18n } = useTranslation();
  const itemsRef = useRef<HTMLDivElement>(null);
  const [page, setPage] = useState(0);
  const fit = usePageFit(itemsRef, `${items.map(keyOf).join(',')}|${i18n.language}`, perPage);
  const range = pageRange(fit.starts, items.length, page);
  const pages = fit.starts.length;
  return (
    <>
      <div className="screen-header">
        {title}
        {actions}
        {/* While measuring, the controls hold their place so the header wraps as it will. */}
        {(fit.measuring || pages > 1) && (
          <PageControls
            page={range.page}
            pages={pages}
            onPage={setPage}
            testId={testId}
            hidden={fit.measuring}
          />
        )}
      </div>
      <div className="pager__items" ref={itemsRef}>
        {(fit.measuring ? items : items.slice(range.from, range.to)).map(render)}
      </div>
    </>
  );
}
