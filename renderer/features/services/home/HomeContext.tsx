import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  MerchantCategory,
  MerchantResult,
} from '../../../../common/cloudApi/catalog.schema.ts';
import { SIGNAL } from '../../../../common/vss/signals.ts';
import { LimitedText } from '../../../safety/LimitedText.tsx';
import { useAllowed } from '../../../safety/useAllowed.ts';
import { locationGranted } from '../../../store/consentSlice.ts';
import { useAppStore } from '../../../store/context.tsx';
import { Button } from '../../../ui/Button.tsx';
import { formatMinutes, formatPlaceDistance } from '../../../ui/format.ts';
import { useNumberSignal } from '../../../vehicle/useSignal.ts';
import { useMerchantSearch } from '../useMerchantSearch.ts';
import { CombinedStopProposal, useCombinedStop } from './CombinedStopProposal.tsx';

/** At or below this fuel level or state of charge the home screen points to a station. */
export const LOW_ENERGY_PERCENT = 15;
/** Stations named on the card. */
const STATIONS_SHOWN = 2;

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
  const unit = useAppStore((s) => s.settings.distanceUnit);
  const { search, result } = useMerchantSearch(category);
  const fuel = category === 'fuel';
  const shown = result.status === 'ok' ? stationsToShow(result.value.merchants) : null;
  const stop = useCombinedStop(category === 'fuel' ? 'fuel' : 'ev_charging');

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
      {stop ? (
        <CombinedStopProposal stop={stop} energy={fuel ? 'fuel' : 'ev_charging'} />
      ) : note !== null ? (
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
 * Where the car may be searched around, when nobody has said. Parked: share the position in one
 * tap, or pick an area in Services. Moving: one line saying why nothing nearby is shown.
 */
function LocationPrompt() {
  const { t } = useTranslation('services');
  const parked = useAllowed('parked-or-passenger');
  const setConsent = useAppStore((s) => s.setLocationConsent);
  const push = useAppStore((s) => s.push);
  const [state, setState] = useState<'idle' | 'busy' | 'failed'>('idle');
  const allow = async () => {
    setState('busy');
    try {
      await setConsent(true);
      setState('idle');
    } catch {
      setState('failed');
    }
  };
  return (
    <section
      className="card home-context"
      data-testid="home-location"
      aria-labelledby="home-location-title"
    >
      <h2 className="section-title" id="home-location-title">
        {t('home.locationTitle')}
      </h2>
      {parked ? (
        <>
          <p className="label clamp-2">{t('home.locationExplain')}</p>
          <div className="home-context__buttons">
            <Button
              variant="primary"
              disabled={state === 'busy'}
              onClick={() => void allow()}
              data-testid="home-location-allow"
            >
              {t('location.allow')}
            </Button>
            <Button onClick={() => push({ name: 'services' })} data-testid="home-location-area">
              {t('home.pickArea')}
            </Button>
          </div>
          {state === 'failed' && (
            <p className="error-line" role="alert">
              {t('error.unavailable')}
            </p>
          )}
        </>
      ) : (
        <p className="label" data-testid="home-location-moving">
          {t('home.locationOffMoving')}
        </p>
      )}
    </section>
  );
}

/**
 * The car's context on the home screen: stations ahead when fuel or charge runs low, or, while
 * nobody has said where to search, the question (parked) or why nothing nearby shows (moving).
 */
export function HomeContext() {
  const lowEnergy = useLowEnergy();
  const chosen = useAppStore((s) => {
    const choice = s.locationChoice;
    return choice?.kind === 'area' || (choice?.kind === 'car' && locationGranted(s.consent));
  });
  if (lowEnergy) return <LowEnergy category={lowEnergy} />;
  return chosen ? null : <LocationPrompt />;
}
