/** Simplified Chinese, every namespace: one chunk, loaded only when Simplified Chinese is the active language. */
export default import.meta.glob<Record<string, unknown>>('../../../locales/zh-CN/*.json', {
  import: 'default',
  eager: true,
});
