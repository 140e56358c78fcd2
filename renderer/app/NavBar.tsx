import { useTranslation } from 'react-i18next';
import { useAppStore } from '../store/context.tsx';
import type { ScreenName } from '../store/navSlice.ts';
import { Button } from '../ui/Button.tsx';
import { NavIcon } from '../ui/NavIcon.tsx';
import { SCREENS } from './screens.ts';

/** Top-level destinations; a tap resets the stack so Back never walks through unrelated screens. */
export function NavBar() {
  const { t } = useTranslation('common');
  const current = useAppStore((s) => s.stack[s.stack.length - 1]?.name);
  const reset = useAppStore((s) => s.reset);
  const canGoBack = useAppStore((s) => s.stack.length > 1);
  const pop = useAppStore((s) => s.pop);
  const features = useAppStore((s) => s.config.features);
  return (
    <nav className="nav-bar" aria-label={t('nav.label')}>
      {canGoBack && (
        <Button onClick={pop} data-testid="nav-back">
          {t('nav.back')}
        </Button>
      )}
      {(Object.keys(SCREENS) as ScreenName[])
        .filter((name) => {
          const { inNavBar, feature } = SCREENS[name];
          return inNavBar && (feature === undefined || features[feature]);
        })
        .map((name) => {
          const icon = SCREENS[name].navIcon;
          return (
            <Button
              key={name}
              // E5: the current destination stands out (filled) from the others (outlined).
              variant={current === name ? 'primary' : 'secondary'}
              className="nav-item"
              aria-current={current === name ? 'page' : undefined}
              onClick={() => reset({ name })}
              data-testid={`nav-${name}`}
            >
              {icon && <NavIcon name={icon} />}
              <span>{t(SCREENS[name].titleKey)}</span>
            </Button>
          );
        })}
    </nav>
  );
}
