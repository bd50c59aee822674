import { afterEach, describe, expect, it } from 'vitest';
import { startAppConnector } from '../../../electron/core/connector/appConnector';
import { makeTestCore } from '../../helpers/core';

describe('the app starts its connector', () => {
  let core: ReturnType<typeof makeTestCore>;
  afterEach(() => core.close());

  it('on the port $DOSSIER_CONNECTOR_PORT names, not at all when "off", and runs on (reporting why) when the port is taken', async () => {
    core = makeTestCore();
    const logs: string[] = [];
    expect(await startAppConnector(core.ctx, { DOSSIER_CONNECTOR_PORT: 'off' }, (m) => logs.push(m))).toBeUndefined();
    const first = await startAppConnector(core.ctx, { DOSSIER_CONNECTOR_PORT: '0' }, (m) => logs.push(m));
    expect(first?.port).toBeGreaterThan(0);
    const second = await startAppConnector(core.ctx, { DOSSIER_CONNECTOR_PORT: String(first!.port) }, (m) => logs.push(m));
    expect(second).toBeUndefined();
    expect(logs).toEqual([expect.stringMatching(new RegExp(`could not listen on 127\\.0\\.0\\.1:${first!.port} .*EADDRINUSE.*queue its captures`))]);
    await first!.close();
  });
});
