import { nameKey } from '../../shared/facts/keys';
import type { Condition } from './search';

/**
 * How speaker: and entity: values match the facts tables (migration 011).
 * Names are compared as nameKey forms (shared/facts/keys.ts, the form they
 * were stored in) from the start of a word, so `speaker:rubio` finds
 * "Marco Rubio" and `entity:"marco rub"` still finds him.
 */

/** The latest version of the article `articleId` (an SQL expression): facts of older versions stay re-anchored copies. */
export function latestVersionOf(articleId: string): string {
  return `(SELECT v.id FROM article_versions v WHERE v.article_id = ${articleId} ORDER BY v.version_no DESC LIMIT 1)`;
}

/** A word-start match of a bound nameKey value in a key column. */
function startsAWord(column: string): string {
  return `instr(' ' || ${column}, ' ' || ?) > 0`;
}

/** An entity row `alias` named (or aliased) by the value. */
function entityNamed(value: string, alias = 'e'): Condition {
  const key = nameKey(value);
  return {
    sql: `(${startsAWord(`${alias}.name_key`)} OR EXISTS (SELECT 1 FROM json_each(${alias}.aliases) j WHERE ${startsAWord('lower(j.value)')}))`,
    params: [key, key],
  };
}

/** SELECT of the ids of articles whose latest version names the entity. */
export function entityMatchesArticle(value: string): Condition {
  const named = entityNamed(value);
  return { sql: `SELECT e.article_id FROM fact_entities e WHERE ${named.sql} AND e.version_id = ${latestVersionOf('e.article_id')}`, params: named.params };
}

/** A fact row `f` whose resolved speaker is the value. */
export function speakerMatches(value: string): Condition {
  return { sql: `coalesce(${startsAWord('f.speaker_key')}, 0)`, params: [nameKey(value)] };
}

/**
 * A fact row `f` whose words mention the entity (one of its mentions starts
 * inside the fact's span). The entities named so are found once (two
 * uncorrelated subqueries, each a pass over fact_entities); per fact it is then
 * an index seek on its version's entities and their mentions in its span.
 */
export function entityMentionedIn(value: string): Condition {
  const named = entityNamed(value, 'n');
  return {
    sql: `(f.version_id IN (SELECT n.version_id FROM fact_entities n WHERE ${named.sql})
           AND EXISTS (SELECT 1 FROM fact_entities e JOIN fact_entity_mentions m ON m.entity_id = e.id AND m.start_offset >= f.start_offset AND m.start_offset < f.end_offset
                        WHERE e.version_id = f.version_id AND e.id IN (SELECT n.id FROM fact_entities n WHERE ${named.sql})))`,
    params: [...named.params, ...named.params],
  };
}
