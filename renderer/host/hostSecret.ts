const KEY = 'dashport.hostSecret';

interface PageLocation {
  hash: string;
  pathname: string;
  search: string;
}

/**
 * Browser mode: the kiosk launcher opens the page at `#secret=<this start's host secret>`. The
 * secret moves to session storage (kept across a reload of the tab, gone with it) and leaves the
 * address bar at once. A fragment is never sent to a server nor put in a Referer.
 */
export function takeHostSecret(
  location: PageLocation,
  storage: Pick<Storage, 'getItem' | 'setItem'>,
  replaceUrl: (url: string) => void,
): string | null {
  const fromUrl = new URLSearchParams(location.hash.replace(/^#/, '')).get('secret');
  if (fromUrl) {
    storage.setItem(KEY, fromUrl);
    replaceUrl(`${location.pathname}${location.search}`);
    return fromUrl;
  }
  return storage.getItem(KEY);
}
