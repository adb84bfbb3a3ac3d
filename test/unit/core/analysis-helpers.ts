import { readFileSync, readdirSync } from "node:fs";
import { analyzeMessage, type Analysis, type AnalysisSettings } from "../../../src/core/analyze.js";
import { parseHeaderBlock } from "../../../src/core/headers/header-block.js";

export const FIXTURES = new URL("../../fixtures/analysis/", import.meta.url);
export const DEMO = new URL("../../fixtures/demo/", import.meta.url);

export function fixture(name: string, dir: URL = FIXTURES): string {
  return readFileSync(new URL(name, dir), "utf8");
}

export function demoFiles(): string[] {
  return readdirSync(DEMO)
    .filter((f) => f.endsWith(".eml"))
    .sort();
}

export function analyze(raw: string, trust: string[] = [], forwarders: string[] = [], extra: Partial<AnalysisSettings> = {}): Analysis {
  return analyzeMessage(parseHeaderBlock(raw), { trustedAuthservIds: trust, trustedForwarders: forwarders, ...extra });
}
