import type { TestProject } from 'vitest/node';
import { workerScriptFromSources } from '../../electron/core/clip/workerScript';

/**
 * Vitest global setup: bundles the clip extraction worker from the sources once for the whole run
 * (as Electron's build ships it prebuilt), instead of once in every test file's process; each file
 * then points the shared pool at it (./useClipWorker.ts). Tests that build their own pool still
 * bundle their own, which is what they test.
 */
export default async function setup(project: TestProject): Promise<void> {
  project.provide('clipWorkerScript', await workerScriptFromSources());
}

declare module 'vitest' {
  export interface ProvidedContext {
    clipWorkerScript: string;
  }
}
