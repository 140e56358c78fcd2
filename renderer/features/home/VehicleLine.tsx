import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { SIGNAL } from '../../../common/vss/signals.ts';
import { useAppStore } from '../../store/context.tsx';
import { formatDistance, formatPercent, formatSpeedNumber, gearKey } from '../../ui/format.ts';
import { useQuantityPattern } from '../../ui/useQuantityPattern.ts';
import { useNumberSignal } from '../../vehicle/useSignal.ts';
import { useSignalText } from '../../vehicle/useSignalText.ts';

const LOW_FUEL_PERCENT = 15;

function SpeedReadout() {
  const { t, i18n } = useTranslation('home');
  const unit = useAppStore((s) => s.settings.distanceUnit);
  const language = i18n.language;
  const format = useCallback(
    (speed: number | undefined) =>
      speed === undefined ? t('unknown') : formatSpeedNumber(speed, unit, language),
    [t, unit, language],
  );
  // Changes at signal rate: written into the element, not rendered (useSignalText).
  const speedRef = useSignalText(SIGNAL.speed, format);
  return (
    <div className="vehicle-line__speed" aria-label={t('speed')} role="group">
      <span className="vehicle-line__speed-value" data-testid="speed-value" ref={speedRef} />
      <span className="label" data-testid="speed-unit">
        {t(`speedUnit.${unit}`)}
      </span>
    </div>
  );
}

function Fact({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="vehicle-line__fact">
      <span className="label">{label}</span>
      <span className="fact__value" data-testid={testId}>
        {value}
      </span>
    </div>
  );
}

function GearFact() {
  const { t } = useTranslation('home');
  const gear = useNumberSignal(SIGNAL.selectedGear);
  const key = gear === undefined ? undefined : gearKey(gear);
  return (
    <Fact
      label={t('gear')}
      value={key === undefined ? t('unknown') : t(`gearShort.${key}`, { gear })}
      testId="gear-value"
    />
  );
}

function DriveStateFact() {
  const { t } = useTranslation('home');
  const state = useAppStore((s) => s.driveState);
  return (
    <div className="vehicle-line__fact">
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
  const pattern = useQuantityPattern();
  const electricVariant = useAppStore((s) => s.config.vehicle.powertrain === 'ELECTRIC');
  const fuelLevel = useNumberSignal(SIGNAL.fuelLevel);
  const charge = useNumberSignal(SIGNAL.batteryLevel);
  const electric = electricVariant || (fuelLevel === undefined && charge !== undefined);
  const fuel = electric ? charge : fuelLevel;
  const label = electric ? t('charge') : t('fuel');
  return (
    <div className="vehicle-line__fact vehicle-line__energy">
      <span className="label">{label}</span>
      <span className="fact__value" data-testid="fuel-value">
        {fuel === undefined ? t('unknown') : formatPercent(fuel, i18n.language, pattern)}
      </span>
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
  const pattern = useQuantityPattern();
  const unit = useAppStore((s) => s.settings.distanceUnit);
  const range = useNumberSignal(SIGNAL.range);
  return (
    <Fact
      label={t('range')}
      value={
        range === undefined ? t('unknown') : formatDistance(range, unit, i18n.language, pattern)
      }
      testId="range-value"
    />
  );
}

/**
 * The car in one compact line: the cluster already shows speed and gear large, so here they are
 * context for the cards, not the point of the screen. Each readout subscribes to its own signal,
 * so a speed update repaints only the speed.
 */
export function VehicleLine() {
  const { t } = useTranslation('home');
  return (
    <section className="card vehicle-line" aria-label={t('vehicle')} data-testid="vehicle-line">
      <SpeedReadout />
      <GearFact />
      <DriveStateFact />
      <EnergyFact />
      <RangeFact />
    </section>
  );
}
