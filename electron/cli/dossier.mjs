#!/usr/bin/env node
// The `dossier` command. Runs the TypeScript CLI directly through tsx, so a
// clone works after `npm install` with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
