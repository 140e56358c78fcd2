import { flagNames } from '../../../../common/drive/restrictions.ts';
import type { RendererDiagnostics } from '../../../../common/hostApi/engineering.schema.ts';
import type { AppState } from '../../../store/appStore.ts';
import { signalsByPath } from '../../../store/vehicleSlice.ts';
import { createLinkCounter } from '../../../vehicle/linkStats.ts';

type Inputs = Pick<
  AppState,
  'signals' | 'bridge' | 'link' | 'driveState' | 'uxFlags' | 'config' | 'settings'
>;

/** What only the renderer knows, as a diagnostics bundle carries it (the host adds the rest). */
export function rendererDiagnostics(
  state: Inputs,
  now: number,
  userAgent: string,
): RendererDiagnostics {
  const signals = signalsByPath(state.signals).map(([path, sample]) => ({
    path,
    value: sample.value,
    ageMs: Math.max(0, Math.round(now - sample.receivedAt)),
  }));
  return {
    bridge: {
      url: state.config.bridgeUrl,
      status: state.bridge,
      link: (state.link ?? createLinkCounter()).snapshot(now),
    },
    driveState: state.driveState,
    flags: flagNames(state.uxFlags),
    signals,
    locale: state.settings.language,
    userAgent: userAgent.slice(0, 500),
  };
}
