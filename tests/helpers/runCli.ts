import { main } from '../../electron/cli/main';
import type { CliIo } from '../../electron/cli/output';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs one `dossier` invocation in-process, capturing what it prints. */
export async function runCli(...argv: string[]): Promise<CliRun> {
  const io = {
    stdout: '',
    stderr: '',
    out: (text: string) => void (io.stdout += `${text}\n`),
    err: (text: string) => void (io.stderr += `${text}\n`),
  } satisfies CliIo & { stdout: string; stderr: string };
  const code = await main(argv, io);
  return { code, stdout: io.stdout, stderr: io.stderr };
}
