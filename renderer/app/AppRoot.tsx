import type { i18n as I18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import type { HostClient } from '../../common/hostApi/client.ts';
import { HostProvider } from '../data/hostContext.tsx';
import type { AppStore } from '../store/appStore.ts';
import { StoreProvider } from '../store/context.tsx';
import { App } from './App.tsx';

/** The app with what every screen reads from: its language, the host and the store. */
export function AppRoot({ i18n, host, store }: { i18n: I18n; host: HostClient; store: AppStore }) {
  return (
    <I18nextProvider i18n={i18n}>
      <HostProvider host={host}>
        <StoreProvider store={store}>
          <App />
        </StoreProvider>
      </HostProvider>
    </I18nextProvider>
  );
}
