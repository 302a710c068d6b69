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

const defaults = Object.freeze(addon.defaults);
// An event's index in addon.documents, -1 for "auto" (detect it from the root's keys).
const eventIndex = new Map([["auto", -1], ...addon.documents.map((name, index) => [name, index])]);

function readCount(options, name) {
  const value = options[name];
  if (value === undefined) return defaults[name];
  if (!Number.isSafeInteger(value) || value < 0)
    throw new TypeError(`heymilo: options.${name} must be a non-negative integer`);
  return value;
}

function readFlag(options, name) {
  const value = options[name];
  if (value === undefined) return false;
  if (typeof value !== "boolean") throw new TypeError(`heymilo: options.${name} must be a boolean`);
  return value;
}

// Calls the addon's `method` with the options read and checked here, as arguments (see
// read_request in src/addon.cpp): N-API's reads of the object's properties took longer than
// validating a small payload.
function withOptions(method, input, options) {
  if (options === undefined) return method(input);
  if (options === null || (typeof options !== "object" && typeof options !== "function"))
    throw new TypeError("heymilo: options must be an object");
  const event = options.event === undefined ? -1 : eventIndex.get(options.event);
  if (event === undefined)
    throw new TypeError(`heymilo: options.event must be one of ${[...eventIndex.keys()].join(", ")}`);
  const lenient = readFlag(options, "lenient");
  const maxErrors = readCount(options, "maxErrors");
  const maxBytes = readCount(options, "maxBytes");
  const maxDepth = readCount(options, "maxDepth");
  const flags = (lenient ? 1 : 0) | (readFlag(options, "drift") ? 2 : 0);
  return method(input, event, flags, maxErrors, maxBytes, maxDepth);
}

/**
 * Validates and extracts every documented and example-only field: JSON.parse of the canonical
 * JSON of the views (what `heymilo extract` prints) in ASCII, which measured faster than
 * building the objects through N-API (bindings/README.md).
 */
function parse(input, options) {
  return JSON.parse(withOptions(addon.asciiJson, input, options));
}

const documents = addon.documents;

/** Validates a payload: {valid, event, errors, warnings}. */
function validate(input, options) {
  const result = withOptions(addon.validate, input, options);
  return typeof result === "number" ? { valid: true, event: documents[result], errors: [], warnings: [] } : result;
}

module.exports = {
  validate,
  parse,
  HeyMiloValidationError,
  defaults,
};
