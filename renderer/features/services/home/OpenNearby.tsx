import { useTranslation } from 'react-i18next';
import type { MerchantCategory } from '../../../../common/cloudApi/catalog.schema.ts';
import { LimitedText } from '../../../safety/LimitedText.tsx';
import { useAllowed } from '../../../safety/useAllowed.ts';
import { useAppStore } from '../../../store/context.tsx';
import { Button } from '../../../ui/Button.tsx';
import { formatPlaceDistance } from '../../../ui/format.ts';
import { homeCardActions } from '../../../ui/theme.ts';
import { CategoryIcon, MerchantImage } from '../categories.tsx';
import { useMerchantSearch } from '../useMerchantSearch.ts';
import { openNearbyPicks } from './openNearbyPicks.ts';

function useStarterCategories(): MerchantCategory[] {
  const powertrain = useAppStore((s) => s.config.vehicle.powertrain);
  return ['coffee', 'food', powertrain === 'ELECTRIC' ? 'ev_charging' : 'fuel'];
}

/**
 * The invitation to a first order, parked or with a passenger: what is open now near the car or
 * in the chosen area, one tap from its menu. Until it is known where to look, the categories to
 * start from.
 */
export function OpenNearby() {
  const { t, i18n } = useTranslation('services');
  const allowed = useAllowed('parked-or-passenger');
  const push = useAppStore((s) => s.push);
  const unit = useAppStore((s) => s.settings.distanceUnit);
  const starters = useStarterCategories();
  const shown = useAppStore((s) => homeCardActions(s.config.panel));
  const { ready, result } = useMerchantSearch(undefined, undefined, allowed);
  if (!allowed) return null;
  const picks = result.status === 'ok' ? openNearbyPicks(result.value.merchants, shown) : [];
  return (
    <section
      className="card home-invite"
      aria-labelledby="home-invite-title"
      aria-busy={ready && result.status === 'loading'}
      data-testid="home-invite"
    >
      <h2 className="section-title" id="home-invite-title">
        {picks.length > 0 ? t('home.openNow') : t('home.startHere')}
      </h2>
      <div className="home-invite__buttons">
        {picks.length > 0
          ? picks.map((m) => (
              <Button
                key={m.id}
                className="invite-button"
                onClick={() => push({ name: 'merchant', merchantId: m.id })}
                data-testid={`home-invite-${m.id}`}
              >
                <MerchantImage merchant={m} />
                <span className="invite-button__name">
                  <LimitedText text={m.name} />
                </span>
                <span className="label invite-button__detail">
                  {formatPlaceDistance(m.distanceM, unit, i18n.language)}
                </span>
              </Button>
            ))
          : starters.slice(0, shown).map((category) => (
              <Button
                key={category}
                className="invite-button"
                onClick={() => push({ name: 'merchants', category })}
                data-testid={`home-invite-${category}`}
              >
                <CategoryIcon category={category} />
                <span className="invite-button__name">{t(`category.${category}`)}</span>
              </Button>
            ))}
      </div>
    </section>
  );
}
