import type { ComponentType } from 'react';
import { HomeScreen } from '../features/home/HomeScreen.tsx';
import { SettingsScreen } from '../features/settings/SettingsScreen.tsx';
import type { Availability } from '../safety/availability.ts';
import type { ScreenName } from '../store/navSlice.ts';

export interface ScreenEntry {
  component: ComponentType;
  /** i18n key in the common namespace. */
  titleKey: string;
  inNavBar: boolean;
  /** When the screen may be used; otherwise the gate's "available when parked" state shows. */
  availability: Availability;
}

/** Every screen the app has. The safety audit walks this registry, so a screen missing here is a test failure. */
export const SCREENS: Record<ScreenName, ScreenEntry> = {
  home: { component: HomeScreen, titleKey: 'screen.home', inNavBar: true, availability: 'always' },
  settings: {
    component: SettingsScreen,
    titleKey: 'screen.settings',
    inNavBar: true,
    availability: 'parked-or-passenger',
  },
};
