export const FIREFOX_ADDON_ID: string;
export function firefoxManifest(chromium: Record<string, unknown>): Record<string, unknown>;
export function buildExtension(outDir?: string, options?: { browser?: 'chromium' | 'firefox' }): Promise<string>;
