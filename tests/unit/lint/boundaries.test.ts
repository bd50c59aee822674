import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** Lints a snippet as if it lived at `path`, with the project's real config. */
async function violations(path: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: process.cwd() });
  const [result] = await eslint.lintText(code, { filePath: path });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals').map((m) => m.message);
}

describe('process boundaries (eslint)', () => {
  it.each([
    ['shared/x.ts', "import { app } from 'electron';\nexport const a = app;"],
    ['shared/x.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;"],
    ['shared/x.ts', "import { useState } from 'react';\nexport const a = useState;"],
    ['db/x.ts', "import { app } from 'electron';\nexport const a = app;"],
    ['db/x.ts', "import { call } from '../renderer/src/api/client';\nexport const a = call;"],
    ['electron/core/x.ts', "import { ipcMain } from 'electron';\nexport const a = ipcMain;"],
    ['electron/core/x.ts', "import { $getRoot } from 'lexical';\nexport const a = $getRoot;"],
    ['electron/cli/x.ts', "import { shell } from 'electron';\nexport const a = shell;"],
    ['renderer/src/x.ts', "import { readFileSync } from 'fs';\nexport const a = readFileSync;"],
    ['renderer/src/x.ts', "import { join } from 'node:path';\nexport const a = join;"],
    ['renderer/src/x.ts', "import { openDatabase } from '../../db/connection';\nexport const a = openDatabase;"],
    ['renderer/src/x.ts', "import { bindIpc } from '../../electron/main/ipc';\nexport const a = bindIpc;"],
    ['renderer/src/x.ts', "import Database from 'better-sqlite3';\nexport const a = Database;"],
    ['renderer/src/x.ts', "export const a = process.env;"],
    ['electron/preload/x.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;"],
  ])('%s: refuses %s', async (path, code) => {
    expect(await violations(path, code)).not.toEqual([]);
  });

  it.each([
    ['electron/main/x.ts', "import { app } from 'electron';\nexport const a = app;"],
    ['electron/preload/x.ts', "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;"],
    ['renderer/src/x.ts', "import { useState } from 'react';\nexport const a = useState;"],
    ['electron/core/x.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;"],
  ])('%s: allows %s', async (path, code) => {
    expect(await violations(path, code)).toEqual([]);
  });
});
