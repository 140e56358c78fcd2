import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MerchantCategory, MerchantResult } from '../../../common/cloudApi/catalog.schema.ts';
import type { Favourite } from '../../../common/cloudApi/favourites.schema.ts';
import type { LocalOrder } from '../../../common/hostApi/commerce.schema.ts';
import { SIGNAL } from '../../../common/vss/signals.ts';
import { LimitedText } from '../../safety/LimitedText.tsx';
import { useAppStore, useAppStoreApi } from '../../store/context.tsx';
import { Button } from '../../ui/Button.tsx';
import { formatMinutes, formatPlaceDistance } from '../../ui/format.ts';
import { useClock } from '../../ui/useClock.ts';
import { useNumberSignal } from '../../vehicle/useSignal.ts';
import { OrderProgress } from './OrderProgress.tsx';
import { orderForHome } from './orderView.ts';
import { ReorderSheet } from './ReorderSheet.tsx';
import { searchFor } from './searchSource.ts';
import { useHostQuery } from '../../data/useHostQuery.ts';

/** Favourites on the home screen: few and big, each two taps from an order (it and its confirmation). */
export const HOME_FAVOURITES = 3;
/** At or below this fuel level or state of charge the home screen points to a station. */
export const LOW_ENERGY_PERCENT = 15;
/** Stations named on the card. */
const STATIONS_SHOWN = 2;

