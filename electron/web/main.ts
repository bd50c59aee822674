import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openCore } from '../core/openCore';
import { resolveDbPath } from '../core/paths';
import { readAssetForServing } from '../core/services/assets';
import { startHarness } from './server';
import { startConnectorServer, type ConnectorServer } from '../core/connector/server';
import { DEFAULT_CONNECTOR_PORT } from '../../shared/connector/protocol';

/** `npm run web`: the same app in a browser, for machines without Electron (and for the e2e tests). */
const { values } = parseArgs({
  options: { db: { type: 'string' }, port: { type: 'string' }, 'connector-port': { type: 'string' } },
  allowPositionals: false,
});

const staticDir = fileURLToPath(new URL('../../dist/renderer/', import.meta.url));
if (!existsSync(staticDir)) {
  console.error('The renderer is not built: run `npm run build:renderer` (npm run web does it for you).');
  process.exit(1);
}

const dbPath = resolveDbPath(values.db);
const core = openCore(dbPath);
const status = core.library.status();
if (status.state === 'damaged') {
  console.error(
    `The library is damaged and was set aside (nothing was deleted): ${status.damaged?.movedTo ?? dbPath}\n` +
      (status.newestGoodBackup
        ? `Restore the newest good backup with: dossier db restore "${status.newestGoodBackup.file}" --db "${dbPath}"`
        : 'No good backup was found; `dossier db backups` lists them.'),
  );
}
const harness = await startHarness({
  handlers: core.handlers,
  readAsset: (sha256) => readAssetForServing(core.ctx, sha256),
  staticDir,
  port: values.port ? Number(values.port) : 0,
  logError: (channel, error) => console.error(`[dossier] ${channel} failed:`, error),
  subscribe: (listener) => core.events.subscribe(listener),
});
// Writes by the CLI or another process on the same file reach open pages too.
core.watchExternalChanges();

// The same connector as the desktop app, so the browser extension works against the harness too.
const connectorPort = values['connector-port'] ? Number(values['connector-port']) : DEFAULT_CONNECTOR_PORT;
let connector: ConnectorServer | undefined;
try {
  connector = await startConnectorServer({ ctx: core.ctx, port: connectorPort, logError: (what, error) => console.error(`[dossier] ${what} failed:`, error) });
} catch (error) {
  console.error(`The browser connector could not listen on 127.0.0.1:${connectorPort} (${(error as Error).message}); the extension cannot reach this harness.`);
}

console.log(`Dossier is running in the browser harness.
  database: ${core.ctx.dbPath}
  open:     ${harness.url}
  browser connector: ${connector ? connector.origin : 'off'}
Only this machine can reach it (127.0.0.1), and only with the token in that URL. Ctrl+C stops it.`);

const stop = (): void => {
  void Promise.all([harness.close(), connector?.close()]).then(() => {
    core.close();
    process.exit(0);
  });
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
