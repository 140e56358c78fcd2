import type { MerchantCategory } from '../../common/cloudApi/catalog.schema.ts';

/**
 * Merchant images, generated: a colour derived from the merchant id, a category pictogram and the
 * merchant's initials. Deterministic (same merchant, same bytes), small, and with no external URL,
 * script or font, so the car can cache them and show them in a car park.
 */

/** Simple pictograms on a 100 × 100 grid, drawn in white. */
const GLYPHS: Record<MerchantCategory, string> = {
  coffee:
    '<path d="M22 38h44v22a18 18 0 0 1-18 18h-8a18 18 0 0 1-18-18z"/>' +
    '<path d="M66 44h6a9 9 0 0 1 0 18h-6" fill="none" stroke="#fff" stroke-width="6"/>' +
    '<rect x="18" y="82" width="56" height="6" rx="3"/>',
  food:
    '<rect x="30" y="14" width="6" height="72" rx="3"/><rect x="22" y="14" width="4" height="26" rx="2"/>' +
    '<rect x="40" y="14" width="4" height="26" rx="2"/><path d="M62 14c12 6 14 24 6 34v38h-8V14z"/>',
  fuel:
    '<rect x="20" y="18" width="40" height="68" rx="6"/><rect x="28" y="26" width="24" height="18" rx="2" fill="#000" fill-opacity=".3"/>' +
    '<path d="M60 34l14 10v30a5 5 0 0 1-10 0V58h-4" fill="none" stroke="#fff" stroke-width="6"/>',
  ev_charging: '<path d="M56 8L24 56h22l-8 36 34-50H50z"/>',
  parking:
    '<path d="M30 14h24a20 20 0 0 1 0 40H42v32H30z M42 26v16h12a8 8 0 0 0 0-16z" fill-rule="evenodd"/>',
  car_wash:
    '<path d="M30 14c6 10 10 16 10 22a10 10 0 0 1-20 0c0-6 4-12 10-22z"/>' +
    '<path d="M66 14c6 10 10 16 10 22a10 10 0 0 1-20 0c0-6 4-12 10-22z"/>' +
    '<path d="M14 66l8-14h56l8 14v16H14z"/>',
  vehicle_service:
    '<path d="M70 12a20 20 0 0 0-22 26L14 72a9 9 0 0 0 13 13l34-34a20 20 0 0 0 26-22l-12 12-10-3-3-10z"/>',
};

/** FNV-1a: a stable 32-bit hash, so colours never change between runs or machines. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Two letters: from a Latin name ("Polk Street Burger Co." → "PS"); for other scripts from the
 * id's words ("hz-hubin-coffee" → "HC"), since the head unit may have no CJK font and the
 * merchant's name is shown as text beside the image anyway.
 */
export function initials(name: string, id: string): string {
  const words = name.split(/[\s&.,·-]+/u).filter((w) => /^[A-Z]/.test(w));
  if (words.length >= 2) return `${words[0]?.[0] ?? ''}${words[1]?.[0] ?? ''}`;
  if (words.length === 1 && /^[A-Za-z]/.test(name)) return (words[0] ?? '').slice(0, 2);
  const parts = id.split('-').slice(1); // drop the place prefix
  return parts
    .slice(0, 2)
    .map((p) => p[0]?.toUpperCase() ?? '')
    .join('');
}

export function merchantImageSvg(merchant: {
  id: string;
  name: string;
  category: MerchantCategory;
}): string {
  const hue = fnv1a(merchant.id) % 360;
  const dark = `hsl(${hue} 55% 26%)`;
  const light = `hsl(${(hue + 40) % 360} 55% 38%)`;
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 200" width="320" height="200" role="img">',
    `<title>${escapeXml(merchant.name)}</title>`,
    '<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">',
    `<stop offset="0" stop-color="${light}"/><stop offset="1" stop-color="${dark}"/>`,
    '</linearGradient></defs>',
    '<rect width="320" height="200" fill="url(#g)"/>',
    `<g fill="#fff" transform="translate(24 50) scale(1)">${GLYPHS[merchant.category]}</g>`,
    `<text x="232" y="124" text-anchor="middle" font-family="sans-serif" font-size="64" font-weight="700" fill="#fff">${escapeXml(initials(merchant.name, merchant.id))}</text>`,
    '</svg>',
  ].join('');
}
