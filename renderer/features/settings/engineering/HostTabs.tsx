import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EXPORT_STEPS } from '../../../../common/hostApi/engineering.ts';
import type {
  EngineeringStatus,
  ExportProgress,
} from '../../../../common/hostApi/engineering.schema.ts';
import { useHostData } from '../../../data/hostContext.tsx';
import { errorCode } from '../../../data/ids.ts';
import { useHostMutation } from '../../../data/useHostMutation.ts';
import { useAppStore, useAppStoreApi } from '../../../store/context.tsx';
import { Button } from '../../../ui/Button.tsx';
import { rendererDiagnostics } from './diagnostics.ts';
import { Fact } from './Fact.tsx';
import { useRefreshWhileShown } from './useRefreshWhileShown.ts';

type Outcome =
  | { kind: 'idle' }
  | { kind: 'running'; progress: ExportProgress | null }
  | { kind: 'done'; folder: string }
  | { kind: 'failed'; reason: 'session' | 'folder' | 'other' };

/**
 * The Export tab, "Export diagnostics": the renderer adds what only it knows (signals, link counters), the host
 * redacts everything and writes the bundle to the line's export folder, reporting each step.
 */
export function ExportTab({ session, exportDir }: { session: string; exportDir: string | null }) {
  const { t } = useTranslation('settings');
  const { host } = useHostData();
  const store = useAppStoreApi();
  const [run] = useHostMutation('engineering.export');
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const running = outcome.kind === 'running';
  useEffect(() => {
    if (!running) return;
    return host.on('engineering.exportProgress', (progress) =>
      setOutcome((o) => (o.kind === 'running' ? { kind: 'running', progress } : o)),
    );
  }, [host, running]);

  const start = async () => {
    setOutcome({ kind: 'running', progress: null });
    try {
      const renderer = rendererDiagnostics(
        store.getState(),
        performance.now(),
        navigator.userAgent,
      );
      const { folder } = await run({ session, renderer });
      setOutcome({ kind: 'done', folder });
    } catch (error) {
      const code = errorCode(error);
      setOutcome({
        kind: 'failed',
        reason: code === 'forbidden' ? 'session' : code === 'unavailable' ? 'folder' : 'other',
      });
    }
  };

  const done = outcome.kind === 'running' ? (outcome.progress?.done ?? 0) : 0;
  return (
    <>
      <dl className="engineering__facts engineering__facts--wide">
        <Fact
          id="export-dir"
          label={t('engineering.exportDir')}
          value={exportDir ?? t('engineering.none')}
        />
      </dl>
      <div className="engineering__export">
        <Button
          onClick={() => void start()}
          disabled={exportDir === null || running}
          data-testid="engineering-export"
        >
          {t('engineering.export')}
        </Button>
        {outcome.kind === 'running' && (
          <>
            <progress
              max={EXPORT_STEPS.length}
              value={done}
              aria-label={t('engineering.exporting')}
              data-testid="engineering-export-progress"
            />
            <span className="label" aria-live="polite">
              {t(`engineering.exportStep.${outcome.progress?.step ?? 'start'}`, {
                done,
                of: EXPORT_STEPS.length,
              })}
            </span>
          </>
        )}
        {outcome.kind === 'done' && (
          <span role="status" data-testid="engineering-export-done">
            {t('engineering.exported', { folder: outcome.folder })}
          </span>
        )}
        {outcome.kind === 'failed' && (
          <span className="error-line" role="alert" data-testid="engineering-export-failed">
            {t(`engineering.exportFailed.${outcome.reason}`, { folder: exportDir })}
          </span>
        )}
        {exportDir === null && <span className="label">{t('engineering.noExportDir')}</span>}
      </div>
    </>
  );
}

/** The host's side: the cloud link, orders waiting and the database files, kept current while shown. */
export function HostTab({ status, refresh }: { status: EngineeringStatus; refresh: () => void }) {
  const { t, i18n } = useTranslation('settings');
  useRefreshWhileShown(refresh);
  const cloud = useAppStore((s) => s.cloud);
  const kb = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  const ms = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 0 });
  const { outbox, files } = status;
  return (
    <dl className="engineering__facts">
      <Fact
        id="cloud-link"
        label={t('engineering.cloud')}
        value={
          status.cloud.latencyMs === null
            ? t(`engineering.cloudState.${cloud}`)
            : t('engineering.cloudLatency', {
                state: t(`engineering.cloudState.${cloud}`),
                ms: ms.format(status.cloud.latencyMs),
              })
        }
      />
      <Fact
        id="host-runtime"
        label={t('engineering.hostRuntime')}
        value={
          status.runtime.electron
            ? t('engineering.hostElectron', status.runtime)
            : t('engineering.hostNode', status.runtime)
        }
      />
      <Fact id="outbox" label={t('engineering.outbox')} value={String(outbox.queued)} />
      <Fact
        id="last-error"
        label={t('engineering.lastError')}
        value={outbox.lastError ?? t('engineering.none')}
      />
      <Fact
        id="files"
        wide
        label={t('engineering.files')}
        value={files
          .map((f) => `${f.name} ${t('engineering.size', { kb: kb.format(f.bytes / 1024) })}`)
          .join(' · ')}
      />
    </dl>
  );
}
