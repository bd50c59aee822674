import { afterEach, describe, expect, it, vi } from 'vitest';
import { CONTROL_CHANNELS } from '../../../shared/contract/api';
import { ChangeEvent } from '../../../shared/contract/events';
import { runCli } from '../../helpers/runCli';
import { bootApp, type BootedApp } from './bootApp';

// electron/main runs here on the `electron` test double: the Electron binary cannot be downloaded on this machine.
vi.mock('electron', () => import('../../helpers/electronDouble'));

let booted: BootedApp | undefined;
afterEach(async () => {
  await booted?.cleanup();
  booted = undefined;
});

const pushed = (app: BootedApp) => app.contents.sent.filter((m) => m.channel === CONTROL_CHANNELS.changeEvent).map((m) => ChangeEvent.parse(m.args[0]));

describe('change events reach the window on one IPC channel', () => {
  it('pushes the events of a write made through IPC', async () => {
    booted = await bootApp();
    const created = (await booted.contents.rendererInvoke('notes.create', { title: 'Pushed' })) as { ok: true; value: { id: number } };
    expect(pushed(booted)).toEqual([{ type: 'notes.changed', origin: 'core', noteIds: [created.value.id], change: 'created' }]);
  });

  it('pushes a generic external change when the CLI writes to the same library, within the poll period', async () => {
    booted = await bootApp();
    const app = booted;
    expect((await runCli('notes', 'create', '--title', 'From the terminal', '--db', app.dbPath)).code).toBe(0);
    await vi.waitFor(() => expect(pushed(app).map((e) => e.type)).toContain('library.changed'), { timeout: 2000, interval: 20 });
    expect(pushed(app)).toContainEqual(expect.objectContaining({ type: 'note.saved', origin: 'external' }));
  });
});
