import { describe, expect, it } from 'vitest';
import { SIGNALS, SIGNAL } from '../../common/vss/signals.ts';
import {
  buttonPress,
  DEFAULT_KEYMAP,
  keyAction,
  type KeyInput,
  type NavAction,
} from '../../renderer/input/keymap.ts';
import { stackChange } from '../../renderer/input/stackChange.ts';

const up: NavAction = { type: 'move', direction: 'up' };
const down: NavAction = { type: 'move', direction: 'down' };
const left: NavAction = { type: 'move', direction: 'left' };
const right: NavAction = { type: 'move', direction: 'right' };
const next: NavAction = { type: 'next' };
const previous: NavAction = { type: 'previous' };
const activate: NavAction = { type: 'activate' };
const back: NavAction = { type: 'back' };
const home: NavAction = { type: 'home' };

describe('keymap: keys, rotary and back', () => {
  it.each<[string, KeyInput, NavAction | null]>([
    ['ArrowUp', { key: 'ArrowUp' }, up],
    ['ArrowDown', { key: 'ArrowDown' }, down],
    ['ArrowLeft', { key: 'ArrowLeft' }, left],
    ['ArrowRight', { key: 'ArrowRight' }, right],
    ['rotary clockwise as Tab', { key: 'Tab' }, next],
    ['rotary counter-clockwise as Shift+Tab', { key: 'Tab', shiftKey: true }, previous],
    ['rotary clockwise as PageDown', { key: 'PageDown' }, next],
    ['rotary counter-clockwise as PageUp', { key: 'PageUp' }, previous],
    ['Enter / rotary press', { key: 'Enter' }, activate],
    ['Escape', { key: 'Escape' }, back],
    ['Backspace', { key: 'Backspace' }, back],
    ['browser Back key', { key: 'BrowserBack' }, back],
    ['Android GoBack key', { key: 'GoBack' }, back],
    ['browser Home key', { key: 'BrowserHome' }, home],
    ['GoHome key', { key: 'GoHome' }, home],
    ['Shift+ArrowDown still moves', { key: 'ArrowDown', shiftKey: true }, down],
    ['plain Home key is not ours', { key: 'Home' }, null],
    ['a letter is not ours', { key: 'a' }, null],
    ['Space stays native', { key: ' ' }, null],
  ])('%s', (_name, input, expected) => {
    expect(keyAction(DEFAULT_KEYMAP, input)).toEqual(expected);
  });

  it.each(['ctrlKey', 'altKey', 'metaKey'] as const)(
    'leaves shortcuts with %s to the system',
    (modifier) => {
      for (const key of ['ArrowLeft', 'Enter', 'Escape', 'Tab', 'BrowserBack']) {
        expect(keyAction(DEFAULT_KEYMAP, { key, [modifier]: true })).toBeNull();
      }
    },
  );

  it('ignores keys during IME composition', () => {
    expect(keyAction(DEFAULT_KEYMAP, { key: 'Enter', isComposing: true })).toBeNull();
    expect(keyAction(DEFAULT_KEYMAP, { key: 'Process' })).toBeNull();
  });

  it('lets moves auto-repeat, but never activate, back or home', () => {
    expect(keyAction(DEFAULT_KEYMAP, { key: 'ArrowDown', repeat: true })).toEqual(down);
    expect(keyAction(DEFAULT_KEYMAP, { key: 'PageDown', repeat: true })).toEqual(next);
    expect(keyAction(DEFAULT_KEYMAP, { key: 'Enter', repeat: true })).toBeNull();
    expect(keyAction(DEFAULT_KEYMAP, { key: 'Escape', repeat: true })).toBeNull();
    expect(keyAction(DEFAULT_KEYMAP, { key: 'BrowserHome', repeat: true })).toBeNull();
  });

  it('leaves editing keys to a text field, but still navigates out of it', () => {
    const inLine = (key: string) => keyAction(DEFAULT_KEYMAP, { key, textEntry: 'line' });
    expect(inLine('ArrowLeft')).toBeNull();
    expect(inLine('ArrowRight')).toBeNull();
    expect(inLine('Backspace')).toBeNull();
    expect(inLine('Escape')).toBeNull();
    expect(inLine('Enter')).toBeNull();
    expect(inLine('ArrowDown')).toEqual(down);
    expect(inLine('ArrowUp')).toEqual(up);
    expect(inLine('Tab')).toEqual(next);
    expect(inLine('BrowserBack')).toEqual(back);
    const inArea = (key: string) => keyAction(DEFAULT_KEYMAP, { key, textEntry: 'multiline' });
    expect(inArea('ArrowDown')).toBeNull();
    expect(inArea('PageDown')).toEqual(next);
  });

  it('takes another keymap, e.g. a rotary that sends F-keys', () => {
    const keymap = { ...DEFAULT_KEYMAP, next: ['F8'], previous: ['F7'] };
    expect(keyAction(keymap, { key: 'F8' })).toEqual(next);
    expect(keyAction(keymap, { key: 'F7' })).toEqual(previous);
    expect(keyAction(keymap, { key: 'Tab' })).toBeNull();
  });
});

describe('keymap: steering-wheel buttons', () => {
  it.each<[unknown, unknown, NavAction | null]>([
    ['NONE', 'UP', up],
    ['NONE', 'DOWN', down],
    ['NONE', 'LEFT', left],
    ['NONE', 'RIGHT', right],
    ['NONE', 'OK', activate],
    ['NONE', 'BACK', back],
    ['NONE', 'HOME', home],
    // Released: nothing. Held (the same value again): no repeat.
    ['OK', 'NONE', null],
    ['OK', 'OK', null],
    // A poll can miss the release between two presses: the new button is still one press.
    ['UP', 'DOWN', down],
    // The first reading after connecting is only the baseline.
    [undefined, 'OK', null],
    [undefined, 'NONE', null],
    // The signal went unknown (bridge lost): nothing.
    ['OK', undefined, null],
    // Not a button value.
    ['NONE', 'VOLUME_UP', null],
    ['NONE', 'constructor', null],
    ['NONE', 42, null],
  ])('%s -> %s', (before, after, expected) => {
    expect(buttonPress(before, after)).toEqual(expected);
  });

  it('maps every value the overlay signal allows', () => {
    const allowed = SIGNALS[SIGNAL.steeringWheelButton].allowed;
    for (const value of allowed.filter((v) => v !== 'NONE')) {
      expect(buttonPress('NONE', value), value).not.toBeNull();
    }
  });
});

describe('screen stack changes', () => {
  const a = { name: 'home' };
  const b = { name: 'settings' };
  const c = { name: 'settings' };
  it.each([
    ['push', [a], [a, b], 'push'],
    ['pop', [a, b], [a], 'pop'],
    ['pop two', [a, b, c], [a], 'pop'],
    ['reset to a new root', [a, b], [{ name: 'home' }], 'reset'],
    ['push beyond the depth limit drops one below', [a, b, c], [a, c, { name: 'x' }], 'push'],
    ['same stack', [a, b], [a, b], 'none'],
  ] as const)('%s', (_name, before, after, expected) => {
    expect(stackChange(before, after)).toBe(expected);
  });
});
