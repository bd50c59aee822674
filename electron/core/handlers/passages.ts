import type { PassagesChannel } from '../../../shared/contract/channelNames';
import type { CoreContext } from '../context';
import { quoteIntoNote } from '../services/noteQuotes';
import { annotateHighlight, highlightLabels } from '../services/highlightLabels';
import * as passages from '../services/passages';
import type { HandlersFor } from './types';

export function passagesHandlers(ctx: CoreContext): HandlersFor<PassagesChannel> {
  return {
    'passages.create': (input) => passages.createPassage(ctx, input),
    'passages.highlight': (input) => passages.highlightSelection(ctx, input),
    'passages.setHighlight': ({ passageId, color }) => passages.setHighlight(ctx, passageId, color),
    'passages.get': ({ id }) => passages.getPassage(ctx, id),
    'passages.forVersion': ({ versionId }) => passages.passagesForVersion(ctx, versionId),
    'passages.find': ({ articleId, text }) => passages.findPassage(ctx, articleId, text),
    'passages.quoteIntoNote': (input) => quoteIntoNote(ctx, input),
    'passages.quotesOfNote': ({ noteId }) => passages.quotesOfNote(ctx, noteId),
    'passages.annotate': (input) => annotateHighlight(ctx, input),
    'passages.labels': () => highlightLabels(ctx),
  };
}
