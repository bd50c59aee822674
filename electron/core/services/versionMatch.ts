import * as repo from '../../../db/repositories/versionMatch';
import type { VersionMatch } from '../../../shared/contract/domains/clip';
import { matchVersion, sameUrl, titleSimilarity, TITLE_MIN, type ClipForMatch } from '../../../shared/clip/versionMatch';
import type { CoreContext } from '../context';

/** Texts compared per clip at most: the articles with the closest titles. */
const TEXTS_COMPARED = 5;

/**
 * The article a clip is probably a changed copy of (shared/clip/versionMatch.ts
 * is the rule): the one at the same address, else the best text match among
 * the few with the closest titles. Reads only; never stores anything.
 */
export function findVersionMatch(ctx: CoreContext, clip: ClipForMatch): VersionMatch | null {
  const candidates = repo.matchCandidates(ctx.db);
  const byUrl = candidates.find((article) => sameUrl(clip.url, article.canonicalUrl));
  if (byUrl) return { articleId: byUrl.id, title: byUrl.title, reason: 'url', similarity: 1 };
  const closest = candidates
    .map((article) => ({ article, score: titleSimilarity(clip.title, article.title) }))
    .filter(({ score }) => score >= TITLE_MIN)
    .sort((a, b) => b.score - a.score)
    .slice(0, TEXTS_COMPARED);
  let best: VersionMatch | null = null;
  for (const { article } of closest) {
    const text = repo.latestText(ctx.db, article.id);
    if (text === undefined) continue;
    const match = matchVersion(clip, { url: article.canonicalUrl, title: article.title, text });
    if (match && (!best || match.similarity > best.similarity)) best = { articleId: article.id, title: article.title, ...match };
  }
  return best;
}
