import type { FactsChannel } from '../../../shared/contract/channelNames';
import type { CoreContext } from '../context';
import * as facts from '../services/facts';
import { factsBackfillStatus, startFactsBackfill } from '../services/factsBackfill';
import { exportProjectFacts } from '../services/factsExport';
import { projectConflicts, projectSpeakers, projectTimeline } from '../services/factsViews';
import type { HandlersFor } from './types';

export function factsHandlers(ctx: CoreContext): HandlersFor<FactsChannel> {
  return {
    'facts.ofArticle': ({ articleId, versionId }) => facts.articleFacts(ctx, articleId, versionId),
    'facts.quoteIntoNote': (input) => facts.quoteFactIntoNote(ctx, input),
    'facts.speakers': ({ project }) => projectSpeakers(ctx, project),
    'facts.timeline': ({ project }) => projectTimeline(ctx, project),
    'facts.conflicts': ({ project }) => projectConflicts(ctx, project),
    'facts.exportProject': ({ project, format }) => exportProjectFacts(ctx, project, format),
    'facts.backfillStatus': () => factsBackfillStatus(ctx),
    'facts.backfillStart': () => startFactsBackfill(ctx),
  };
}
