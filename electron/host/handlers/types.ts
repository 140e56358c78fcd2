import type { HostChannel } from '../../../common/hostApi/channels.ts';
import type { HostHandlers } from '../dispatch.ts';

/** The handlers of the channels whose names start with one of the given namespaces. */
export type NamespaceHandlers<N extends string> = {
  [C in HostChannel as C extends `${N}.${string}` ? C : never]: HostHandlers[C];
};
