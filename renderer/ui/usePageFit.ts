import { useEffect, useLayoutEffect, useState, type RefObject } from 'react';
import { pageStarts, type ItemBox } from './pageFit.ts';

/**
 * Splits the children of `itemsRef` into pages that fit the screen's main region without scrolling,
 * whatever the panel, locale or text: while `measuring`, every item is drawn in one flow, measured
 * before paint, and the page starts computed from it (pageFit.ts). It measures again when `key`
 * changes (other items, another language), when the region is resized and when a font arrives.
 * The items must be the last thing in the region's flow. Without layout (tests in jsdom) it is one
 * page.
 */
export function usePageFit(
  itemsRef: RefObject<HTMLElement | null>,
  key: string,
  maxPerPage?: number,
): { measuring: boolean; starts: readonly number[] } {
  const [generation, setGeneration] = useState(0);
  const [fit, setFit] = useState<{ key: string; starts: readonly number[] } | null>(null);
  const fullKey = `${key}|${maxPerPage ?? ''}|${generation}`;
  const measuring = fit?.key !== fullKey;

  useLayoutEffect(() => {
    if (!measuring) return;
    const list = itemsRef.current;
    if (!list) return;
    setFit({ key: fullKey, starts: measure(list, maxPerPage) });
  }, [measuring, fullKey, itemsRef, maxPerPage]);

  useEffect(() => {
    const region = itemsRef.current?.closest('main');
    // Coalesced to one measurement a frame: Chinese text loads dozens of font slices at start.
    let frame: number | null = null;
    const again = () => {
      if (frame !== null) return;
      frame = requestAnimationFrame(() => {
        frame = null;
        setGeneration((g) => g + 1);
      });
    };
    const observer =
      region && typeof ResizeObserver !== 'undefined' ? new ResizeObserver(again) : null;
    if (region) observer?.observe(region);
    // Text measured in the fallback font is redrawn in the bundled one when it loads.
    document.fonts?.addEventListener('loadingdone', again);
    return () => {
      if (frame !== null) cancelAnimationFrame(frame);
      observer?.disconnect();
      document.fonts?.removeEventListener('loadingdone', again);
    };
  }, [itemsRef]);

  return { measuring, starts: measuring ? [0] : (fit?.starts ?? [0]) };
}

function measure(list: HTMLElement, maxPerPage: number | undefined): readonly number[] {
  const region = list.closest('main') ?? document.documentElement;
  const items = [...list.children];
  if (items.length === 0) return [0];
  const regionBox = region.getBoundingClientRect();
  const style = getComputedStyle(region);
  const bottom =
    regionBox.bottom -
    parseFloat(style.paddingBottom || '0') -
    parseFloat(style.borderBottomWidth || '0');
  // Boxes in the region's unscrolled coordinates.
  const scroll = region.scrollTop;
  const boxes: ItemBox[] = items.map((el) => {
    const box = el.getBoundingClientRect();
    return { top: box.top + scroll, bottom: box.bottom + scroll };
  });
  return pageStarts(boxes, bottom - boxes[0]!.top, maxPerPage);
}
