import "./authlens-bulk-run.js";
