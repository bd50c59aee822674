export const RUNTIME_MODULES: string[];
export const SOURCE_ONLY_MODULES: string[];
