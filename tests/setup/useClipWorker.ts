import { inject } from 'vitest';
import { configureExtractionPool } from '../../electron/core/clip/extractionPool';
import './buildClipWorker';

// The worker bundled once by ./buildClipWorker.ts (vitest globalSetup), as Electron main configures its prebuilt one.
configureExtractionPool({ script: inject('clipWorkerScript') });
