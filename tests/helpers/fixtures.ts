import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * THE shared fixture corpus: ../shared/fixtures beside the repo (read-only, never copied into it).
 * Tests that need it skip with NO_FIXTURES_REASON, visibly, when it is absent.
 */
export const FIXTURES = fileURLToPath(new URL('../../../shared/fixtures', import.meta.url));
export const SEED_ARTICLE = `${FIXTURES}/seed-article.txt`;
export const HAVE_FIXTURES = existsSync(SEED_ARTICLE);
export const NO_FIXTURES_REASON = `../shared/fixtures is absent (${FIXTURES}): fixture-based tests skipped`;
