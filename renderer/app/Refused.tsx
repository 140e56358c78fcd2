import { useTranslation } from 'react-i18next';

/**
 * Shown instead of the app when the browser-mode host refused this page: it was opened without
 * this start's secret (a bookmark, or a kiosk not restarted with the host). Nothing else works
 * until the kiosk opens it again through its launch page.
 */
export function Refused() {
  const { t } = useTranslation('common');
  return (
    <main className="screen refused" data-testid="host-refused">
      <h1 className="screen__title">{t('refused.title')}</h1>
      <p>{t('refused.text')}</p>
    </main>
  );
}
