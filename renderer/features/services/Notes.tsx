import { useTranslation } from 'react-i18next';
import type { HostErrorCode } from '../../../common/hostApi/errors.ts';
import { Button } from '../../ui/Button.tsx';

/** C7: shown only once a load has taken over a second; plain text, nothing that moves. */
export function LoadingNote({ slow }: { slow: boolean }) {
  const { t } = useTranslation('services');
  return (
    <p className="label" role="status" data-testid="loading">
      {slow ? t('loading') : ''}
    </p>
  );
}

/** A cached answer: what the car last heard from the cloud, said plainly. */
export function StaleNote({ stale }: { stale: boolean }) {
  const { t } = useTranslation('services');
  if (!stale) return null;
  return (
    <p className="label stale-note" data-testid="stale-note">
      {t('stale')}
    </p>
  );
}

/** What went wrong, in words, with the one thing to do about it. */
export function ErrorNote({ code, onRetry }: { code: HostErrorCode; onRetry?: () => void }) {
  const { t } = useTranslation('services');
  const key = code === 'unavailable' || code === 'timeout' ? 'unavailable' : code;
  const text =
    key === 'unavailable' || key === 'not_found' ? t(`error.${key}`) : t('error.generic');
  return (
    <div className="error-note" role="alert" data-testid="error-note" data-code={code}>
      <p className="error-line">{text}</p>
      {onRetry && (
        <Button onClick={onRetry} data-testid="retry">
          {t('retry')}
        </Button>
      )}
    </div>
  );
}
