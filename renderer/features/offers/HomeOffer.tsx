import { useTranslation } from 'react-i18next';
import type { Offer } from '../../../common/cloudApi/offers.schema.ts';
import { LimitedText } from '../../safety/LimitedText.tsx';
import { useAppStore } from '../../store/context.tsx';
import { Button } from '../../ui/Button.tsx';
import { useOffers } from './useOffers.ts';

function OfferAction({ offer }: { offer: Offer }) {
  const { t } = useTranslation('offers');
  const push = useAppStore((s) => s.push);
  const subject = offer.subject;
  if (subject.kind === 'product' && subject.testDriveModelId) {
    return (
      <Button
        variant="primary"
        onClick={() => push({ name: 'testDrives', modelId: subject.testDriveModelId })}
        data-testid="home-offer-action"
      >
        {t('bookTestDrive')}
      </Button>
    );
  }
  if (subject.kind === 'merchant') {
    return (
      <Button
        variant="primary"
        onClick={() => push({ name: 'merchant', merchantId: subject.merchantId })}
        data-testid="home-offer-action"
      >
        {t('openMerchant')}
      </Button>
    );
  }
  return null;
}

/**
 * One offer on the home screen, only in Park (A6) and within the host's daily cap and mutes:
 * only this one counts as shown. The offers screen (in the nav bar) has the rest and the mutes.
 */
export function HomeOffer() {
  const [state] = useOffers(1);
  const offer = state?.status === 'ok' ? state.value.offers[0] : undefined;
  if (!offer) return null;
  return (
    <section
      className="card home-offer"
      data-testid="home-offer"
      data-offer={offer.id}
      aria-labelledby="home-offer-title"
    >
      <h2 className="section-title clamp-2" id="home-offer-title">
        <LimitedText text={offer.title} />
      </h2>
      <p className="home-offer__body clamp-2">
        <LimitedText text={offer.body} />
      </p>
      <div className="home-offer__buttons">
        <OfferAction offer={offer} />
      </div>
    </section>
  );
}
