import { HomeScreen } from '../features/home/HomeScreen.tsx';
import { lazyScreen } from './lazyScreen.ts';

/**
 * Home's cards in a chunk of their own: they render once the start is over, so their code stays
 * off the boot path too. Loaded when home first shows them, or earlier by `preloadHomeCards`.
 */
const HOME_CARDS = lazyScreen(() => import('./homeCards.tsx').then((m) => m.HomeCards), {
  busy: false,
});

export const preloadHomeCards = HOME_CARDS.preload;

export function HomeRoute() {
  return <HomeScreen cards={HOME_CARDS.component} />;
}
