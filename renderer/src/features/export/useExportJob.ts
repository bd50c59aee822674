import { useCallback, useEffect, useRef, useState } from 'react';
import type { ExportJobStatus } from '../../../../shared/contract/domains/export';
import { call } from '../../api/client';

const POLL_MS = 120;

export type JobView = { kind: 'idle' } | { kind: 'job'; status: ExportJobStatus } | { kind: 'error'; message: string };

/**
 * Follows one export job in the main process by polling export.jobStatus
 * (request/response, the same on Electron IPC and the browser harness) until
 * it ends: done, failed, or stopped on files it would replace.
 */
export function useExportJob(): { view: JobView; follow(jobId: string, folder: string): void; reset(): void } {
  const [view, setView] = useState<JobView>({ kind: 'idle' });
  const generation = useRef(0);

  useEffect(() => () => void (generation.current += 1), []);

  const follow = useCallback((jobId: string, folder: string) => {
    const mine = ++generation.current;
    setView({
      kind: 'job',
      status: { jobId, folder, state: 'running', phase: 'rendering', done: 0, total: 0, result: null, error: null, stoppedOn: null, conflicts: [], confirmToken: null },
    });
    const poll = async (): Promise<void> => {
      while (generation.current === mine) {
        let status: ExportJobStatus;
        try {
          status = await call('export.jobStatus', { jobId });
        } catch (error) {
          if (generation.current === mine) setView({ kind: 'error', message: error instanceof Error ? error.message : String(error) });
          return;
        }
        if (generation.current !== mine) return;
        setView({ kind: 'job', status });
        if (status.state !== 'running') return;
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
    };
    void poll();
  }, []);

  const reset = useCallback(() => {
    generation.current += 1;
    setView({ kind: 'idle' });
  }, []);

  return { view, follow, reset };
}
