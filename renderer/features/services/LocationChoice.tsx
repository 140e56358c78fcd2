import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AreaId } from '../../../common/areas.ts';
import { locationGranted } from '../../store/consentSlice.ts';
import { useAppStore } from '../../store/context.tsx';
import { Button } from '../../ui/Button.tsx';
import { ErrorNote } from './Notes.tsx';
import { useHostQuery } from '../../data/useHostQuery.ts';

/**
 * Where to search, asked plainly: share the car's position (the location consent, which the host
 * enforces and records) or pick an area by hand (only the area's centre leaves the car).
 * Withdrawing is one tap, as easy as giving.
 */
export function LocationChoice({
  required = false,
  onChosen,
}: {
  /** The host refused a search around the car for want of the consent. */
  required?: boolean;
  onChosen?: () => void;
}) {
  const { t } = useTranslation('services');
  const granted = useAppStore((s) => locationGranted(s.consent));
  const choice = useAppStore((s) => s.locationChoice);
  const setConsent = useAppStore((s) => s.setLocationConsent);
  const pickArea = useAppStore((s) => s.pickArea);
  const [areas] = useHostQuery('catalog.areas', undefined);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  const consent = async (value: boolean) => {
    setBusy(true);
    setFailed(false);
    try {
      await setConsent(value);
      if (value) onChosen?.();
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  const area = (id: AreaId) => {
    pickArea(id);
    onChosen?.();
  };

  return (
    <section
      className="card location-choice"
      data-testid="location-choice"
      aria-labelledby="location-title"
      aria-busy={areas.status === 'loading'}
    >
      <div className="location-choice__text">
        <h2 className="section-title" id="location-title">
          {t('location.title')}
        </h2>
        <p className="label">{required ? t('location.required') : t('location.explain')}</p>
      </div>
      {/* One row where it fits: share the position, or pick an area. */}
      <div className="location-choice__options">
        <div className="button-row">
          {granted ? (
            <>
              <Button
                aria-pressed={choice?.kind === 'car'}
                onClick={() => {
                  void consent(true);
                }}
                disabled={busy}
                data-testid="location-use-car"
              >
                {t('source.car')}
              </Button>
              <Button
                onClick={() => void consent(false)}
                disabled={busy}
                data-testid="location-withdraw"
              >
                {t('location.withdraw')}
              </Button>
            </>
          ) : (
            <Button
              variant="primary"
              onClick={() => void consent(true)}
              disabled={busy}
              data-testid="location-allow"
            >
              {t('location.allow')}
            </Button>
          )}
        </div>
        <div className="button-row" role="group" aria-label={t('location.pickArea')}>
          {areas.status === 'ok' &&
            areas.value.areas.map((a) => (
              <Button
                key={a.id}
                aria-pressed={choice?.kind === 'area' && choice.area === a.id}
                onClick={() => area(a.id)}
                data-testid={`area-${a.id}`}
              >
                {t(a.nameKey)}
              </Button>
            ))}
        </div>
      </div>
      {failed && <ErrorNote code="internal" />}
    </section>
  );
}
