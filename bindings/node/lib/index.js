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

/**
 * Validates and extracts every documented and example-only field: JSON.parse of the canonical
 * JSON of the views (what `heymilo extract` prints) in ASCII, which measured faster than
 * building the objects through N-API (bindings/README.md).
 */
function parse(input, options) {
  return JSON.parse(addon.asciiJson(input, options));
}

const documents = addon.documents;

/** Validates a payload: {valid, event, errors, warnings}. */
function validate(input, options) {
  const result = addon.validate(input, options);
  return typeof result === "number" ? { valid: true, event: documents[result], errors: [], warnings: [] } : result;
}

module.exports = {
  validate,
  parse,
  HeyMiloValidationError,
  defaults: Object.freeze(addon.defaults),
};
