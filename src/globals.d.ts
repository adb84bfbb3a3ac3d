/** Replaced by esbuild at build time (see scripts/build.mjs) and by vitest's `define`. */
declare const __AUTHLENS_VERSION__: string;
