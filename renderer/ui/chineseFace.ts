/*
 * Noto Sans SC's @font-face rules: ~190 KB of CSS, one rule per unicode-range slice and weight.
 * A stylesheet of their own (loaded by `loadChineseFace`), so that a start in English or German
 * does not parse them before its first frame.
 */
import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