function FavouritesStrip({ favourites }: { favourites: readonly Favourite[] }) {
  const { t } = useTranslation('services');
  const [ordering, setOrdering] = useState<Favourite | null>(null);
  return (
    <section className="home-favourites" aria-labelledby="home-favourites-title">
      <h2 className="label section-label" id="home-favourites-title">
        {t('home.favourites')}
      </h2>
      <div className="home-favourites__buttons">
        {favourites.slice(0, HOME_FAVOURITES).map((f) => (
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

function ActiveOrder({ order }: { order: LocalOrder }) {
  const { t } = useTranslation('services');
  const push = useAppStore((s) => s.push);
  return (
    <section
      className="card home-order"
      data-testid="home-order"
      aria-label={t('home.activeOrder')}
    >
      <Button
        className="row-button"
        onClick={() => push({ name: 'order', clientOrderId: order.clientOrderId })}
        data-testid="home-order-open"
      >
        <span className="row-button__title">
          <LimitedText
            text={order.summary.merchantName ?? order.order?.merchantName ?? t('home.activeOrder')}
          />
        </span>
      </Button>
      <OrderProgress order={order} compact />
    </section>
  );
}

/** Ahead of the car first (when its heading is known), nearest first within that. */
export function stationsToShow(merchants: readonly MerchantResult[]): {
  merchants: MerchantResult[];
  ahead: boolean;
} {
  const byDistance = [...merchants].sort((a, b) => a.distanceM - b.distanceM);
  const ahead = byDistance.filter((m) => m.ahead === true);
  return ahead.length > 0
    ? { merchants: ahead.slice(0, STATIONS_SHOWN), ahead: true }
    : { merchants: byDistance.slice(0, STATIONS_SHOWN), ahead: false };
}

function LowEnergy({ category }: { category: MerchantCategory }) {
  const { t, i18n } = useTranslation('services');
  const store = useAppStoreApi();
  const unit = useAppStore((s) => s.settings.distanceUnit);
  const search = useAppStore((s) => {
    const found = searchFor(s, category);
    return found.kind === 'ready' ? found.key : found.kind;
  });
  const ready = search !== 'choose' && search !== 'no-position';
  const [result] = useHostQuery(
    'catalog.merchants',
    ready
      ? () => {
          const found = searchFor(store.getState(), category);
          // Ready when the key was made; a changed search has a new key and asks again.
          if (found.kind !== 'ready') throw new Error('no search');
          return found.input;
        }
      : null,
    { key: search },
  );
  const fuel = category === 'fuel';
  const shown = result.status === 'ok' ? stationsToShow(result.value.merchants) : null;

  let note: string | null = null;
  if (search === 'choose') note = t('home.chooseLocation');
  else if (search === 'no-position') note = t('location.waitingForPosition');
  else if (result.status === 'loading') note = result.slow ? t('loading') : '';
  else if (result.status === 'error') {
    note = result.code === 'forbidden' ? t('home.chooseLocation') : t('error.unavailable');
  } else if (shown?.merchants.length === 0) note = t('home.noneFound');

  return (
    <section className="card low-energy" data-testid="low-energy" data-category={category}>
      <h2 className="section-title low-energy__head">
        <span className="low-energy__title">{t(fuel ? 'home.lowFuel' : 'home.lowCharge')}</span>
        {shown && shown.merchants.length > 0 && (
          <span className="low-energy__heading" data-testid="low-energy-heading">
            {shown.ahead
              ? t(fuel ? 'home.stationsAhead' : 'home.chargersAhead')
              : t(fuel ? 'home.stationsNearby' : 'home.chargersNearby')}
          </span>
        )}
      </h2>
      {note !== null ? (
        <p className="label">{note}</p>
      ) : (
        shown && (
          <ul className="plain-list stations" data-testid="low-energy-stations">
            {shown.merchants.map((m) => (
              <li key={m.id} data-testid={`station-${m.id}`} data-ahead={m.ahead === true}>
                <span className="stations__name">
                  <LimitedText text={m.name} />
                </span>
                <span className="stations__distance">
                  {t('merchants.distanceEta', {
                    distance: formatPlaceDistance(m.distanceM, unit, i18n.language),
                    eta: formatMinutes(m.etaMinutes, i18n.language),
                  })}
                </span>
              </li>
            ))}
          </ul>
        )
      )}
      {result.status === 'ok' && result.value.stale && <p className="label">{t('stale')}</p>}
    </section>
  );
}

/** Which kind of station the car needs now, if any: fuel or charge at or below the threshold. */
function useLowEnergy(): MerchantCategory | null {
  const powertrain = useAppStore((s) => s.config.vehicle.powertrain);
  const fuel = useNumberSignal(SIGNAL.fuelLevel);
  const charge = useNumberSignal(SIGNAL.batteryLevel);
  if (powertrain !== 'ELECTRIC' && fuel !== undefined && fuel <= LOW_ENERGY_PERCENT) return 'fuel';
  if (powertrain !== 'COMBUSTION' && charge !== undefined && charge <= LOW_ENERGY_PERCENT) {
    return 'ev_charging';
  }
  return null;
}

/**
 * The services part of the home screen, all of it usable while driving: favourites for a
 * two-tap reorder, the current order's progress, and stations ahead when fuel or charge runs low.
 */
export function HomeServices() {
  const enabled = useAppStore((s) => s.config.features.services);
  const favourites = useAppStore((s) => s.favourites.value?.favourites ?? null);
  const refreshFavourites = useAppStore((s) => s.refreshFavourites);
  const refreshPayments = useAppStore((s) => s.refreshPaymentMethods);
  const orders = useAppStore((s) => s.orders);
  const now = useClock();
  const order = orderForHome(orders, now.getTime());
  const lowEnergy = useLowEnergy();
  useEffect(() => {
    if (!enabled) return;
    void refreshFavourites();
    void refreshPayments();
  }, [enabled, refreshFavourites, refreshPayments]);
  if (!enabled) return null;
  const shown = (favourites?.length ?? 0) > 0 || order !== null || lowEnergy !== null;
  if (!shown) return null;
  return (
    <div className="home__services">
      {(lowEnergy || order) && (
        <div className="home-status">
          {lowEnergy && <LowEnergy category={lowEnergy} />}
          {order && <ActiveOrder order={order} />}
        </div>
      )}
      {favourites && favourites.length > 0 && <FavouritesStrip favourites={favourites} />}
    </div>
  );
}
