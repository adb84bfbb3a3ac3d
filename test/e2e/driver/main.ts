/**
 * The background of the e2e test build: the product background plus this driver, which runs the
 * scenario's tests inside Thunderbird and reports each result to the harness. Never in the product XPI.
 */
import "../../../src/background/main.js";
import { messenger } from "../../../src/shared/api.js";
import { runTestsAndReport } from "./run-tests.js";
import "./tests/index.js";

// An MV3 event page is started at browser start only when it listens for runtime.onStartup; the
// product's own listeners are primed and wake it on demand. The driver must run at every start.
messenger.runtime.onStartup.addListener(() => undefined);

runTestsAndReport();
