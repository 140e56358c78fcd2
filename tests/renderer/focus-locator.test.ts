import { afterEach, describe, expect, it, vi } from 'vitest';
import { focusTargets, locate, resolveLocator } from '../../renderer/input/focus.ts';

afterEach(() => {
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

function buttons(n: number): HTMLButtonElement[] {
  document.body.innerHTML = Array.from({ length: n }, (_, i) => `<button>b${i}</button>`).join('');
  return [...document.querySelectorAll('button')];
}

describe('focus locators', () => {
  it('are taken without layout: a tap’s focus must not pay for it before its screen paints', () => {
    const [, second] = buttons(3);
    const rect = vi.spyOn(Element.prototype, 'getBoundingClientRect');
    const style = vi.spyOn(window, 'getComputedStyle');
    expect(locate(document, second!)).toEqual({ path: [1], index: 1 });
    expect(rect).not.toHaveBeenCalled();
    expect(style).not.toHaveBeenCalled();
    // Checking what may take focus does need layout: the spies see it.
    focusTargets(document);
    expect(rect).toHaveBeenCalled();
  });

  it('fall back to the control at the saved position, or the first one after it that can take focus', () => {
    const [, second] = buttons(3);
    const saved = { path: [9, 9], index: 1 };
    expect(resolveLocator(document, saved)).toBe(second);
    second!.hidden = true;
    expect(resolveLocator(document, saved)?.textContent).toBe('b2');
    document.querySelectorAll('button')[2]!.hidden = true;
    expect(resolveLocator(document, saved)?.textContent).toBe('b0');
    expect(resolveLocator(document, { path: [9], index: 7 })?.textContent).toBe('b0');
  });
});
