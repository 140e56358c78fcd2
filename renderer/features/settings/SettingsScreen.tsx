import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EngineeringPin } from './EngineeringPin.tsx';
import { countTap, TAPS_TO_UNLOCK } from './versionTaps.ts';
import { DISTANCE_UNITS, THEME_MODES } from '../../../common/locales.ts';
import type { SettingsPatch } from '../../../common/settings.schema.ts';
import { useAppStore } from '../../store/context.tsx';
import { Button } from '../../ui/Button.tsx';

function Choice<T extends string>(props: {
  id: string;
  label: string;
  options: readonly T[];
  value: T;
  optionLabel: (option: T) => string;
  onChoose: (option: T) => void;
}) {
  return (
    <section className="setting" aria-labelledby={`${props.id}-label`}>
      <h2 className="setting__label" id={`${props.id}-label`}>
        {props.label}
      </h2>
      <div className="segmented" role="group" aria-labelledby={`${props.id}-label`}>
        {props.options.map((option) => (
          <Button
            key={option}
            aria-pressed={option === props.value}
            onClick={() => props.onChoose(option)}
            data-testid={`${props.id}-${option}`}
          >
            {props.optionLabel(option)}
          </Button>
        ))}
      </div>
    </section>
  );
}

export function SettingsScreen() {
  const { t } = useTranslation('settings');
  const settings = useAppStore((s) => s.settings);
  const locales = useAppStore((s) => s.config.locales);
  const system = useAppStore((s) => s.system);
  const error = useAppStore((s) => s.settingsError);
  const update = useAppStore((s) => s.updateSettings);
  const push = useAppStore((s) => s.push);
  const choose = (patch: SettingsPatch) => void update(patch);
  const [taps, setTaps] = useState<number[]>([]);
  const [asking, setAsking] = useState(false);

  return (
    <div className="settings">
      <h1 className="screen__title">{t('title')}</h1>
      {/* The choices, and beside them (not below: the panel is short) privacy and the version. */}
      <div className="settings__body">
        <div>
          <Choice
            id="language"
            label={t('language')}
            options={locales}
            value={settings.language}
            optionLabel={(lng) => t(`languageName.${lng}`)}
            onChoose={(language) => choose({ language })}
          />
          <Choice
            id="distance-unit"
            label={t('distanceUnit')}
            options={DISTANCE_UNITS}
            value={settings.distanceUnit}
            optionLabel={(unit) => t(`unit.${unit}`)}
            onChoose={(distanceUnit) => choose({ distanceUnit })}
          />
          <Choice
            id="theme"
            label={t('theme')}
            options={THEME_MODES}
            value={settings.themeMode}
            optionLabel={(mode) => t(`themeMode.${mode}`)}
            onChoose={(themeMode) => choose({ themeMode })}
          />
          {error && (
            <p className="error-line" role="alert">
              {t('saveFailed')}
            </p>
          )}
        </div>
        <div className="settings__side">
          <div className="button-row">
            <Button onClick={() => push({ name: 'consent' })} data-testid="settings-consent">
              {t('privacy')}
            </Button>
          </div>
          {/* Seven taps open the engineering PIN, as Android's build number does. */}
          <p
            className="label"
            data-testid="system-info"
            onClick={() => {
              const next = countTap(taps, performance.now());
              setTaps(next.length >= TAPS_TO_UNLOCK ? [] : next);
              if (next.length >= TAPS_TO_UNLOCK) setAsking(true);
            }}
          >
            {t('about', { version: system.version, variant: system.variant })}
          </p>
        </div>
      </div>
      {asking && (
        <EngineeringPin
          onCancel={() => setAsking(false)}
          onUnlocked={(session) => {
            setAsking(false);
            push({ name: 'engineering', unlocked: true, session });
          }}
        />
      )}
    </div>
  );
}
