// The view request first: it runs while the components below are evaluated.
import "./early-view.js";
import "./authlens-popup.js";
