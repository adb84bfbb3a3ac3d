// Every in-Thunderbird test file, so the driver registers them.
import "./foundation.js";
import "./pane.js";
import "./banner.js";
import "./security.js";
import "./rules.js";
import "./policy.js";
import "./bulk.js";
import "./options.js";
import "./dark.js";
import "./imap-display.js";
import "./bench.js";
import "./own-checks.js";
import "./locales.js";
