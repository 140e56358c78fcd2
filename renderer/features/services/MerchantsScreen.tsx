import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MerchantResult } from '../../../common/cloudApi/catalog.schema.ts';
import { LimitedText } from '../../safety/LimitedText.tsx';
import { RestrictedList } from '../../safety/RestrictedList.tsx';
import { useAppStore } from '../../store/context.tsx';
import { useScreenParams } from '../../store/useScreen.ts';
import { Button } from '../../ui/Button.tsx';
import { formatMinutes, formatPlaceDistance } from '../../ui/format.ts';
import { MerchantImage } from './categories.tsx';
import { LocationChoice } from './LocationChoice.tsx';
import { ErrorNote, LoadingNote, StaleNote } from './Notes.tsx';
import { useMerchantSearch } from './useMerchantSearch.ts';

type Sort = 'nearest' | 'ahead';

/** Ahead first (within ±45° of the heading), each group nearest first; or simply nearest first. */
export function sortMerchants(merchants: readonly MerchantResult[], sort: Sort): MerchantResult[] {
  const byDistance = [...merchants].sort((a, b) => a.distanceM - b.distanceM);
  if (sort === 'nearest') return byDistance;
  return [...byDistance.filter((m) => m.ahead), ...byDistance.filter((m) => !m.ahead)];
}

/** "Open until 18:00", "Opens 07:00": the next change is in the merchant's local time. */
export function OpenState({
  merchant,
}: {
  merchant: Pick<MerchantResult, 'openNow' | 'nextChange'>;
}) {
  const { t } = useTranslation('services');
  const time = merchant.nextChange?.time;
  if (merchant.openNow) {
    return <>{time ? t('merchants.openUntil', { time }) : t('merchants.open')}</>;
  }
  return <>{time ? t('merchants.opensAt', { time }) : t('merchants.closed')}</>;
}

function MerchantRow({ merchant }: { merchant: MerchantResult }) {
  const { t, i18n } = useTranslation('services');
  const unit = useAppStore((s) => s.settings.distanceUnit);
  const push = useAppStore((s) => s.push);
  return (
    <Button
      className="row-button"
      onClick={() => push({ name: 'merchant', merchantId: merchant.id })}
      data-testid={`merchant-${merchant.id}`}
      data-open={merchant.openNow}
    >
      <MerchantImage merchant={merchant} />
      <span className="row-button__text">
        <span className="row-button__title">
          <LimitedText text={merchant.name} />
        </span>
        <span className="row-button__detail">
          {t('merchants.distanceEta', {
            distance: formatPlaceDistance(merchant.distanceM, unit, i18n.language),
            eta: formatMinutes(merchant.etaMinutes, i18n.language),
          })}
          {' · '}
          <span className={merchant.openNow ? undefined : 'closed'}>
            <OpenState merchant={merchant} />
          </span>
        </span>
      </span>
      {merchant.ahead && <span className="badge">{t('merchants.aheadBadge')}</span>}
    </Button>
  );
}

/**
 * Merchants of a category, nearest first or ahead of the car first, each with its distance and
 * the minutes to get there. The second screen of the purchase flow.
 */
export function MerchantsScreen() {
  const { t } = useTranslation('services');
  const { category, area } = useScreenParams('merchants');
  const [sort, setSort] = useState<Sort>('nearest');
  const { search, ready, result, retry } = useMerchantSearch(category, area);

  const title = category ? t(`category.${category}`) : t('allPlaces');
  const merchants = result.status === 'ok' ? result.value.merchants : [];
  const canSortAhead = merchants.some((m) => m.ahead !== null);
  const needsConsent = result.status === 'error' && result.code === 'forbidden';

  return (
    <div className="merchants" aria-busy={ready && result.status === 'loading'}>
      <div className="screen-header">
        <h1 className="screen__title">{title}</h1>
        {result.status === 'ok' && <StaleNote stale={result.value.stale} />}
        {canSortAhead && (
          <div className="segmented" role="group" aria-label={t('merchants.sort')}>
            {(['nearest', 'ahead'] as const).map((s) => (
              <Button
                key={s}
                aria-pressed={sort === s}
                onClick={() => setSort(s)}
                data-testid={`sort-${s}`}
              >
                {t(`merchants.${s}`)}
              </Button>
            ))}
          </div>
        )}
      </div>
      {search === 'choose' || needsConsent ? (
        <LocationChoice required={needsConsent} onChosen={retry} />
      ) : search === 'no-position' ? (
        <>
          <p className="label">{t('location.waitingForPosition')}</p>
          <LocationChoice />
        </>
      ) : result.status === 'loading' ? (
        <LoadingNote slow={result.slow} />
      ) : result.status === 'error' ? (
        <ErrorNote code={result.code} onRetry={retry} />
      ) : merchants.length === 0 ? (
        <p className="label" data-testid="merchants-none">
          {t('merchants.none')}
        </p>
      ) : (
        <RestrictedList
          items={sortMerchants(merchants, sort)}
          keyOf={(m) => m.id}
          label={title}
          testId="merchants"
          renderItem={(m) => <MerchantRow merchant={m} />}
        />
      )}
    </div>
  );
}
