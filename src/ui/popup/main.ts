import "./authlens-popup.js";
