import { useEffect } from 'react';

/** While a host-side tab is shown it is asked again this often: an engineer watches it change. */
export const HOST_REFRESH_MS = 2000;

/** Calls `refresh` every HOST_REFRESH_MS while the calling component is mounted. */
export function useRefreshWhileShown(refresh: () => void): void {
  useEffect(() => {
    const timer = setInterval(refresh, HOST_REFRESH_MS);
    return () => clearInterval(timer);
  }, [refresh]);
}
