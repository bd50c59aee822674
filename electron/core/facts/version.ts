/**
 * The version of the facts extractor (this directory's rules and word lists), stored with every extraction
 * (fact_runs.extractor_version, migration 013). Bump it whenever a change makes extractFacts return different
 * facts for some text: the background backfill then re-extracts every article whose facts an older extractor made.
 * tests/unit/facts/extractorVersion.test.ts fails when the output on its sample changes while this number does not.
 *
 * 1: the extractor that landed with issue #13 (every run stored before migration 013).
 * 2: wave-3 attribution rules (asides, adjuncts, dash signatures, appositions, progressive cues, coordinated
 *    reports, work titles, free relatives, clause subjects, "told OBJECT, “Q”", "and says", "Said S:"; he/she prefer
 *    a sentence subject).
 */
export const FACTS_EXTRACTOR_VERSION = 2;
