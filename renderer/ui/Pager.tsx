import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from './Button.tsx';

/**
 * Items shown a page at a time, with the page controls in the screen's header row: the panel is
 * wide and short, and a driver taps to the next page rather than scrolling.
 */
export function Pager<T>({
  title,
  actions,
  items,
  perPage,
  render,
  testId,
}: {
  title: ReactNode;
  /** Controls for the whole screen, in the header row between the title and the page controls. */
  actions?: ReactNode;
  items: readonly T[];
  perPage: number;
  render: (item: T) => ReactNode;
  testId: string;
}) {
  const { t } = useTranslation('common');
  const pages = Math.max(1, Math.ceil(items.length / perPage));
  const [page, setPage] = useState(0);
  const current = Math.min(page, pages - 1);
  return (
    <>
      <div className="screen-header">
        {title}
        {actions}
        {pages > 1 && (
          <div className="pager" data-testid={`${testId}-pager`}>
            <span className="label" data-testid={`${testId}-page`}>
              {t('pager.page', { page: current + 1, pages })}
            </span>
            <Button
              disabled={current === 0}
              onClick={() => setPage(current - 1)}
              aria-label={t('pager.previous')}
              data-testid={`${testId}-previous`}
            >
              ‹
            </Button>
            <Button
              disabled={current === pages - 1}
              onClick={() => setPage(current + 1)}
              aria-label={t('pager.next')}
              data-testid={`${testId}-next`}
            >
              ›
            </Button>
          </div>
        )}
      </div>
      {items.slice(current * perPage, (current + 1) * perPage).map(render)}
    </>
  );
}
