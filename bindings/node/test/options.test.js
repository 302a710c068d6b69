// The options: event, lenient, maxErrors, maxBytes, maxDepth, drift.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const heymilo = require("..");
const { example } = require("./support");

const started = example("interview_started");

test("an unknown event name is refused", () => {
  assert.throws(() => heymilo.validate(started, { event: "interview_finished" }), /interview_started/);
});

test("lenient needs only the identifiers", () => {
  const { metadata, ...minimal } = JSON.parse(started);
  const text = JSON.stringify(minimal);
  assert.equal(heymilo.validate(text, { event: "interview_started" }).valid, false);
  assert.equal(heymilo.validate(text, { event: "interview_started", lenient: true }).valid, true);
  assert.equal("metadata" in heymilo.parse(text, { event: "interview_started", lenient: true }), false);
});

test("maxErrors reports several, in order", () => {
  const { errors } = heymilo.validate("{}", { event: "interview_started", maxErrors: 10 });
  assert.deepEqual(errors.map((e) => e.code), Array(4).fill("missing_field"));
  assert.deepEqual(errors[0], heymilo.validate("{}", { event: "interview_started" }).errors[0]);
  assert.throws(() => heymilo.parse("{}", { event: "interview_started", maxErrors: 2 }),
    (error) => error.errors.length === 2);
});

test("drift warns of unknown fields without changing the verdict", () => {
  const text = started.toString().replace("{", '{"new_field": 1, ');
  assert.deepEqual(heymilo.validate(text).warnings, []);
  const result = heymilo.validate(text, { drift: true });
  assert.equal(result.valid, true);
  assert.deepEqual(result.warnings.map((w) => [w.code, w.path]), [["unknown_field", "/new_field"]]);
});

test("limits", () => {
  assert.equal(heymilo.validate(started, { maxBytes: started.length }).valid, true);
  assert.equal(heymilo.validate(started, { maxBytes: started.length - 1 }).errors[0].code, "too_large");
  assert.equal(heymilo.validate(started, { maxDepth: 2 }).errors[0].code, "too_deep");
  assert.deepEqual({ ...heymilo.defaults }, { maxErrors: 1, maxBytes: 64 << 20, maxDepth: 1024 });
});

test('event "auto" detects the event, as no event does', () => {
  assert.equal(heymilo.validate(started, { event: "auto" }).event, "interview_started");
  assert.deepStrictEqual(heymilo.parse(started, { event: "auto" }), heymilo.parse(started));
});

for (const options of [{ maxErrors: -1 }, { maxBytes: 1.5 }, { maxDepth: 2 ** 53 }, { lenient: "yes" },
  { drift: 1 }, { event: 5 }, { event: "toString" }, "strict", null]) {
  test(`bad options ${JSON.stringify(options)} are refused`, () => {
    assert.throws(() => heymilo.validate(started, options), TypeError);
  });
}
