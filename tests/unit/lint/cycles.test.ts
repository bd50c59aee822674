import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * import-x/no-cycle with the project's real config. The rule follows imports on
 * disk, so the modules are real files in a throw-away folder of the tree
 * (removed afterwards), linted as electron/core code.
 */
describe('import cycles (eslint import-x/no-cycle)', () => {
  let dir: string;
  beforeAll(() => {
    mkdirSync(join(process.cwd(), 'electron/core'), { recursive: true });
    dir = mkdtempSync(join(process.cwd(), 'electron/core/cycle-test-'));
    writeFileSync(join(dir, 'a.ts'), "import { b } from './b';\nexport const a = (): number => b() + 1;\n");
    writeFileSync(join(dir, 'b.ts'), "import { a } from './a';\nexport const b = (): number => a() * 2;\n");
    writeFileSync(join(dir, 'typesA.ts'), "import type { B } from './typesB';\nexport interface A { b?: B }\n");
    writeFileSync(join(dir, 'typesB.ts'), "import type { A } from './typesA';\nexport interface B { a?: A }\n");
    writeFileSync(join(dir, 'leaf.ts'), 'export const leaf = 1;\n');
    writeFileSync(join(dir, 'user.ts'), "import { leaf } from './leaf';\nexport const user = leaf;\n");
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function cycleMessages(file: string): Promise<string[]> {
    const eslint = new ESLint({ cwd: process.cwd(), ignore: false });
    const [result] = await eslint.lintFiles([join(dir, file)]);
    return (result?.messages ?? []).filter((m) => m.ruleId === 'import-x/no-cycle').map((m) => m.message);
  }

  it('refuses a runtime cycle', async () => {
    expect(await cycleMessages('a.ts')).toEqual([expect.stringMatching(/cycle/i)]);
  });

  it('lets a cycle of `import type` through (erased at run time; import-x does not follow them)', async () => {
    expect(await cycleMessages('typesA.ts')).toEqual([]);
  });

  it('allows a plain dependency', async () => {
    expect(await cycleMessages('user.ts')).toEqual([]);
  });
});
