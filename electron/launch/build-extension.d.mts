export function buildExtension(outDir?: string): Promise<string>;
