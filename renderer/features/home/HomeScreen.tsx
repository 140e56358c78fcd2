import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { SIGNAL } from '../../../common/vss/signals.ts';
import { useAppStore } from '../../store/context.tsx';
import {
  formatDistance,
  formatPercent,
  formatSpeedNumber,
  gearKey,
  speedUnitLabel,
} from '../../ui/format.ts';
import { useNumberSignal } from '../../vehicle/useSignal.ts';

const LOW_FUEL_PERCENT = 15;

function SpeedReadout() {
  const { t, i18n } = useTranslation('home');
  const unit = useAppStore((s) => s.settings.distanceUnit);
  const speed = useNumberSignal(SIGNAL.speed);
  return (
    <section className="card speed" aria-label={t('speed')}>
      <span className="speed__value" data-testid="speed-value">
        {speed === undefined ? t('unknown') : formatSpeedNumber(speed, unit, i18n.language)}
      </span>
      <span className="speed__unit">{speedUnitLabel(unit, i18n.language)}</span>
    </section>
  );
}

function GearFact() {
  const { t } = useTranslation('home');
  const gear = useNumberSignal(SIGNAL.selectedGear);
  const key = gear === undefined ? undefined : gearKey(gear);
  return (
    <div className="fact">
      <span className="label">{t('gear')}</span>
      <span className="gear" data-testid="gear-value">
        {key === undefined ? t('unknown') : t(`gearShort.${key}`, { gear })}
      </span>
    </div>
  );
}

function DriveStateFact() {
  const { t } = useTranslation('home');
  const state = useAppStore((s) => s.driveState);
  return (
    <div className="fact">
      <span className="label">{t('driveState')}</span>
      <span className="fact__value" data-testid="drive-state" data-state={state}>
        {t(`driveStateName.${state}`)}
      </span>
    </div>
  );
}

/**
 * Fuel level, or the battery's displayed charge on an electric car (the variant says which; a car
 * that only reports a battery is treated as electric too).
 */
function EnergyFact() {
  const { t, i18n } = useTranslation('home');
  const electricVariant = useAppStore((s) => s.config.vehicle.powertrain === 'ELECTRIC');
  const fuelLevel = useNumberSignal(SIGNAL.fuelLevel);
  const charge = useNumberSignal(SIGNAL.batteryLevel);
  const electric = electricVariant || (fuelLevel === undefined && charge !== undefined);
  const fuel = electric ? charge : fuelLevel;
  const label = electric ? t('charge') : t('fuel');
  return (
    <div>
      <div className="fact">
        <span className="label">{label}</span>
        <span className="fact__value" data-testid="fuel-value">
          {fuel === undefined ? t('unknown') : formatPercent(fuel, i18n.language)}
        </span>
      </div>
      {/* A meter needs a value: while unknown, the bar is decoration and the text says "—". */}
      <div
        className="gauge"
        {...(fuel === undefined
          ? { 'aria-hidden': true }
          : {
              role: 'meter',
              'aria-label': label,
              'aria-valuemin': 0,
              'aria-valuemax': 100,
              'aria-valuenow': fuel,
            })}
      >
        <div
          className="gauge__fill"
          data-low={fuel !== undefined && fuel <= LOW_FUEL_PERCENT}
          style={{ transform: `scaleX(${(fuel ?? 0) / 100})` }}
        />
      </div>
    </div>
  );
}

function RangeFact() {
  const { t, i18n } = useTranslation('home');
  const unit = useAppStore((s) => s.settings.distanceUnit);
  const range = useNumberSignal(SIGNAL.range);
  return (
    <div className="fact">
      <span className="label">{t('range')}</span>
      <span className="fact__value" data-testid="range-value">
        {range === undefined ? t('unknown') : formatDistance(range, unit, i18n.language)}
      </span>
    </div>
  );
}

/**
 * Glanceable vehicle summary, then the cards other features contribute (given by the app, so home
 * imports no feature). Each readout subscribes to its own signal so a speed update repaints only
 * the speed.
 */
export function HomeScreen({ cards }: { cards: readonly ComponentType[] }) {
  const { t } = useTranslation('common');
  return (
    <div className="home">
      <h1 className="visually-hidden">{t('screen.home')}</h1>
      <SpeedReadout />
      <section className="card facts">
        <GearFact />
        <DriveStateFact />
        <EnergyFact />
        <RangeFact />
      </section>
      {cards.map((Card, i) => (
        <Card key={i} />
      ))}
    </div>
  );
}
