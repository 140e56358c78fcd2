/**
 * The one keymap for non-touch input (DESIGN §7, guideline D3): keyboard keys, a rotary
 * controller (delivered as keys) and steering-wheel buttons (delivered by the bridge as values
 * of SIGNAL.steeringWheelButton) all turn into the same few navigation actions. Pure functions,
 * so the whole mapping is table-tested.
 */

export type Direction = 'up' | 'down' | 'left' | 'right';

export type NavAction =
  /** Spatial: the nearest control in that direction. */
  | { type: 'move'; direction: Direction }
  /** Rotary clockwise: the next control in reading order. */
  | { type: 'next' }
  /** Rotary counter-clockwise: the previous control in reading order. */
  | { type: 'previous' }
  /** Enter, rotary press, steering-wheel OK: activate the focused control. */
  | { type: 'activate' }
  /** Pop the screen stack. */
  | { type: 'back' }
  /** Reset the screen stack to home. */
  | { type: 'home' };

export type NavActionType = NavAction['type'];

/** KeyboardEvent.key values per action. A variant with other hardware passes its own table. */
export interface Keymap {
  up: readonly string[];
  down: readonly string[];
  left: readonly string[];
  right: readonly string[];
  next: readonly string[];
  previous: readonly string[];
  activate: readonly string[];
  back: readonly string[];
  home: readonly string[];
}

/**
 * Rotary controllers reach a browser as keys; this table takes the two common encodings:
 * clockwise = Tab or PageDown, counter-clockwise = Shift+Tab or PageUp, press = Enter.
 * Back is Escape, Backspace, the browser Back key and the Android-style GoBack key; Home is the
 * browser Home key or GoHome. The plain Home key is left alone: in text and lists it means "start".
 */
export const DEFAULT_KEYMAP: Keymap = {
  up: ['ArrowUp'],
  down: ['ArrowDown'],
  left: ['ArrowLeft'],
  right: ['ArrowRight'],
  next: ['Tab', 'PageDown'],
  previous: ['PageUp'],
  activate: ['Enter'],
  back: ['Escape', 'Backspace', 'BrowserBack', 'GoBack'],
  home: ['BrowserHome', 'GoHome'],
};

/** What kind of text entry has focus: keys that edit its text stay with it. */
export type TextEntry = 'none' | 'line' | 'multiline';

export interface KeyInput {
  key: string;
  shiftKey?: boolean;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
  repeat?: boolean;
  isComposing?: boolean;
  textEntry?: TextEntry;
}

/** Caret movement, deleting, cancelling and submitting belong to a text field. */
const LINE_EDIT_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'Backspace', 'Escape', 'Enter']);
const MULTILINE_EDIT_KEYS = new Set([...LINE_EDIT_KEYS, 'ArrowUp', 'ArrowDown']);

/** Only moves may auto-repeat: a held Enter must not order twice, a held Escape must not empty the stack. */
const REPEATABLE: ReadonlySet<NavActionType> = new Set(['move', 'next', 'previous']);

const ORDER: readonly (keyof Keymap)[] = [
  'up',
  'down',
  'left',
  'right',
  'next',
  'previous',
  'activate',
  'back',
  'home',
];

function actionFor(name: keyof Keymap): NavAction {
  switch (name) {
    case 'up':
    case 'down':
    case 'left':
    case 'right':
      return { type: 'move', direction: name };
    case 'next':
      return { type: 'next' };
    case 'previous':
      return { type: 'previous' };
    case 'activate':
      return { type: 'activate' };
    case 'back':
      return { type: 'back' };
    case 'home':
      return { type: 'home' };
  }
}

/** The action a key press asks for, or null when the key is not ours (the browser keeps it). */
export function keyAction(keymap: Keymap, input: KeyInput): NavAction | null {
  // Shortcuts with Ctrl/Alt/Meta belong to the system; a key inside an IME composition to the IME.
  if (input.ctrlKey || input.altKey || input.metaKey) return null;
  if (input.isComposing || input.key === 'Process') return null;
  const entry = input.textEntry ?? 'none';
  if (entry === 'line' && LINE_EDIT_KEYS.has(input.key)) return null;
  if (entry === 'multiline' && MULTILINE_EDIT_KEYS.has(input.key)) return null;
  const name = ORDER.find((n) => keymap[n].includes(input.key));
  if (!name) return null;
  let action = actionFor(name);
  // Shift reverses a "next" key: Shift+Tab is the counter-clockwise step.
  if (input.shiftKey && action.type === 'next') action = { type: 'previous' };
  if (input.repeat && !REPEATABLE.has(action.type)) return null;
  return action;
}

/** The values of SIGNAL.steeringWheelButton (see common/vss/overlay.ts) and what each asks for. */
const BUTTON_ACTIONS: Readonly<Record<string, NavAction>> = {
  UP: { type: 'move', direction: 'up' },
  DOWN: { type: 'move', direction: 'down' },
  LEFT: { type: 'move', direction: 'left' },
  RIGHT: { type: 'move', direction: 'right' },
  OK: { type: 'activate' },
  BACK: { type: 'back' },
  HOME: { type: 'home' },
};

/**
 * The signal is a level (the button held now, NONE when released); a press is its edge. A change
 * to a button is one press of it; holding it is not a repeat; release (NONE) does nothing. The
 * first reading after (re)connecting only sets the baseline (`previous` undefined): a button held
 * while the connection came up must not fire.
 */
export function buttonPress(previous: unknown, next: unknown): NavAction | null {
  if (previous === undefined || typeof next !== 'string' || next === previous) return null;
  return Object.hasOwn(BUTTON_ACTIONS, next) ? BUTTON_ACTIONS[next]! : null;
}
