export function listFiles(dir: string): string[];
export function writeXpi(files: Map<string, Buffer>, outPath: string): Promise<void>;
export function readTree(dir: string): Map<string, Buffer>;
