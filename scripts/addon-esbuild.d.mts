import type { BuildOptions } from "esbuild";

export const root: string;
export const version: string;
export const define: Record<string, string>;
export const ADDON_ESBUILD_OPTIONS: BuildOptions;
export const CLI_ESBUILD_OPTIONS: BuildOptions;
