import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppRoot } from './app/AppRoot.tsx';
import { bootstrap } from './app/bootstrap.ts';
import { connectHost } from './host/connectHost.ts';
import './ui/tokens.css';
import './ui/app.css';
import './features/services/services.css';
import './features/lease/lease.css';
import { connectVehicle } from './vehicle/vehicleClient.ts';
import { exposeTestHooks } from './app/testHooks.ts';
import { Refused } from './app/Refused.tsx';
import { preloadScreens } from './app/screens.ts';
import { createI18n } from './i18n/i18n.ts';
import { I18nextProvider } from 'react-i18next';

const root = createRoot(document.getElementById('root')!);
const { client: host, refused } = connectHost();

/** The host starts with the app; until it answers, the dark background is all there is to show. */
async function bootWithRetry() {
  for (let delay = 250; ; delay = Math.min(delay * 2, 4000)) {
    try {
      return await bootstrap(host, document.documentElement, window.devicePixelRatio);
    } catch {
      if (refused()) await showRefused();
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

/** Turned away by the host: say so in the browser's language (no host to ask for the setting). */
let refusedShown = false;
async function showRefused() {
  if (refusedShown) return;
  refusedShown = true;
  const wanted = navigator.language.toLowerCase();
  const lng = wanted.startsWith('zh') ? 'zh-CN' : wanted.startsWith('de') ? 'de' : 'en';
  document.documentElement.lang = lng;
  const i18n = await createI18n(lng);
  root.render(
    <I18nextProvider i18n={i18n}>
      <Refused />
    </I18nextProvider>,
  );
}

const booted = await bootWithRetry();
const { store } = booted;
// The bridge connection opens while the language loads: the first values are often in by first paint.
connectVehicle(store.getState().config.bridgeUrl, store, booted.bridgeToken);
if (store.getState().system.testHooks) exposeTestHooks(store, host);
const i18n = await booted.i18n;

root.render(
  <StrictMode>
    <AppRoot i18n={i18n} host={host} store={store} />
  </StrictMode>,
);
// Every other screen's chunk, after the first paint, one per idle period: a tap then finds it loaded.
void preloadScreens(
  () => new Promise<void>((resolve) => requestIdleCallback(() => resolve(), { timeout: 2000 })),
);
