import "./authlens-options.js";
