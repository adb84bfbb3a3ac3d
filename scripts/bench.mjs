// `npm run bench` after the builds: the Node benchmarks, then the ones in real Thunderbird. Both
// run even when the first misses a goal (on a shared machine a slow minute can do that); the exit
// status is the worse of the two.
import { spawnSync } from "node:child_process";

const run = (args) => spawnSync(process.execPath, args, { stdio: "inherit" }).status ?? 1;
const node = run(["dist/bench/run.mjs"]);
const thunderbird = run(["build/e2e/run.mjs", "--bench"]);
process.exitCode = Math.max(node, thunderbird);
