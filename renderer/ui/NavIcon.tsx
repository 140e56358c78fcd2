/**
 * Pictograms for the nav bar: simple strokes in the text colour, so they follow theme and state.
 * A pictogram beside a short label reads at a glance in any language (E3).
 */
const PATHS = {
  home: 'M3 11 12 3l9 8M5 10v10h5v-6h4v6h5V10',
  services:
    'M4 8h13v5a6 6 0 0 1-6 6H10a6 6 0 0 1-6-6V8Zm13 1h1.5a2.5 2.5 0 0 1 0 5H16M7 3v2M11 3v2',
  lease: 'M5 3h10l4 4v14H5V3Zm10 0v4h4M8 11h8M8 15h8M8 19h5',
  offers: 'M3 12 12 3h8v8l-9 9-8-8Zm13-5.5a1.5 1.5 0 1 0 0 .01',
  settings:
    'M12 9a3 3 0 1 0 0 6 3 3 0 0 0 0-6Zm0-6 1.5 2.6 3-.4.9 2.9 2.7 1.3-1 2.8 1 2.8-2.7 1.3-.9 2.9-3-.4L12 21l-1.5-2.6-3 .4-.9-2.9-2.7-1.3 1-2.8-1-2.8 2.7-1.3.9-2.9 3 .4L12 3Z',
} as const;

export type NavIconName = keyof typeof PATHS;

export function NavIcon({ name }: { name: NavIconName }) {
  return (
    <svg className="nav-item__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        d={PATHS[name]}
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
