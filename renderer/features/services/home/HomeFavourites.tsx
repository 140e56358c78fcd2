import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Favourite } from '../../../../common/cloudApi/favourites.schema.ts';
import { LimitedText } from '../../../safety/LimitedText.tsx';
import { useAppStore } from '../../../store/context.tsx';
import { Button } from '../../../ui/Button.tsx';
import { homeCardActions } from '../../../ui/theme.ts';
import { ReorderSheet } from '../ReorderSheet.tsx';
import { OpenNearby } from './OpenNearby.tsx';

function FavouritesStrip({ favourites }: { favourites: readonly Favourite[] }) {
  const { t } = useTranslation('services');
  const [ordering, setOrdering] = useState<Favourite | null>(null);
  // Few and big, each two taps from an order (it and its confirmation); as many as the panel fits.
  const shown = useAppStore((s) => homeCardActions(s.config.panel));
  return (
    <section className="card home-favourites" aria-labelledby="home-favourites-title">
      <h2 className="section-title" id="home-favourites-title">
        {t('home.favourites')}
      </h2>
      <div className="home-favourites__buttons">
        {favourites.slice(0, shown).map((f) => (
          <Button
            key={f.id}
            variant="primary"
            className="favourite-button"
            disabled={!f.orderable}
            onClick={() => setOrdering(f)}
            data-testid={`home-favourite-${f.id}`}
          >
            <span className="favourite-button__label">
              <LimitedText text={f.label} />
            </span>
            <span className="favourite-button__merchant">
              <LimitedText text={f.merchantName} />
            </span>
          </Button>
        ))}
      </div>
      {ordering && <ReorderSheet favourite={ordering} onClose={() => setOrdering(null)} />}
    </section>
  );
}

/**
 * Favourites for a two-tap reorder, the driver's one ordering action while moving; for a car
 * without favourites, an invitation to what is open nearby (parked or with a passenger).
 */
export function HomeFavourites() {
  const favourites = useAppStore((s) => s.favourites.value?.favourites ?? null);
  const refreshFavourites = useAppStore((s) => s.refreshFavourites);
  const refreshPayments = useAppStore((s) => s.refreshPaymentMethods);
  useEffect(() => {
    void refreshFavourites();
    void refreshPayments();
  }, [refreshFavourites, refreshPayments]);
  if (favourites && favourites.length > 0) return <FavouritesStrip favourites={favourites} />;
  return <OpenNearby />;
}
