import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Pager } from '../../ui/Pager.tsx';
import { CONSENT_PURPOSES, type ConsentPurpose } from '../../../common/consent.ts';
import { useAppStore } from '../../store/context.tsx';
import { Button } from '../../ui/Button.tsx';
import { formatDateTime } from '../../ui/format.ts';

function ConsentRow({ purpose }: { purpose: ConsentPurpose }) {
  const { t, i18n } = useTranslation('consent');
  const entry = useAppStore((s) => s.consent?.consents.find((c) => c.purpose === purpose));
  const setConsent = useAppStore((s) => s.setConsent);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const granted = entry?.granted ?? false;
  // One tap gives and one tap withdraws: the same button, the same place (as easy either way).
  const toggle = async () => {
    setBusy(true);
    setFailed(false);
    try {
      await setConsent(purpose, !granted);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  const headingId = `consent-${purpose}-label`;
  return (
    <section
      className="card consent-row"
      aria-labelledby={headingId}
      data-testid={`consent-${purpose}`}
    >
      <div className="consent-row__text">
        <h2 className="setting__label" id={headingId}>
          {t(`purpose.${purpose}.name`)}
        </h2>
        <p className="consent-row__notice">{t(`purpose.${purpose}.notice`)}</p>
        <p className="label" data-testid={`consent-${purpose}-updated`}>
          {entry?.updatedAt
            ? t(granted ? 'givenAt' : 'withdrawnAt', {
                at: formatDateTime(entry.updatedAt, i18n.language),
              })
            : t('neverAnswered')}
        </p>
        {failed && (
          <p className="error-line" role="alert">
            {t('saveFailed')}
          </p>
        )}
      </div>
      <div className="button-row">
        <Button
          variant={granted ? 'primary' : 'secondary'}
          aria-pressed={granted}
          // The purpose, then the visible On/Off: the spoken name contains what is shown.
          id={`consent-${purpose}-state`}
          aria-labelledby={`${headingId} consent-${purpose}-state`}
          disabled={busy}
          onClick={() => void toggle()}
          data-testid={`consent-${purpose}-toggle`}
        >
          {t(granted ? 'on' : 'off')}
        </Button>
      </div>
    </section>
  );
}

/**
 * The consent centre: one switch per purpose, each off until the driver turns it on, with a
 * short notice of what leaves the car. The host enforces the answers; this only shows and sets
 * them.
 */
export function ConsentScreen() {
  const { t } = useTranslation('consent');
  const loadConsent = useAppStore((s) => s.loadConsent);
  // The host is the record: read it on entry (another window may have changed it).
  useEffect(() => {
    loadConsent().catch(() => {});
  }, [loadConsent]);
  return (
    <div className="consent">
      <Pager
        title={<h1 className="screen__title">{t('title')}</h1>}
        actions={<p className="label screen-header__info clamp-2">{t('intro')}</p>}
        items={CONSENT_PURPOSES}
        // One row of two cards at most: all four with the notices would not fit the panel's height.
        perPage={2}
        keyOf={(purpose) => purpose}
        render={(purpose) => <ConsentRow key={purpose} purpose={purpose} />}
        testId="consent"
      />
    </div>
  );
}
