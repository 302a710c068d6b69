// require("heymilo"): validate(input, options) and parse(input, options), from the addon that
// `npm ci` builds (build/heymilo.node); HEYMILO_NODE_ADDON names another build (CMake's).
"use strict";
const path = require("node:path");

const addon = require(process.env.HEYMILO_NODE_ADDON || path.join(__dirname, "..", "build", "heymilo.node"));

/** The payload breaks the contract; `errors` lists why ({code, path, offset, message}). */
class HeyMiloValidationError extends Error {
  constructor(message, errors) {
    super(message);
    this.name = "HeyMiloValidationError";
    this.errors = errors;
  }
}
addon.setErrorClass(HeyMiloValidationError);

module.exports = {
  validate: addon.validate,
  parse: addon.parse,
  HeyMiloValidationError,
  defaults: Object.freeze(addon.defaults),
};
