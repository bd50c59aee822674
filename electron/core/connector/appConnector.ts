import { DEFAULT_CONNECTOR_PORT } from '../../../shared/connector/protocol';
import type { CoreContext } from '../context';
import { startConnectorServer, type ConnectorServer } from './server';

/**
 * Starts the browser connector for the desktop app: on DEFAULT_CONNECTOR_PORT,
 * or $DOSSIER_CONNECTOR_PORT (a number, or "off"). A port already taken (a
 * second Dossier, the harness) is reported and the app runs on without it:
 * the extension then keeps its captures queued until a connector answers.
 */
export async function startAppConnector(ctx: CoreContext, env: NodeJS.ProcessEnv = process.env, log: (message: string) => void = console.error): Promise<ConnectorServer | undefined> {
  const setting = env.DOSSIER_CONNECTOR_PORT?.trim();
  if (setting === 'off') return undefined;
  const port = setting && /^\d{1,5}$/.test(setting) && Number(setting) < 65536 ? Number(setting) : DEFAULT_CONNECTOR_PORT;
  try {
    return await startConnectorServer({ ctx, port, logError: (what, error) => log(`[dossier] ${what} failed: ${String(error)}`) });
  } catch (error) {
    log(`[dossier] the browser connector could not listen on 127.0.0.1:${port} (${(error as Error).message}); the extension will queue its captures.`);
    return undefined;
  }
}
