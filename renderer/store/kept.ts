import type { StoreApi } from 'zustand';
import type { HostErrorCode } from '../../common/hostApi/errors.ts';
import { errorCode } from '../data/ids.ts';

/** A list kept in the store: the last answer, and why the last refresh failed if it did. */
export interface Kept<T> {
  value: T | null;
  error: HostErrorCode | null;
  loading: boolean;
}

export const emptyKept = <T>(): Kept<T> => ({ value: null, error: null, loading: false });

export const keptValue = <T>(value: T): Kept<T> => ({ value, error: null, loading: false });

/** Loads into a kept entry: loading while asked, the answer or the error code after. */
export async function refreshKept<S, K extends keyof S>(
  store: Pick<StoreApi<S>, 'getState' | 'setState'>,
  key: K,
  load: () => Promise<S[K] extends Kept<infer T> ? T : never>,
): Promise<void> {
  const held = store.getState()[key] as Kept<unknown>;
  store.setState({ [key]: { ...held, loading: true } } as Partial<S>);
  try {
    const value = await load();
    store.setState({ [key]: keptValue(value) } as Partial<S>);
  } catch (error) {
    const now = store.getState()[key] as Kept<unknown>;
    store.setState({ [key]: { ...now, error: errorCode(error), loading: false } } as Partial<S>);
  }
}
