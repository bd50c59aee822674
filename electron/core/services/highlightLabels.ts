import * as passages from '../../../db/repositories/passages';
import type { HighlightLabel, Passage } from '../../../shared/domain/passage';
import { DossierError } from '../../../shared/errors';
import { DEFAULT_HIGHLIGHT_LABELS, labelSet, parseComment, parseLabel } from '../../../shared/highlights/labels';
import type { CoreContext } from '../context';
import { announced } from '../events';
import { passageOrThrow } from './passages';

/**
 * A highlight's label and comment (issue #12). A label is checked and
 * normalized by the shared rule; a new one joins the library's set in the
 * same transaction. Annotating a passage that is not highlighted highlights it
 * (yellow): a label or comment belongs to a highlight.
 */
export function annotateHighlight(ctx: CoreContext, input: { passageId: number; label?: string | null | undefined; comment?: string | null | undefined }): Passage {
  const label = input.label === undefined ? undefined : input.label === null || input.label.trim() === '' ? null : checked(parseLabel(input.label));
  const comment = input.comment === undefined || input.comment === null ? input.comment : checked(parseComment(input.comment));
  const passage = ctx.db.transaction(() => {
    const before = passageOrThrow(ctx.db, input.passageId);
    const now = ctx.now();
    if (before.highlight === null) passages.setHighlight(ctx.db, before.id, 'yellow', now);
    if (label) passages.addHighlightLabel(ctx.db, label, now);
    passages.annotateHighlight(ctx.db, before.id, { label, comment });
    return passages.getPassage(ctx.db, before.id)!;
  })();
  return announced(ctx, { type: 'passages.changed', passages: [{ id: passage.id, status: passage.anchor.status }] }, passage);
}

/** The label set: the defaults, the journalist's own, and any other label still in use (say, from an archive). */
export function highlightLabels(ctx: CoreContext): HighlightLabel[] {
  const { added, counts } = passages.highlightLabelUse(ctx.db);
  const builtIn = new Set(DEFAULT_HIGHLIGHT_LABELS);
  return labelSet([...added, ...counts.keys()]).map((name) => ({ name, builtIn: builtIn.has(name), count: counts.get(name) ?? 0 }));
}

function checked<T>(parsed: { ok: true; value: T } | { ok: false; message: string }): T {
  if (!parsed.ok) throw new DossierError('invalid_input', parsed.message);
  return parsed.value;
}
