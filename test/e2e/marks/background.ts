/**
 * The background of the instrumented AuthLens build for the cold-start benchmark: the product's
 * background, unchanged, between a first module that marks the script's start and times its API
 * calls, and a last one that marks the end of its evaluation and answers the probe. No driver, no
 * loopback access, the product's manifest. Never shipped.
 */
import "./hook.js";
import "../../../src/background/main.js";
import "./end.js";
