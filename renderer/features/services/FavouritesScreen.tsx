import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Favourite } from '../../../common/cloudApi/favourites.schema.ts';
import { LimitedText } from '../../safety/LimitedText.tsx';
import { RestrictedList } from '../../safety/RestrictedList.tsx';
import { useAppStore } from '../../store/context.tsx';
import { Button } from '../../ui/Button.tsx';
import { formatMoney } from '../../ui/format.ts';
import { ErrorNote, LoadingNote, StaleNote } from './Notes.tsx';
import { ReorderSheet } from './ReorderSheet.tsx';
import { useSlow } from '../../data/useSlow.ts';

function FavouriteRow({
  favourite,
  first,
  onOrder,
  onFailed,
}: {
  favourite: Favourite;
  first: boolean;
  onOrder: (f: Favourite) => void;
  onFailed: () => void;
}) {
  const { t, i18n } = useTranslation('services');
  const remove = useAppStore((s) => s.removeFavourite);
  const moveUp = useAppStore((s) => s.moveFavouriteUp);
  const act = (action: () => Promise<void>) => () => void action().catch(onFailed);
  return (
    <div className="item-row" data-testid={`favourite-row-${favourite.id}`}>
      <span className="item-row__text">
        <span className="row-button__title">
          <LimitedText text={favourite.label} />
        </span>
        <span className="row-button__detail">
          <LimitedText text={favourite.merchantName} />
          {' · '}
          {favourite.orderable && favourite.totalMinor !== null
            ? formatMoney(favourite.totalMinor, favourite.currency, i18n.language)
            : t('favouritesScreen.unavailable')}
        </span>
      </span>
      <Button
        variant="primary"
        disabled={!favourite.orderable}
        onClick={() => onOrder(favourite)}
        data-testid={`favourite-order-${favourite.id}`}
      >
        {t('favouritesScreen.order')}
      </Button>
      {!first && (
        <Button
          onClick={act(() => moveUp(favourite.id))}
          data-testid={`favourite-up-${favourite.id}`}
        >
          {t('favouritesScreen.moveUp')}
        </Button>
      )}
      <Button
        onClick={act(() => remove(favourite.id))}
        data-testid={`favourite-remove-${favourite.id}`}
      >
        {t('favouritesScreen.remove')}
      </Button>
    </div>
  );
}

/**
 * Saved orders: order one again, arrange which come first (the first ones are on the home screen,
 * where the driver can reorder them while moving), or remove one.
 */
export function FavouritesScreen() {
  const { t } = useTranslation('services');
  const favourites = useAppStore((s) => s.favourites);
  const refresh = useAppStore((s) => s.refreshFavourites);
  const push = useAppStore((s) => s.push);
  const [ordering, setOrdering] = useState<Favourite | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  const list = favourites.value?.favourites ?? [];
  const waiting = !favourites.value && !favourites.error;
  const slow = useSlow(waiting);

  return (
    <div className="favourites" aria-busy={waiting}>
      <div className="screen-header">
        <h1 className="screen__title">{t('favouritesScreen.title')}</h1>
        {favourites.value && <StaleNote stale={favourites.value.stale} />}
      </div>
      {failed && (
        <p className="error-line" role="alert">
          {t('favouritesScreen.failed')}
        </p>
      )}
      {waiting ? (
        <LoadingNote slow={slow} />
      ) : !favourites.value && favourites.error ? (
        <ErrorNote code={favourites.error} onRetry={() => void refresh()} />
      ) : list.length === 0 ? (
        <p className="label" data-testid="favourites-none">
          {t('favouritesScreen.none')}
        </p>
      ) : (
        <RestrictedList
          items={list}
          keyOf={(f) => f.id}
          label={t('favouritesScreen.title')}
          renderItem={(f) => (
            <FavouriteRow
              favourite={f}
              first={f.id === list[0]?.id}
              onOrder={setOrdering}
              onFailed={() => setFailed(true)}
            />
          )}
        />
      )}
      {ordering && (
        <ReorderSheet
          favourite={ordering}
          onClose={() => setOrdering(null)}
          onPlaced={(order) => push({ name: 'order', clientOrderId: order.clientOrderId })}
        />
      )}
    </div>
  );
}
