import { useState } from 'react';
import { useAllowed } from '../../safety/useAllowed.ts';
import type { ReactNode } from 'react';
import { MERCHANT_CATEGORIES, type MerchantCategory } from '../../../common/categories.ts';

const MAX_TILES = 8;
if (MERCHANT_CATEGORIES.length > MAX_TILES) {
  // G4: a grid the driver can take in at a glance; more categories need another layout first.
  throw new Error(`At most ${MAX_TILES} category tiles fit one screen`);
}

/** The category tiles, in display order (G4: at most MAX_TILES on one screen). */
export const CATEGORIES = MERCHANT_CATEGORIES;

/** Pictograms on a 100 × 100 grid (the same shapes as the cloud's generated merchant images). */
const GLYPHS: Record<MerchantCategory, ReactNode> = {
  coffee: (
    <>
      <path d="M22 38h44v22a18 18 0 0 1-18 18h-8a18 18 0 0 1-18-18z" />
      <path d="M66 44h6a9 9 0 0 1 0 18h-6" fill="none" stroke="currentColor" strokeWidth="6" />
      <rect x="18" y="82" width="56" height="6" rx="3" />
    </>
  ),
  food: (
    <>
      <rect x="30" y="14" width="6" height="72" rx="3" />
      <rect x="22" y="14" width="4" height="26" rx="2" />
      <rect x="40" y="14" width="4" height="26" rx="2" />
      <path d="M62 14c12 6 14 24 6 34v38h-8V14z" />
    </>
  ),
  fuel: (
    <>
      <path d="M20 24a6 6 0 0 1 6-6h28a6 6 0 0 1 6 6v62H20z M28 26v18h24V26z" fillRule="evenodd" />
      <path
        d="M60 34l14 10v30a5 5 0 0 1-10 0V58h-4"
        fill="none"
        stroke="currentColor"
        strokeWidth="6"
      />
    </>
  ),
  ev_charging: <path d="M56 8L24 56h22l-8 36 34-50H50z" />,
  parking: (
    <path
      d="M30 14h24a20 20 0 0 1 0 40H42v32H30z M42 26v16h12a8 8 0 0 0 0-16z"
      fillRule="evenodd"
    />
  ),
  car_wash: (
    <>
      <path d="M30 14c6 10 10 16 10 22a10 10 0 0 1-20 0c0-6 4-12 10-22z" />
      <path d="M66 14c6 10 10 16 10 22a10 10 0 0 1-20 0c0-6 4-12 10-22z" />
      <path d="M14 66l8-14h56l8 14v16H14z" />
    </>
  ),
  vehicle_service: (
    <path d="M70 12a20 20 0 0 0-22 26L14 72a9 9 0 0 0 13 13l34-34a20 20 0 0 0 26-22l-12 12-10-3-3-10z" />
  ),
};

/** A category pictogram in the current text colour. Decorative: the label beside it says the same. */
export function CategoryIcon({ category }: { category: MerchantCategory }) {
  return (
    <svg className="category-icon" viewBox="0 0 100 100" aria-hidden="true" focusable="false">
      <g fill="currentColor">{GLYPHS[category]}</g>
    </svg>
  );
}

/** FNV-1a: a stable hash, so a merchant keeps its colour on every screen and every run. */
function hue(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % 360;
}

/**
 * A merchant's picture: the image the host fetched and keeps (served from the app's own origin, so
 * the CSP stays img-src 'self'), over the category pictogram on the merchant's own colour, which
 * shows until the image has loaded, when there is none (offline, refused), and for the driver
 * while moving (A5: icons, not photographs). White on a dark tone keeps the pictogram above 4.5:1
 * whatever the hue.
 */
export function MerchantImage({
  merchant,
  size = 'small',
}: {
  merchant: { id: string; category: MerchantCategory };
  size?: 'small' | 'large';
}) {
  const photos = useAllowed('photos');
  const [loaded, setLoaded] = useState(false);
  return (
    <span className={`merchant-image merchant-image--${size}`} aria-hidden="true">
      <svg viewBox="0 0 160 100" focusable="false">
        <rect width="160" height="100" rx="16" fill={`hsl(${hue(merchant.id)} 55% 26%)`} />
        <g fill="#ffffff" color="#ffffff" transform="translate(44 14) scale(0.72)">
          {GLYPHS[merchant.category]}
        </g>
      </svg>
      {photos && (
        <img
          src={`/media/merchants/${encodeURIComponent(merchant.id)}`}
          alt=""
          decoding="async"
          data-loaded={loaded}
          onLoad={() => setLoaded(true)}
          onError={() => setLoaded(false)}
        />
      )}
    </span>
  );
}
