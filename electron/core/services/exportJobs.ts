import { randomBytes, timingSafeEqual } from 'node:crypto';
import { resolve } from 'node:path';
import { DossierError, type ErrorData } from '../../../shared/errors';
import type { CoreContext } from '../context';
import { ExportConflictError } from '../export/exportWriter';
import type { ExportProgress, ExportSettings, FolderExportResult } from '../export/folderExport';
import { exportProject } from './exports';

export type ExportJobState = 'running' | 'done' | 'failed' | 'conflict';

export interface ExportJobStatus {
  jobId: string;
  state: ExportJobState;
  folder: string;
  phase: ExportProgress['phase'];
  done: number;
  total: number;
  result: FolderExportResult | null;
  error: ErrorData | null;
  /**
   * When state is `conflict`: what the export stopped on. `replace`: `conflicts` lists files (relative
   * to the folder) it would replace. `folder`: the folder holds other things (`conflicts` lists some).
   */
  stoppedOn: 'replace' | 'folder' | null;
  conflicts: string[];
  /**
   * When state is `conflict` and no native dialog exists (the browser harness): a one-time token the
   * renderer echoes to export.jobProceed after the user's yes. Null elsewhere (Electron asks in main).
   */
  confirmToken: string | null;
}

export interface ProjectExportRequest extends ExportSettings {
  name: string;
  folder: string;
}

interface Job {
  status: ExportJobStatus;
  request: ProjectExportRequest;
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Finished jobs kept for their status (a renderer may poll once more after the end). */
const FINISHED_KEPT = 20;

/**
 * Project exports as jobs, so the app can show progress: start returns at
 * once with an id, the export runs in the main process, and the renderer
 * polls its status (the same request/response shape on Electron IPC and the
 * browser harness). The chosen folder stays in here: proceeding after a yes
 * names the job, never the path, so the renderer cannot redirect it.
 */
export class ExportJobs {
  private readonly jobs = new Map<string, Job>();

  constructor(private readonly ctx: CoreContext) {}

  startProject(request: ProjectExportRequest): { jobId: string; folder: string } {
    const target = resolve(request.folder);
    if ([...this.jobs.values()].some((job) => job.status.state === 'running' && resolve(job.request.folder) === target)) {
      // Two writers in one folder would each judge the other's files as foreign (or race on the manifest).
      throw new DossierError('forbidden', `An export into ${request.folder} is still running; wait for it to finish.`);
    }
    const jobId = randomBytes(9).toString('base64url');
    const status: ExportJobStatus = {
      jobId,
      state: 'running',
      folder: request.folder,
      phase: 'rendering',
      done: 0,
      total: 0,
      result: null,
      error: null,
      stoppedOn: null,
      conflicts: [],
      confirmToken: null,
    };
    this.jobs.set(jobId, { status, request });
    const onProgress = (progress: ExportProgress): void => {
      status.phase = progress.phase;
      status.done = progress.done;
      status.total = progress.total;
    };
    // Started on the next turn so the caller always sees the job running first.
    setImmediate(() => {
      exportProject(this.ctx, request, onProgress).then(
        (result) => {
          status.state = 'done';
          status.result = result;
        },
        (error: unknown) => {
          if (error instanceof ExportConflictError) {
            status.state = 'conflict';
            status.stoppedOn = error.kind;
            status.conflicts = error.files;
            // With a native dialog, main asks; without one, the yes travels back as this token.
            status.confirmToken = this.ctx.host?.confirmExport ? null : randomBytes(18).toString('base64url');
          } else status.state = 'failed';
          status.error =
            error instanceof DossierError ? error.toData() : { code: 'internal', message: error instanceof Error ? error.message : String(error) };
        },
      ).finally(() => this.forgetOldJobs());
    });
    return { jobId, folder: request.folder };
  }

  status(jobId: string): ExportJobStatus {
    const job = this.jobs.get(jobId);
    if (!job) throw new DossierError('not_found', `No export job ${jobId} (it may have finished long ago).`);
    return { ...job.status, conflicts: [...job.status.conflicts] };
  }

  /**
   * The user agreed to what the job stopped on: the same export again, into the same folder, now
   * accepting a folder of other files (`folder`) or replacing the listed files (`replace`). Agreeing
   * to the folder does not agree to replacing anything: that would stop and ask again.
   *
   * The yes must come from outside the renderer's say-so where that is possible: in Electron main
   * asks again in a native dialog listing the files (host.confirmExport), so a compromised renderer
   * cannot skip the question. Without a native dialog (the browser harness) the call must echo the
   * one-time token of this conflict. The CLI never gets here: its confirmation is --overwrite.
   */
  async proceed(jobId: string, confirmation?: string): Promise<{ jobId: string; folder: string }> {
    const job = this.jobs.get(jobId);
    if (!job) throw new DossierError('not_found', `No export job ${jobId}.`);
    if (job.status.state !== 'conflict') {
      throw new DossierError('forbidden', 'Only an export that stopped to ask (files it would replace, or a folder of other files) can proceed.');
    }
    const stoppedOn = job.status.stoppedOn ?? 'replace';
    const confirmExport = this.ctx.host?.confirmExport;
    if (confirmExport) {
      if (!(await confirmExport({ folder: job.status.folder, files: [...job.status.conflicts], stoppedOn }))) {
        throw new DossierError('forbidden', 'The export was not confirmed: nothing was written.');
      }
    } else if (confirmation === undefined || job.status.confirmToken === null || !sameToken(confirmation, job.status.confirmToken)) {
      throw new DossierError('forbidden', 'Proceeding needs the confirmation of the dialog that showed these files: nothing was written.');
    }
    if (this.jobs.get(jobId) !== job) throw new DossierError('not_found', `No export job ${jobId}.`); // proceeded meanwhile
    this.jobs.delete(jobId);
    if (job.status.stoppedOn === 'folder') return this.startProject({ ...job.request, askBeforeForeignFolder: false });
    return this.startProject({ ...job.request, overwrite: true });
  }

  private forgetOldJobs(): void {
    const finished = [...this.jobs.values()].filter((j) => j.status.state !== 'running');
    for (const job of finished.slice(0, Math.max(0, finished.length - FINISHED_KEPT))) this.jobs.delete(job.status.jobId);
  }
}
