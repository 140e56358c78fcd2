import type { ComponentType } from 'react';
import { HomeScreen } from '../features/home/HomeScreen.tsx';
import { HomeServices } from '../features/services/HomeServices.tsx';

/**
 * The cards other features put on the home screen, in order. Home composes them without importing
 * any feature itself: features stay independent, and the app is where they meet.
 */
export const HOME_CARDS: readonly ComponentType[] = [HomeServices];

export function HomeRoute() {
  return <HomeScreen cards={HOME_CARDS} />;
}
