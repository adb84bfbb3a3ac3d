// First of the instrumented build's background scripts (before background.js): when the page could
// first run a script, so that the time to load and compile background.js can be told apart; what
// building the WebExtension API objects costs on their first use (webextension-polyfill touches
// both `browser` and `chrome`); and where each bundled module begins its evaluation (build.mjs puts
// a call at the top of each).
globalThis.authlensBenchEarly = [["first script (early.js)", performance.now()]];
void globalThis.browser?.runtime?.id;
globalThis.authlensBenchEarly.push(["browser API object built", performance.now()]);
void globalThis.chrome?.runtime?.id;
globalThis.authlensBenchEarly.push(["chrome API object built", performance.now()]);
globalThis.authlensBenchModules = [];
globalThis.authlensBenchModule = (name) => globalThis.authlensBenchModules.push({ name, t: performance.now() });
