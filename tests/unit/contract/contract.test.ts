import { mkdirSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNEL_NAMES } from '../../../shared/contract/channelNames';
import { CHANNELS, contract, type Channel } from '../../../shared/contract/channels';
import { connectorState } from '../../../electron/core/connector/state';
import { dispatch } from '../../../electron/core/dispatch';
import { createHandlers } from '../../../electron/core/handlers';
import { importPlainTextArticles } from '../../../electron/core/services/articleImport';
import { makeTestCore } from '../../helpers/core';
import { storeVersionFacts } from '../../../electron/core/services/facts';
import { getVersionContent } from '../../../db/repositories/articles';

/** Payloads no channel accepts: wrong shapes, wrong types, and unknown keys on every channel. */
function malformedInputsFor(channel: Channel): unknown[] {
  const common: unknown[] = [null, 42, 'text', [], [{}], true, { __proto__: null, extra: 1 }, { unexpected: 'key' }];
  const specific: Record<Channel, unknown[]> = {
    'notes.list': [],
    'notes.get': [{}, { id: '1' }, { id: -1 }, { id: 0 }, { id: 1.5 }, { id: Number.MAX_SAFE_INTEGER + 2 }, { id: 1, x: 1 }],
    'notes.create': [{ title: 7 }, { title: 'x'.repeat(501) }, { title: null }],
    'notes.rename': [{ id: 1 }, { title: 'x' }, { id: 1, title: 3 }, { id: 'a', title: 'b' }],
    'notes.save': [{ id: 1 }, { contentJson: '{}' }, { id: 1, contentJson: 5 }, { id: 1, contentJson: '' }, { id: 1, contentJson: '{}', text: 'x' }],
    'notes.delete': [{}, { id: 'x' }, { id: [] }],
    'articles.list': [],
    'articles.get': [{}, { id: 'x' }, { id: 0 }],
    'articles.content': [{}, { id: 1 }, { versionId: -3 }],
    'db.check': [],
    'clip.preview': [{}, { source: { kind: 'file', name: 'a.html' } }, { source: { kind: 'file', name: 'a.html', dataBase64: '***' } }, { source: { kind: 'paste', format: 'html', content: '' } }, { source: { kind: 'url', url: 'javascript:alert(1)' } }, { source: { kind: 'disk', path: '/etc/passwd' } }],
    'clip.save': [{}, { inputs: [] }, { inputs: [{ kind: 'file', name: '', dataBase64: '' }] }, { inputs: [{ kind: 'paste', format: 'rtf', content: 'x' }] }, { inputs: [{ kind: 'url', url: 'file:///etc/passwd' }] }],
    'clip.files': [{}, { paths: [] }, { paths: [''] }, { paths: 'a.html' }],
    'clip.pickFiles': [],
    'clip.chooseFiles': [],
    'clip.chosenFile': [{}, { batch: '', index: 0 }, { batch: 'x', index: -1 }, { batch: 'x', index: 1.5 }, { batch: 'x'.repeat(101), index: 0 }],
    'clip.pending': [],
    'clip.fetchPending': [{ ids: [] }, { ids: [0] }, { ids: 'all' }],
    'clip.removePending': [{}, { ids: [] }, { ids: [-1] }, { id: 1 }],
    'articles.updateMetadata': [{}, { id: 1, title: '' }, { id: 1, publishedAt: 'yesterday' }, { id: 1, publishedAt: '2025-02-30' }, { id: 1, modifiedAt: '2025-13-01' }, { id: 1, authors: 'x' }, { id: 1, canonicalUrl: 'javascript:x' }, { title: 'x' }],
    'articles.delete': [{}, { id: 'x' }],
    'articles.originalText': [{}, { versionId: 0 }],
    'passages.create': [{}, { versionId: 1 }, { versionId: 1, start: -1, end: 2 }, { versionId: 1, start: 0, end: 1.5 }, { versionId: 1, start: 0, end: 1, note: 1 }],
    'passages.highlight': [{ versionId: 1, start: 0 }, { versionId: 1, start: 0, end: 1, color: 'red' }],
    'passages.setHighlight': [{ passageId: 1 }, { passageId: 1, color: 'red' }, { color: null }],
    'passages.get': [{}, { id: 'x' }],
    'passages.forVersion': [{}, { versionId: 0 }],
    'passages.find': [{ articleId: 1 }, { articleId: 1, text: '' }, { text: 'x' }],
    'passages.quoteIntoNote': [{}, { passageId: 1, kind: 'aside' }, { passageId: 1, noteId: 'x' }],
    'passages.quotesOfNote': [{}, { noteId: -1 }],
    'passages.annotate': [{}, { passageId: 1, label: 3 }, { passageId: 1, comment: 'x'.repeat(100_001) }, { passageId: 1, color: 'red' }],
    'passages.labels': [{ all: true }],
    'export.noteMarkdown': [{}, { id: 1, citationStyle: 'chicago' }, { id: 1, obsidian: 'yes' }],
    'export.note': [{ id: 1 }, { file: '/tmp/x.md' }, { id: 1, file: '' }, { id: 1, file: 'a\u0000b' }, { id: 1, file: '/x', overwrite: 1 }],
    'export.noteToChosenFile': [{}, { id: 1, file: '/tmp/x.md' }, { id: 'x' }],
    'export.notes': [{ folder: '/tmp/x' }, { noteIds: [], folder: '/tmp/x' }, { noteIds: [1] }, { noteIds: ['1'], folder: '/tmp/x' }],
    'export.project': [{ name: '' , folder: '/tmp/x' }, { name: 'p' }, { name: 'p', folder: '/tmp/x', includeSources: 'no' }],
    'export.archive': [{}, { file: 3 }, { file: '' }],
    'export.importArchive': [{}, { file: null }, { file: '/x', overwrite: true }],
    'export.projectStart': [{}, { name: '' }, { name: 'p', folder: '' }, { name: 'p', overwrite: true }, { name: 'p', citationStyle: 'apa' }],
    'export.jobStatus': [{}, { jobId: '' }, { jobId: '../../etc' }, { jobId: 5 }],
    'export.jobProceed': [{}, { jobId: 'short' }, { jobId: 'a b c d e f g h' }],
    'export.archiveToChosenFile': [{ file: '/tmp/x.gz' }, { overwrite: true }],
    'export.importArchivePreview': [{ file: '' }, { file: 7 }, { file: '/x', confirm: true }],
    'export.importArchiveConfirm': [{}, { token: '' }, { file: '/tmp/x.gz' }],
    'export.copyNoteMarkdown': [{}, { id: 0 }, { id: 1, text: 'x' }, { id: 1, citationStyle: 'endnotes' }],
    'export.copyText': [{}, { text: '' }, { text: 5 }, { text: 'x', id: 1 }, { text: 'x'.repeat(1_000_001) }],
    'search.query': [{}, { query: 5 }, { query: null }, { query: 'x', limit: -1 }, { query: 'x', limit: 201 }, { query: 'x', limit: 1.5 }, { query: 'x'.repeat(100_001) }],
    'projects.list': [],
    'projects.get': [{}, { id: 'one' }, { id: 0 }],
    'projects.create': [{}, { name: '' }, { name: '   ' }, { name: 'x'.repeat(201) }, { name: 3 }],
    'projects.rename': [{ id: 1 }, { name: 'x' }, { id: 1, name: '' }],
    'projects.delete': [{}, { id: -3 }],
    'projects.addItems': [{ projectId: 1 }, { projectId: 1, items: [] }, { projectId: 1, items: [{ type: 'passage', id: 1 }] }, { projectId: 1, items: [{ type: 'note', id: 0 }] }, { projectId: 1, items: [{ type: 'note', id: 1, x: 1 }] }],
    'projects.removeItems': [{ projectId: 1, items: {} }, { items: [{ type: 'note', id: 1 }] }],
    'projects.ofItem': [{}, { item: { type: 'passage', id: 1 } }, { item: { type: 'note', id: 0 } }, { item: { type: 'note', id: 1, x: 1 } }],
    'tags.list': [],
    'tags.add': [{ name: 'x' }, { name: '', items: [{ type: 'note', id: 1 }] }, { name: 'x'.repeat(101), items: [{ type: 'note', id: 1 }] }, { name: 'x', items: [{ type: 'note' }] }],
    'tags.remove': [{ items: [{ type: 'note', id: 1 }] }, { name: 'x', items: 'all' }],
    'tags.ofItem': [{}, { item: { type: 'project', id: 1 } }, { item: { type: 'note', id: '1' } }],
    'projects.merge': [{}, { sourceId: 1 }, { sourceId: 0, targetId: 1 }, { sourceId: '1', targetId: 2 }],
    'tags.rename': [{ id: 1 }, { id: 1, name: '' }, { id: 0, name: 'x' }, { id: 1, name: 'x'.repeat(101) }],
    'tags.merge': [{}, { targetId: 1 }, { sourceId: 1, targetId: -1 }],
    'tags.delete': [{}, { id: 'x' }, { name: 'x' }],
    'library.setArticleState': [{ ids: [1] }, { ids: [], starred: true }, { ids: [1], readingState: 'deleted' }, { ids: [1], starred: 'yes' }, { ids: ['1'], starred: true }],
    'library.listIds': [{}, { scope: { kind: 'view', view: 'trash' } }, { scope: { kind: 'project' } }, { scope: { kind: 'view', view: 'all' }, sort: 'rank' }, { scope: { kind: 'tag', name: ' ' } }, { scope: { kind: 'view', view: 'all' }, filter: 'x'.repeat(501) }],
    'library.rows': [{ ids: [] }, { ids: [0] }, { ids: Array.from({ length: 501 }, (_, i) => i + 1) }],
    'library.deleteImpact': [{ ids: [] }, { ids: ['1'] }],
    'library.deleteArticles': [{}, { ids: [] }, { ids: [-1] }],
    'library.moveToProject': [{ ids: [1], fromProjectId: 1, toProjectId: 1 }, { ids: [1], toProjectId: 2 }, { ids: [], fromProjectId: 1, toProjectId: 2 }],
    'library.scopeNotes': [{ scope: { kind: 'view', view: 'all' } }, { scope: { kind: 'tag' } }],
    'library.projectQuotes': [{ projectId: 0 }, {}],
    'library.viewCounts': [{ view: 'all' }],
    'db.status': [],
    'db.backups.list': [],
    'db.backup': [{ out: 'relative.sqlite' }, { out: '/tmp/x.txt' }, { out: 5 }, { out: '/tmp/a\0b.sqlite' }],
    'db.restore': [{}, { file: '' }, { file: 'relative.sqlite' }, { file: 7 }, { file: '/tmp/x.sqlite', force: true }],
    'db.startEmpty': [],
    'import.files': [{}, { paths: [] }, { paths: [''] }, { paths: 'notes.md' }, { paths: ['a.md'], project: '' }, { paths: ['a.md'], project: 5 }],
    'facts.ofArticle': [{}, { articleId: 0 }, { articleId: '1' }, { articleId: 1, versionId: -1 }],
    'facts.quoteIntoNote': [{}, { factId: 0 }, { factId: 1, kind: 'aside' }, { factId: 1, noteId: 'x' }],
    'facts.speakers': [{}, { project: '' }, { project: 5 }, { project: 'x'.repeat(501) }],
    'facts.timeline': [{}, { project: '  ' }, { project: null }],
    'facts.conflicts': [{}, { project: '' }, { project: [] }],
    'facts.exportProject': [{}, { project: 'p' }, { project: 'p', format: 'pdf' }, { project: '', format: 'csv' }],
    'facts.backfillStatus': [],
    'facts.backfillStart': [],
    'trash.list': [{ x: 1 }],
    'trash.restore': [{}, { items: [] }, { items: [{ type: 'passage', id: 1 }] }, { items: [{ type: 'note', id: 0 }] }],
    'trash.deletePermanently': [{}, { items: [] }, { items: [{ type: 'note' }] }, { items: 'all' }],
    'trash.empty': [{ force: true }],
    'trash.settings': [{ retentionDays: 0 }, { retentionDays: 1.5 }, { retentionDays: 100000 }, { retentionDays: '30' }],
    'connector.startPairing': [{ code: '123456' }],
    'connector.setCurrentNote': [{}, { noteId: 0 }, { noteId: '1' }, { noteId: -1 }],
    'connector.claimQuote': [{}, { requestId: 'x' }, { requestId: 1 }],
    'connector.quoteInserted': [{}, { requestId: '../1' }, { requestId: null }],
    'connector.pairedExtensions': [{ all: true }],
    'connector.revoke': [{}, { id: 'ABCDEF0123456789' }, { id: '../../tokens' }],
  };
  return [...common, ...specific[channel]];
}

