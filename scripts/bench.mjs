// `npm run bench` after the builds: the Node benchmarks, then the ones in real Thunderbird. Both
// run even when the first misses a goal (on a shared machine a slow minute can do that); the exit
// status is the worse of the two. The cold-start benchmarks need two test-only add-ons besides the
// product and test builds: the probe and the instrumented AuthLens (test/e2e/probe/build.mjs).
import { spawnSync } from "node:child_process";
import { buildColdStartAddons } from "../test/e2e/probe/build.mjs";

const run = (args) => spawnSync(process.execPath, args, { stdio: "inherit" }).status ?? 1;
await buildColdStartAddons();
const node = run(["dist/bench/run.mjs"]);
const thunderbird = run(["build/e2e/run.mjs", "--bench", ...process.argv.slice(2)]);
process.exitCode = Math.max(node, thunderbird);
