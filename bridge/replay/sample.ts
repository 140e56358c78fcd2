import type { VssPath } from '../../common/vss/signals.ts';
import type { VssValue } from '../../common/vss/types.ts';

/** Where a replayed sample came from: the trace itself, lead-in padding, or derived from others. */
export type Origin = 'trace' | 'padding' | 'derived';

/** One value of one signal at a time offset of a replay. */
export interface TimedSample {
  t: number;
  path: VssPath;
  value: VssValue;
  origin: Origin;
}
