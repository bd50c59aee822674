export function betterSqliteVersion(): string;
export function electronArch(platform?: string, arch?: string, env?: Record<string, string | undefined>, underRosetta?: () => boolean): string;
export function electronBindingFile(root: string, electronVersion: string, sqliteVersion?: string, platform?: string, arch?: string): string;
export function buildCommands(electronVersion: string, arch: string): Array<[string, string[]]>;
export function ensureElectronBinding(root: string, electronVersion: string): string;
