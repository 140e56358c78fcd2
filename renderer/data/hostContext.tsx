import { createContext, useContext, useState, type ReactNode } from 'react';
import type { HostClient } from '../../common/hostApi/client.ts';
import { QueryCache } from './queryCache.ts';

interface HostData {
  host: HostClient;
  cache: QueryCache;
}

const HostContext = createContext<HostData | null>(null);

/** Gives every screen the host client and the session's query cache; the store never holds them. */
export function HostProvider({ host, children }: { host: HostClient; children: ReactNode }) {
  const [cache] = useState(() => new QueryCache());
  return <HostContext.Provider value={{ host, cache }}>{children}</HostContext.Provider>;
}

export function useHostData(): HostData {
  const data = useContext(HostContext);
  if (!data) throw new Error('useHostData outside HostProvider');
  return data;
}

/** The host client, for calls a query or mutation hook does not fit (fire-and-forget reports). */
export function useHost(): HostClient {
  return useHostData().host;
}
