import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { AppRoot } from './app/AppRoot.tsx';
import { bootstrap, bridgeToken } from './app/bootstrap.ts';
import { BOOT_MARK, markBoot } from './ui/bootMarks.ts';
import { endStart } from './ui/startPhase.ts';
import { loadChineseFace } from './ui/fonts.ts';
import { connectHost } from './host/connectHost.ts';
import { readBootSnapshot } from './host/bootSnapshot.ts';
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
const { client: host, refused, hasSecret } = connectHost();
// A page without the secret is refused: it must not show the app first.
const fromPage = hasSecret ? readBootSnapshot(document) : null;

/** The host starts with the app; until it answers, the shell in index.html is all there is to show. */
async function withRetry<T>(attempt: () => Promise<T>): Promise<T> {
  for (let delay = 250; ; delay = Math.min(delay * 2, 4000)) {
    try {
      return await attempt();
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

// The host's first call: live values wait for the bridge to admit the page, and the bridge waits
// for this token. Behind four other calls it came 40 ms later (median), their answers first.
const token = withRetry(() => bridgeToken(host)).then((held) => {
  markBoot(BOOT_MARK.bridgeToken);
  return held;
});
const booted = await withRetry(() =>
  bootstrap(host, document.documentElement, window.devicePixelRatio, fromPage),
);
const { store } = booted;
markBoot(BOOT_MARK.hostState);
// The bridge's connection opens now, while the page renders; it is admitted once the token is in.
connectVehicle(store.getState().config.bridgeUrl, store, token);
if (store.getState().system.testHooks) exposeTestHooks(store, host);
const i18n = await booted.i18n;

// As a transition the first render yields every few ms: the host's and the bridge's handshakes
// go on while it runs, instead of queueing behind one long task.
startTransition(() =>
  root.render(
    <StrictMode>
      <AppRoot i18n={i18n} host={host} store={store} />
    </StrictMode>,
  ),
);
/** The car's state is known (speed and gear in), or 1.5 s on: a bridge that does not answer. */
const valuesIn = new Promise<void>((resolve) => {
  const unsubscribe = store.subscribe((state) => {
    if (state.driveState === 'UNKNOWN') return;
    unsubscribe();
    resolve();
  });
  setTimeout(resolve, 1500);
});
// What the first frame does not show is asked for now; the answers normally beat home's cards.
void valuesIn.then(booted.catchUp);
/** Once the values are in and the main thread is next idle, the start is over. */
const live = valuesIn.then(
  () => new Promise<void>((resolve) => requestIdleCallback(() => resolve(), { timeout: 500 })),
);
// Then home's cards and the clock render, in the background.
void live.then(endStart);
// Every other screen's chunk, one per idle period, the nav bar's first: a tap right after the
// start then waits behind one chunk at most. Last, the Chinese face is declared for Chinese in
// data (loaded already when the UI speaks Chinese): its 185 KB of @font-face rules cost a style
// pass over the whole page, which must not land on that tap either.
void preloadScreens(
  live,
  () => new Promise<void>((resolve) => requestIdleCallback(() => resolve(), { timeout: 2000 })),
).then(() => loadChineseFace().catch(() => undefined));
