import { join } from 'node:path';
import { startDossier } from './app';

// Bundled to dist/electron/main.cjs, beside preload.cjs and clipWorker.cjs; the renderer is built to dist/renderer.
startDossier({
  rendererDir: join(__dirname, '..', 'renderer'),
  preloadPath: join(__dirname, 'preload.cjs'),
  clipWorker: join(__dirname, 'clipWorker.cjs'),
});
