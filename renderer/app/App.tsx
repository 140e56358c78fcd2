import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { SIGNAL } from '../../common/vss/signals.ts';
import { switchLanguage } from '../i18n/i18n.ts';
import { useKeyNavigation } from '../input/useKeyNavigation.ts';
import { ScreenGate } from '../safety/ScreenGate.tsx';
import { useAllowed } from '../safety/useAllowed.ts';
import { useAppStore } from '../store/context.tsx';
import { resolveTheme } from '../ui/theme.ts';
import { useSignal } from '../vehicle/useSignal.ts';
import { SCREEN_BUSY } from './lazyScreen.ts';
import { NavBar } from './NavBar.tsx';
import { SCREENS } from './screens.ts';
import { StatusBar } from './StatusBar.tsx';

/** Keeps <html data-theme> in step with the setting and, in auto, the car's light sensor. */
function useTheme() {
  const mode = useAppStore((s) => s.settings.themeMode);
  const carMode = useSignal(SIGNAL.dayNightMode);
  const theme = resolveTheme(mode, carMode);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
}

/** The language follows the persisted setting; i18next loads the bundle on first use. */
function useLanguage() {
  const { i18n } = useTranslation();
  const language = useAppStore((s) => s.settings.language);
  useEffect(() => {
    if (i18n.language !== language) void switchLanguage(i18n, language);
  }, [i18n, language]);
}

/** A2/A3: while NO_VIDEO is in force every animation and transition stops, app-wide, in CSS. */
function useMotionLock() {
  const locked = !useAllowed('video');
  useEffect(() => {
    document.documentElement.dataset.motion = locked ? 'off' : 'on';
  }, [locked]);
}

export function App() {
  useTheme();
  useLanguage();
  useMotionLock();
  useKeyNavigation();
  const screen = useAppStore((s) => s.stack[s.stack.length - 1] ?? { name: 'home' as const });
  const entry = SCREENS[screen.name];
  const Current = entry.component;
  return (
    <div className="app">
      <StatusBar />
      <main className="screen" data-screen={screen.name}>
        <ScreenGate availability={entry.availability}>
          {/* Lazy screens never suspend (lazyScreen shows its own busy area); this boundary is
              for anything else that might, such as strings react-i18next has not loaded. */}
          <Suspense fallback={SCREEN_BUSY}>
            <Current />
          </Suspense>
        </ScreenGate>
      </main>
      <NavBar />
    </div>
  );
}
