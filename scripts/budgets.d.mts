export interface Metafile {
  outputs: Record<string, { bytes: number; inputs: Record<string, { bytesInOutput: number }> }>;
}
export interface ScriptSize {
  name: string;
  bytes: number;
  budget: number | null;
}
export const BUDGETS: Record<string, number>;
export const FORBIDDEN_INPUTS: [RegExp, string][];
export function checkBundles(metafile: Metafile): { sizes: ScriptSize[]; problems: string[] };
export function formatSizes(sizes: ScriptSize[]): string;
