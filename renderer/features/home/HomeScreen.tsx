import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { useAfterStart } from '../../ui/startPhase.ts';
import { VehicleLine } from './VehicleLine.tsx';

/**
 * The car's lifestyle dashboard: a compact vehicle line, then columns of cards that other features
 * contribute (given by the app as one component, so home imports no feature). A card with nothing
 * to show renders nothing, and a column left empty takes no room. The cards follow the start: the
 * vehicle line with the car's first live values comes first, and while the cards' code loads,
 * their place stays empty.
 */
export function HomeScreen({ cards: Cards }: { cards: ComponentType }) {
  const { t } = useTranslation('common');
  const cardsReady = useAfterStart();
  return (
    <div className="home">
      <h1 className="visually-hidden">{t('screen.home')}</h1>
      <VehicleLine />
      <div className="home__cards">{cardsReady && <Cards />}</div>
    </div>
  );
}
