/** The administrator's policy: schema, lenient reading with problem paths, merging and locking. */
export * from "./schema.js";
export { readPolicy, findPolicy, underPath, type PolicyProblem, type ReadPolicy, type PolicyDocument } from "./read.js";
export { mergeSettings, resolveAccountTrust, lockedKeys, policyAsSettings, type AccountInfo, type MergedSettings } from "./merge.js";
