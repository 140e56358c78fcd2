import type { ComponentType } from 'react';
import type { PublicVariantConfig } from '../../common/hostApi/contract.schema.ts';
import { LeaseGlance } from '../features/lease/LeaseGlance.tsx';
import { HomeOffer } from '../features/offers/HomeOffer.tsx';
import { HomeContext } from '../features/services/home/HomeContext.tsx';
import { HomeFavourites } from '../features/services/home/HomeFavourites.tsx';
import { HomeOrder } from '../features/services/home/HomeOrder.tsx';
import { useAppStore } from '../store/context.tsx';
import { NextAppointment } from './NextAppointment.tsx';

interface HomeCard {
  card: ComponentType;
  /**
   * The variant feature the card belongs to; off, the card is left out. None: the card draws on
   * several features and asks each itself (the next appointment).
   */
  feature: keyof PublicVariantConfig['features'] | null;
}

/**
 * The cards other features put on the home screen, by column, in reading order: what is under
 * way and the car's context, then the one ordering action, the contract and appointments, and an
 * offer last. Home composes them without importing any feature itself: features stay
 * independent, and the app is where they meet. Each card decides for itself whether it shows.
 */
export const HOME_COLUMNS: readonly (readonly HomeCard[])[] = [
  [
    { card: HomeOrder, feature: 'services' },
    { card: HomeContext, feature: 'services' },
  ],
  [{ card: HomeFavourites, feature: 'services' }],
  [
    { card: LeaseGlance, feature: 'lease' },
    { card: NextAppointment, feature: null },
  ],
  [{ card: HomeOffer, feature: 'offers' }],
];

/** The columns of cards the variant's features allow; rendered by home once the start is over. */
export function HomeCards() {
  const features = useAppStore((s) => s.config.features);
  return HOME_COLUMNS.map((cards, i) => (
    <div className="home__column" key={i}>
      {cards
        .filter((c) => c.feature === null || features[c.feature])
        .map(({ card: Card }, j) => (
          <Card key={j} />
        ))}
    </div>
  ));
}
