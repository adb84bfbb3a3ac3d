// Every in-Thunderbird test file, so the driver registers them.
import "./foundation.js";
import "./pane.js";
