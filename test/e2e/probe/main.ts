/**
 * The background of the cold-start probe: a test-only add-on (Manifest V2, a persistent background
 * page) installed next to AuthLens in the cold-start benchmark's profile. AuthLens's own background
 * page is unloaded between measurements, so the tests run here: they display messages, and the
 * probe's experiment (experiment.ts) times AuthLens's button from Thunderbird's parent process.
 */
import { runTestsAndReport } from "../driver/run-tests.js";
import "./cold-start.js";

runTestsAndReport();
