import { useTranslation } from 'react-i18next';
import { Button } from './Button.tsx';

/** "2 of 3" with the previous and next page buttons; a driver taps to a page, never scrolls. */
export function PageControls({
  page,
  pages,
  onPage,
  testId,
  vertical = false,
  hidden = false,
}: {
  page: number;
  pages: number;
  onPage: (page: number) => void;
  testId: string;
  /** Beside a list: stacked, so it takes width rather than height. */
  vertical?: boolean;
  /** Drawn for measuring only: takes its place, not seen, not reachable. */
  hidden?: boolean;
}) {
  const { t } = useTranslation('common');
  return (
    <div
      className={vertical ? 'pager pager--vertical' : 'pager'}
      data-testid={hidden ? undefined : `${testId}-pager`}
      style={hidden ? { visibility: 'hidden' } : undefined}
      aria-hidden={hidden || undefined}
    >
      <Button
        disabled={hidden || page === 0}
        onClick={() => onPage(page - 1)}
        aria-label={t('pager.previous')}
        data-testid={hidden ? undefined : `${testId}-previous`}
      >
        {vertical ? '▲' : '‹'}
      </Button>
      <span className="label" data-testid={hidden ? undefined : `${testId}-page`}>
        {t('pager.page', { page: page + 1, pages })}
      </span>
      <Button
        disabled={hidden || page === pages - 1}
        onClick={() => onPage(page + 1)}
        aria-label={t('pager.next')}
        data-testid={hidden ? undefined : `${testId}-next`}
      >
        {vertical ? '▼' : '›'}
      </Button>
    </div>
  );
}
