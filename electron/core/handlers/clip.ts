import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import type { ClipChannel } from '../../../shared/contract/channelNames';
import type { ClipSourceInput } from '../../../shared/contract/domains/clip';
import { DossierError } from '../../../shared/errors';
import type { CoreContext } from '../context';
import * as articleService from '../services/articles';
import * as clip from '../services/clip';
import { findVersionMatch } from '../services/versionMatch';
import { removePendingClips } from '../services/pendingClips';
import type { HandlersFor } from './types';

function toSource(input: ClipSourceInput): clip.ClipSource {
  if (input.kind === 'file') return { kind: 'file', name: input.name, bytes: Buffer.from(input.dataBase64, 'base64') };
  if (input.kind === 'paste') return { kind: 'paste', content: input.content, format: input.format };
  return { kind: 'url', url: input.url };
}

/** Files chosen in the native dialog, by batch, until the renderer has clipped them (the last few batches only). */
const KEPT_BATCHES = 8;

export function clipHandlers(ctx: CoreContext): HandlersFor<ClipChannel> {
  const chosen = new Map<string, string[]>();
  // Private-network hosts the user confirmed in this session: later clips and pending re-fetches from them proceed.
  const confirmedHosts = new Set<string>();
  const confirmed = (allowPrivateHost?: string): { allowPrivateHosts: string[] } => {
    if (allowPrivateHost !== undefined) confirmedHosts.add(allowPrivateHost.toLowerCase());
    return { allowPrivateHosts: [...confirmedHosts] };
  };
  return {
    'clip.preview': async ({ source, url, allowPrivateHost }) => {
      const preview = await clip.previewSource(toSource(source), { originalUrl: url ?? null, ...confirmed(allowPrivateHost) });
      return { ...preview, match: findVersionMatch(ctx, { url: preview.url, title: preview.title, text: preview.text }) };
    },
    'clip.save': async ({ inputs, url, attachments, allowPrivateHost, metadata, versionOf }) => ({
      results: await clip.clipMany(ctx, inputs.map(toSource), {
        originalUrl: url ?? null,
        ...confirmed(allowPrivateHost),
        ...(metadata ? { metadataEdit: metadata } : {}),
        ...(versionOf !== undefined ? { versionOf } : {}),
        attachments: clip.attachmentMap((attachments ?? []).map((a) => ({ name: a.name, bytes: Buffer.from(a.dataBase64, 'base64') }))),
      }),
    }),
    'clip.files': async ({ paths, url, project, allowPrivateHost }) => {
      if (!ctx.host?.allowPathInputs) {
        throw new DossierError('forbidden', 'Clipping by path is only available from the command line; choose or drop files instead.');
      }
      const attach = project === undefined ? undefined : clip.projectAttacher(ctx, project);
      const results = await clip.clipPaths(ctx, paths, url ?? null, confirmed(allowPrivateHost));
      if (attach) for (const result of results) if (result.articleId !== null) attach(result.articleId);
      return { results };
    },
    'clip.pickFiles': async () => {
      if (!ctx.host?.pickFiles) throw new DossierError('unsupported', 'No file dialog here: use "Add…" to choose files or drop them onto the window.');
      const paths = await ctx.host.pickFiles();
      return { results: paths.length ? await clip.clipPaths(ctx, paths) : [] };
    },
    'clip.chooseFiles': async () => {
      if (!ctx.host?.pickFiles) throw new DossierError('unsupported', 'No file dialog here: use "Add…" to choose files or drop them onto the window.');
      const paths = await ctx.host.pickFiles();
      const batch = randomUUID();
      if (paths.length) chosen.set(batch, paths);
      for (const old of [...chosen.keys()].slice(0, Math.max(0, chosen.size - KEPT_BATCHES))) chosen.delete(old);
      return { batch, names: paths.map((path) => basename(path)) };
    },
    'clip.chosenFile': async ({ batch, index }) => {
      const path = chosen.get(batch)?.[index];
      if (path === undefined) throw new DossierError('not_found', 'That file is not among the files chosen in the dialog; choose them again.');
      const [result] = await clip.clipPaths(ctx, [path], null, confirmed());
      if (index === chosen.get(batch)!.length - 1) chosen.delete(batch);
      return result!;
    },
    'clip.pending': () => clip.listPending(ctx),
    'clip.fetchPending': async ({ ids }) => ({ results: await clip.fetchPendingClips(ctx, confirmed(), ids) }),
    'clip.removePending': ({ ids }) => removePendingClips(ctx, ids),
    'articles.updateMetadata': ({ id, ...edit }) => articleService.updateMetadata(ctx, id, edit),
    'articles.delete': ({ id }) => articleService.deleteArticle(ctx, id),
    'articles.originalText': ({ versionId }) => clip.originalText(ctx, versionId),
  };
}
