/** English, every namespace: one chunk, loaded only when English is the active language. */
export default import.meta.glob<Record<string, unknown>>('../../../locales/en/*.json', {
  import: 'default',
  eager: true,
});
