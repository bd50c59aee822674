export const DOWNLOAD_NODE_RANGE: { major: number; minor: number };
export function findElectronBinary(electronDir: string, env?: Record<string, string | undefined>): string | undefined;
export function nodeCanDownload(version?: string): boolean;
export function classifyDownloadFailure(result: { error?: { code?: string }; signal?: string | null; stderr?: string; stdout?: string }): 'slow' | 'offline' | 'failed';
export function downloadElectron(electronDir: string, options?: { timeoutMs?: number }): { ok: true } | { ok: false; kind: string; detail: string };
export function explainStartFailure(kind: string, detail?: string): string;
export function isSandboxFailure(stderr: string): boolean;
