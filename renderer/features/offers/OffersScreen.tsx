import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Offer } from '../../../common/cloudApi/offers.schema.ts';
import type { OffersView } from '../../../common/hostApi/finance.schema.ts';
import { LimitedText } from '../../safety/LimitedText.tsx';
import { useAppStore } from '../../store/context.tsx';
import { Button } from '../../ui/Button.tsx';
import { useOffers } from './useOffers.ts';
import { useHostMutation } from '../../data/useHostMutation.ts';
import { Pager } from '../../ui/Pager.tsx';

function OfferCard({ offer, onMute }: { offer: Offer; onMute: (merchantId: string) => void }) {
  const { t } = useTranslation('offers');
  const push = useAppStore((s) => s.push);
  const subject = offer.subject;
  return (
    <section className="card offer" data-testid={`offer-${offer.id}`} data-trigger={offer.trigger}>
      <h2 className="setting__label">
        <LimitedText text={offer.title} />
      </h2>
      <p>
        <LimitedText text={offer.body} />
      </p>
      {offer.promoCode && <p className="label">{t('promo', { code: offer.promoCode })}</p>}
      {subject.kind === 'product' && subject.testDriveModelId && (
        <div className="button-row">
          <Button
            variant="primary"
            onClick={() => push({ name: 'testDrives', modelId: subject.testDriveModelId })}
            data-testid={`offer-test-drive-${offer.id}`}
          >
            {t('bookTestDrive')}
          </Button>
        </div>
      )}
      {subject.kind === 'merchant' && (
        <div className="button-row">
          {' '}
          <Button
            onClick={() => onMute(subject.merchantId)}
            data-testid={`offer-mute-${subject.merchantId}`}
          >
            {t('muteMerchant', { merchant: subject.merchantName })}
          </Button>
        </div>
      )}
    </section>
  );
}

/**
 * Offers, in Park only. The host caps how many a day and leaves out muted merchants; the
 * driver mutes one merchant or all from here, and can bring them back.
 */
export function OffersScreen() {
  const { t } = useTranslation('offers');
  const push = useAppStore((s) => s.push);
  const [state] = useOffers();
  const reload = { invalidates: ['offers.list'] } as const;
  const [mute] = useHostMutation('offers.mute', reload);
  const [unmute] = useHostMutation('offers.unmute', reload);
  const [muteAll] = useHostMutation('offers.muteAll', reload);
  const [muteFailed, setMuteFailed] = useState(false);
  const change = async (call: () => Promise<unknown>) => {
    setMuteFailed(false);
    try {
      await call();
    } catch {
      setMuteFailed(true);
    }
  };
  const view: OffersView | null = state?.status === 'ok' ? state.value : null;
  const title = <h1 className="screen__title">{t('title')}</h1>;
  const offers = view && !view.mutedAll ? view.offers : [];
  return (
    <div className="offers" data-testid="offers">
      <Pager
        title={title}
        actions={
          view && (
            <>
              <p className="label screen-header__info" data-testid="offers-kind">
                {t(view.personalised ? 'personalised' : 'general')}
              </p>
              <Button
                aria-pressed={view.mutedAll}
                onClick={() => void change(() => muteAll({ muted: !view.mutedAll }))}
                data-testid="offers-mute-all"
              >
                {t(view.mutedAll ? 'unmuteAll' : 'muteAll')}
              </Button>
              <Button onClick={() => push({ name: 'consent' })} data-testid="offers-consent">
                {t('privacy')}
              </Button>
            </>
          )
        }
        items={offers}
        // One row of cards: a third would sit below the panel's edge.
        perPage={2}
        keyOf={(o) => o.id}
        render={(o) => (
          <OfferCard
            key={o.id}
            offer={o}
            onMute={(merchantId) => void change(() => mute({ merchantId }))}
          />
        )}
        testId="offers"
      />
      {state === null && <p className="label">{t('parkedOnly')}</p>}
      {state?.status === 'loading' && state.slow && <p className="label">{t('loading')}</p>}
      {state?.status === 'error' && (
        <p className="error-line" role="alert">
          {t('failed')}
        </p>
      )}
      {view && (
        <>
          {view.mutedAll ? (
            <p className="label" data-testid="offers-muted-all">
              {t('mutedAll')}
            </p>
          ) : (
            view.offers.length === 0 && (
              <p className="label" data-testid="offers-none">
                {view.shownToday >= view.dailyCap ? t('capReached') : t('none')}
              </p>
            )
          )}
          {view.mutedMerchants.length > 0 && (
            <div className="button-row">
              {view.mutedMerchants.map(({ merchantId, name }) => (
                <Button
                  key={merchantId}
                  onClick={() => void change(() => unmute({ merchantId }))}
                  data-testid={`offer-unmute-${merchantId}`}
                >
                  {t('unmute', { merchant: name ?? t('thisMerchant') })}
                </Button>
              ))}
            </div>
          )}
          {muteFailed && (
            <p className="error-line" role="alert">
              {t('failed')}
            </p>
          )}
        </>
      )}
    </div>
  );
}