describe('the contract', () => {
  let core: ReturnType<typeof makeTestCore>;
  beforeEach(() => {
    // The host capabilities stand in for the Electron dialog (the only mocked boundary) and the CLI's path access.
    core = makeTestCore(undefined, {
      allowPathInputs: true,
      pickFiles: async () => [],
      chooseSaveFile: async ({ defaultName }) => core.dir.file(`chosen-${defaultName}`),
      chooseExportFolder: async () => core.dir.file('chosen-folder'),
      chooseOpenFile: async () => undefined,
      writeClipboard: () => undefined,
    });
  });
  afterEach(() => core.close());

  it('has a handler for every channel and a channel for every handler', () => {
    const handlers = createHandlers(core.ctx);
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(contract).sort());
    for (const handler of Object.values(handlers)) expect(typeof handler).toBe('function');
  });

  it('lists the same channels as the schema-free name list the preload uses', () => {
    expect([...CHANNEL_NAMES].sort()).toEqual([...CHANNELS].sort());
  });

  it.each(CHANNELS)('%s rejects malformed input as invalid_input, without touching the database', async (channel) => {
    const before = core.ctx.db.prepare('SELECT count(*) AS n, total(revision) AS r FROM notes').get();
    for (const input of malformedInputsFor(channel)) {
      const result = await dispatch(core.handlers, channel, input);
      expect(result, `${channel} accepted ${JSON.stringify(input)}`).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    expect(core.ctx.db.prepare('SELECT count(*) AS n, total(revision) AS r FROM notes').get()).toEqual(before);
  });

  it.each(CHANNELS)('%s returns output that matches its declared schema', async (channel) => {
    const note = await dispatch(core.handlers, 'notes.create', { title: 'probe' });
    const id = (note as { value: { id: number } }).value.id;
    const page = '<html><head><title>Probe</title></head><body><article><h1>Probe</h1><p>A probe article with enough words to be read as an article by the extractor, clipped for the contract test.</p></article></body></html>';
    const clipped = await dispatch(core.handlers, 'clip.save', { inputs: [{ kind: 'paste', format: 'html', content: page }] });
    const clip = (clipped as { value: { results: { articleId: number; versionId: number }[] } }).value.results[0]!;
    const passage = await dispatch(core.handlers, 'passages.create', { versionId: clip.versionId, start: 0, end: 5 });
    const passageId = (passage as { value: { id: number } }).value.id;
    writeFileSync(core.dir.file('probe.txt'), 'Probe title\nA probe paragraph of plain text, clipped by path.\n');
    const project = await dispatch(core.handlers, 'projects.create', { name: 'Probe project' });
    const projectId = (project as { value: { id: number } }).value.id;
    const articleId = importPlainTextArticles(core.ctx, [{ title: 'Probe article', text: 'Some text.' }]).results[0]!.articleId;
    const probeTagId = ((await dispatch(core.handlers, 'tags.add', { name: 'probe', items: [{ type: 'note', id }] })) as { value: { tag: { id: number } } }).value.tag.id;
    // A fact written by hand (the extractor is not what this test is about).
    storeVersionFacts(core.ctx.db, { versionId: clip.versionId, text: getVersionContent(core.ctx.db, clip.versionId)!.text, facts: { quotes: [{ text: 'probe', source: 'Probe', speaker: 'Probe', cue: 'said', anonymous: false, start: 0, end: 5 }], entities: [], figures: [], dates: [] }, now: core.ctx.now() });
    const factId = (core.ctx.db.prepare('SELECT id FROM facts LIMIT 1').get() as { id: number }).id;
    const valid: Record<Channel, unknown> = {
      'notes.list': {},
      'notes.get': { id },
      'notes.create': { title: 'another' },
      'notes.rename': { id, title: 'renamed' },
      'notes.save': { id, contentJson: JSON.stringify({ root: { type: 'root', children: [] } }) },
      'notes.delete': { id },
      'articles.list': {},
      'articles.get': { id: clip.articleId },
      'articles.content': { versionId: clip.versionId },
      'db.check': {},
      'clip.preview': { source: { kind: 'paste', format: 'html', content: page } },
      'clip.save': { inputs: [{ kind: 'file', name: 'probe.html', dataBase64: Buffer.from(page.replace('probe article', 'second probe article')).toString('base64') }] },
      'clip.files': { paths: [core.dir.file('probe.txt')] },
      'clip.pickFiles': {},
      'clip.chooseFiles': {},
      'clip.chosenFile': { batch: 'none', index: 0 },
      'clip.pending': {},
      'clip.fetchPending': {},
      'clip.removePending': { ids: [core.ctx.db.prepare(`INSERT INTO pending_clips (url, status, attempts, created_at, updated_at) VALUES ('https://example.com/a', 'pending', 1, '2026-01-01', '2026-01-01')`).run().lastInsertRowid as number] },
      'articles.updateMetadata': { id: clip.articleId, title: 'Edited', authors: ['A. Writer'] },
      'articles.delete': { id: clip.articleId },
      'articles.originalText': { versionId: clip.versionId },
      'passages.create': { versionId: clip.versionId, start: 0, end: 5 },
      'passages.highlight': { versionId: clip.versionId, start: 2, end: 9 },
      'passages.setHighlight': { passageId, color: null },
      'passages.get': { id: passageId },
      'passages.forVersion': { versionId: clip.versionId },
      'passages.find': { articleId: clip.articleId, text: 'probe article' },
      'passages.quoteIntoNote': { passageId, noteId: id },
      'passages.quotesOfNote': { noteId: id },
      'passages.annotate': { passageId, label: 'verify', comment: 'Call the office' },
      'passages.labels': {},
      'export.noteMarkdown': { id },
      'export.note': { id, file: core.dir.file('note.md') },
      'export.noteToChosenFile': { id },
      'export.notes': { noteIds: [id], folder: core.dir.file('out') },
      'export.project': { name: 'Probe project', folder: core.dir.file('project') },
      'export.archive': { file: core.dir.file('library.dossier-archive') },
      'export.importArchive': { file: core.dir.file('empty.dossier-archive') },
      'export.projectStart': { name: 'Probe project', folder: core.dir.file('job-project') },
      'export.jobStatus': { jobId: 'set below' },
      'export.jobProceed': { jobId: 'set below' },
      'export.archiveToChosenFile': {},
      'export.importArchivePreview': { file: core.dir.file('empty.dossier-archive') },
      'export.importArchiveConfirm': { token: 'set below' },
      'export.copyNoteMarkdown': { id },
      'export.copyText': { text: '“A quote” — Author' },
      'search.query': { query: 'probe OR text tag:probe' },
      'projects.list': {},
      'projects.get': { id: projectId },
      'projects.create': { name: 'Another project' },
      'projects.rename': { id: projectId, name: 'Renamed project' },
      'projects.delete': { id: projectId },
      'projects.addItems': { projectId, items: [{ type: 'note', id }, { type: 'article', id: articleId }] },
      'projects.removeItems': { projectId, items: [{ type: 'note', id }] },
      'projects.ofItem': { item: { type: 'article', id: articleId } },
      'tags.list': {},
      'tags.add': { name: 'sources', items: [{ type: 'article', id: articleId }] },
      'tags.remove': { name: 'probe', items: [{ type: 'note', id }] },
      'tags.ofItem': { item: { type: 'note', id } },
      'projects.merge': { sourceId: projectId, targetId: (await dispatch(core.handlers, 'projects.create', { name: 'Merge target' }) as { value: { id: number } }).value.id },
      'tags.rename': { id: probeTagId, name: 'checked' },
      'tags.merge': { sourceId: probeTagId, targetId: (await dispatch(core.handlers, 'tags.add', { name: 'merge-target', items: [{ type: 'note', id }] }) as { value: { tag: { id: number } } }).value.tag.id },
      'tags.delete': { id: probeTagId },
      'library.setArticleState': { ids: [articleId], readingState: 'read', starred: true },
      'library.listIds': { scope: { kind: 'view', view: 'all' }, sort: 'title', direction: 'asc', filter: 'probe' },
      'library.rows': { ids: [articleId, clip.articleId] },
      'library.deleteImpact': { ids: [clip.articleId] },
      'library.deleteArticles': { ids: [articleId] },
      'library.moveToProject': { ids: [articleId], fromProjectId: projectId, toProjectId: (await dispatch(core.handlers, 'projects.create', { name: 'Move target' }) as { value: { id: number } }).value.id },
      'library.scopeNotes': { scope: { kind: 'tag', name: 'probe' } },
      'library.projectQuotes': { projectId },
      'library.viewCounts': {},
      'db.status': {},
      'db.backups.list': {},
      'db.backup': {},
      'db.restore': { file: '' },
      // Only allowed while the library is damaged: its success path is covered in tests/unit/durability.
      'db.startEmpty': {},
      'import.files': { paths: [core.dir.file('probe.txt')], project: 'Probe project' },
      'facts.ofArticle': { articleId: clip.articleId },
      'facts.quoteIntoNote': { factId, noteId: id },
      'facts.speakers': { project: 'Probe project' },
      'facts.timeline': { project: 'Probe project' },
      'facts.conflicts': { project: 'Probe project' },
      'facts.exportProject': { project: 'Probe project', format: 'csv' },
      'facts.backfillStatus': {},
      'facts.backfillStart': {},
      'trash.list': {},
      'trash.restore': { items: [{ type: 'note', id }] },
      'trash.deletePermanently': { items: [{ type: 'note', id }] },
      'trash.empty': {},
      'trash.settings': { retentionDays: 14 },
      'connector.startPairing': {},
      'connector.setCurrentNote': { noteId: null },
      'connector.claimQuote': { requestId: '00000000-0000-4000-8000-000000000000' },
      'connector.quoteInserted': { requestId: '00000000-0000-4000-8000-000000000000' },
      'connector.pairedExtensions': {},
      'connector.revoke': { id: '0000000000000000' },
    };
    if (channel === 'connector.revoke') {
      const pairing = connectorState(core.ctx).pairing;
      pairing.pair(pairing.start().code, { origin: 'chrome-extension://ogpjhnhbebbpejicmnofonhcaalgjeli', name: 'Probe' });
      valid[channel] = { id: pairing.list()[0]!.id };
    }
    if (channel === 'connector.claimQuote') {
      // A quote is waiting only while the core offers one to an open editor (a browser quote).
      const offered = new Promise<string>((resolve) => {
        const stop = core.ctx.events!.subscribe((event) => {
          if (event.type !== 'note.quoteWaiting') return;
          stop();
          resolve(event.requestId);
        });
      });
      void connectorState(core.ctx).liveQuotes.offer(core.ctx, { noteId: id, passageId: 1, text: 'probe', kind: 'block' });
      valid[channel] = { requestId: await offered };
    }
    // Only what is in the trash can be restored or deleted for good.
    if (channel === 'trash.restore' || channel === 'trash.deletePermanently') await dispatch(core.handlers, 'notes.delete', { id });
    if (channel === 'db.restore') {
      const backup = await dispatch(core.handlers, 'db.backup', {});
      valid[channel] = { file: (backup as { value: { file: string } }).value.file };
    }
    if (channel === 'export.jobStatus' || channel === 'export.jobProceed') {
      // A job that stops on a file Dossier did not write: the state export.jobProceed exists for.
      mkdirSync(core.dir.file('job-conflict'), { recursive: true });
      writeFileSync(core.dir.file('job-conflict/index.md'), 'mine');
      const started = await dispatch(core.handlers, 'export.projectStart', { name: 'Probe project', folder: core.dir.file('job-conflict') });
      const jobId = (started as { value: { jobId: string } }).value.jobId;
      await vi.waitFor(async () => expect(await dispatch(core.handlers, 'export.jobStatus', { jobId })).toMatchObject({ value: { state: 'conflict' } }));
      const { confirmToken } = ((await dispatch(core.handlers, 'export.jobStatus', { jobId })) as { value: { confirmToken: string } }).value;
      valid[channel] = channel === 'export.jobProceed' ? { jobId, confirmation: confirmToken } : { jobId };
    }
    let target = core;
    if (channel === 'clip.chosenFile') {
      // A batch exists only after the dialog: one whose stand-in chooses the probe file.
      target = makeTestCore(undefined, { pickFiles: async () => [core.dir.file('probe.txt')] });
      const chosen = await dispatch(target.handlers, 'clip.chooseFiles', {});
      valid[channel] = { batch: (chosen as { value: { batch: string } }).value.batch, index: 0 };
    }
    if (channel === 'export.importArchive' || channel === 'export.importArchivePreview' || channel === 'export.importArchiveConfirm') {
      // Import needs an empty library: archive one empty library and import it into another.
      const source = makeTestCore();
      await dispatch(source.handlers, 'export.archive', { file: core.dir.file('empty.dossier-archive') });
      source.close();
      target = makeTestCore();
      if (channel === 'export.importArchiveConfirm') {
        const preview = await dispatch(target.handlers, 'export.importArchivePreview', { file: core.dir.file('empty.dossier-archive') });
        valid[channel] = { token: (preview as { value: { token: string } }).value.token };
      }
    }
    const result = await dispatch(target.handlers, channel, valid[channel]);
    if (target !== core) target.close();
    if (channel === 'db.startEmpty') {
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      return;
    }
    expect(result.ok, JSON.stringify(result)).toBe(true);
    if (result.ok) expect(contract[channel].output.safeParse(result.value).success).toBe(true);
  });
});
