import { useEffect, useRef } from 'react';
import { SIGNAL } from '../../common/vss/signals.ts';
import type { AppStore } from '../store/appStore.ts';
import { useAppStore, useAppStoreApi } from '../store/context.tsx';
import {
  firstInScreen,
  focusedTarget,
  focusScope,
  focusTargets,
  locate,
  modality,
  orderTarget,
  resolveLocator,
  setModality,
  showFocus,
  spatialTarget,
  startTarget,
  textEntryOf,
  type FocusLocator,
} from './focus.ts';
import { buttonPress, DEFAULT_KEYMAP, keyAction, type Keymap, type NavAction } from './keymap.ts';
import { stackChange, type StackChange } from './stackChange.ts';

/** Gives the first key press somewhere to land: it shows where focus is rather than moving it. */
function reveal(doc: Document, targets: readonly HTMLElement[]): boolean {
  const start = startTarget(doc, targets);
  if (start) showFocus(start);
  return true;
}

/**
 * An open overlay hears Back first, as a cancelable "cancel" event (what a native <dialog> fires
 * on Escape); unless it objects, a <dialog> closes.
 */
function cancelOverlay(overlay: Element): void {
  const proceed = overlay.dispatchEvent(new Event('cancel', { cancelable: true }));
  if (proceed && overlay instanceof HTMLDialogElement) overlay.close();
}

/**
 * Carries out one navigation action from any source. Returns true when the action was handled,
 * so a key's default is prevented; false leaves the browser's default (arrow scrolling at an edge).
 */
export function performAction(store: AppStore, doc: Document, action: NavAction): boolean {
  setModality(doc, 'keys');
  const targets = focusTargets(doc);
  const current = focusedTarget(doc, targets);
  switch (action.type) {
    case 'move': {
      if (!current) return reveal(doc, targets);
      const to = spatialTarget(targets, current, action.direction);
      if (!to) return false;
      showFocus(to);
      return true;
    }
    case 'next':
    case 'previous': {
      if (!current) return reveal(doc, targets);
      const to = orderTarget(targets, current, action.type === 'next' ? 1 : -1);
      // At either end focus stays; the key is still ours (Tab must not leave the app).
      if (to) showFocus(to);
      return true;
    }
    case 'activate':
      if (!current) return reveal(doc, targets);
      current.click();
      return true;
    case 'back': {
      const scope = focusScope(doc);
      if (scope !== doc.body) cancelOverlay(scope);
      else store.getState().pop();
      // Handled even at home: the browser's own Back must never navigate a kiosk away.
      return true;
    }
    case 'home':
      store.getState().reset();
      return true;
  }
}

/** After the screen changed under keys: into a new screen, back to where one was, or kept. */
function settleFocus(doc: Document, change: StackChange, saved: FocusLocator | undefined): void {
  const targets = focusTargets(doc);
  const kept = focusedTarget(doc, targets);
  const restored = change === 'pop' && saved ? resolveLocator(doc, saved) : null;
  const entered = change === 'push' ? firstInScreen(doc, targets) : null;
  const to =
    restored ?? entered ?? kept ?? firstInScreen(doc, targets) ?? startTarget(doc, targets);
  if (to && to !== doc.activeElement) showFocus(to);
}

/**
 * Non-touch input for the whole app, mounted once in App: keys (arrows, Enter, Back, a rotary
 * delivered as keys) and steering-wheel buttons (edges of SIGNAL.steeringWheelButton in the
 * store) go through one keymap to the same actions; focus follows screen changes.
 */
export function useKeyNavigation(keymap: Keymap = DEFAULT_KEYMAP): void {
  const store = useAppStoreApi();
  const stack = useAppStore((s) => s.stack);
  const previousStack = useRef(stack);
  /** Where focus was at each stack depth, to return there on Back. */
  const saved = useRef(new Map<number, FocusLocator>());

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      // A control that handles a key itself (and prevents its default) keeps it.
      if (event.defaultPrevented) return;
      const action = keyAction(keymap, {
        key: event.key,
        shiftKey: event.shiftKey,
        ctrlKey: event.ctrlKey,
        altKey: event.altKey,
        metaKey: event.metaKey,
        repeat: event.repeat,
        isComposing: event.isComposing,
        textEntry: textEntryOf(event.target),
      });
      if (action && performAction(store, document, action)) event.preventDefault();
    };
    const onPointerDown = () => setModality(document, 'pointer');
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('pointerdown', onPointerDown, true);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('pointerdown', onPointerDown, true);
    };
  }, [store, keymap]);

  useEffect(
    () =>
      store.subscribe((state, prev) => {
        const now = state.signals[SIGNAL.steeringWheelButton]?.value;
        const before = prev.signals[SIGNAL.steeringWheelButton]?.value;
        if (now === before) return;
        const action = buttonPress(before, now);
        if (action) performAction(store, document, action);
      }),
    [store],
  );

  useEffect(() => {
    const memory = saved.current;
    const onFocusIn = (event: FocusEvent) => {
      if (!(event.target instanceof HTMLElement)) return;
      memory.set(store.getState().stack.length - 1, locate(document, event.target));
    };
    document.addEventListener('focusin', onFocusIn);
    return () => document.removeEventListener('focusin', onFocusIn);
  }, [store]);

  useEffect(() => {
    const previous = previousStack.current;
    previousStack.current = stack;
    const change = stackChange(previous, stack);
    if (change === 'none') return;
    const depth = stack.length - 1;
    const memory = saved.current;
    const restoring = memory.get(depth);
    // Positions on screens that are gone are forgotten; a reset starts afresh.
    for (const d of [...memory.keys()]) if (d > depth || change === 'reset') memory.delete(d);
    if (modality(document) === 'keys') settleFocus(document, change, restoring);
    const active = document.activeElement;
    if (active instanceof HTMLElement && active !== document.body) {
      memory.set(depth, locate(document, active));
    }
  }, [stack]);
}
