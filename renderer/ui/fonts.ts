/*
 * The UI's own fonts, served from the app's origin: nothing depends on what the unit has
 * installed. unicode-range subsets mean a locale downloads only the glyphs its text uses
 * (Chinese: a few of Noto Sans SC's ~100 slices per weight). font-display: swap shows the
 * fallback at once rather than blank text. Imported from script, not @import, so that each
 * file passes through the build's woff2-only transform (electron.vite.config.ts).
 */
import '@fontsource/noto-sans/latin-400.css';
import '@fontsource/noto-sans/latin-700.css';
import '@fontsource/noto-sans/latin-ext-400.css';
import '@fontsource/noto-sans/latin-ext-700.css';
import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
