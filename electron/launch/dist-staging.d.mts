export const STAGING_DIR: string;
export function stagingManifest(projectManifest: Record<string, unknown>): Record<string, unknown>;
export function prepareStaging(root: string): string;
