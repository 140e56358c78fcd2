import type { ComponentType } from 'react';
import { HomeScreen } from '../features/home/HomeScreen.tsx';
import { SettingsScreen } from '../features/settings/SettingsScreen.tsx';
import type { ScreenName } from '../store/navSlice.ts';

export interface ScreenEntry {
  component: ComponentType;
  /** i18n key in the common namespace. */
  titleKey: string;
  inNavBar: boolean;
}

/** Every screen the app has; the later safety audit walks this registry. */
export const SCREENS: Record<ScreenName, ScreenEntry> = {
  home: { component: HomeScreen, titleKey: 'screen.home', inNavBar: true },
  settings: { component: SettingsScreen, titleKey: 'screen.settings', inNavBar: true },
};
