/** German, every namespace: one chunk, loaded only when German is the active language. */
export default import.meta.glob<Record<string, unknown>>('../../../locales/de/*.json', {
  import: 'default',
  eager: true,
});
