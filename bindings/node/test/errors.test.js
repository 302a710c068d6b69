// Every error code (bindings/tests/error_cases.json, shared with the Python tests), through
// validate and parse, and equal to what `heymilo validate --json` reports.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const heymilo = require("..");
const { errorCases, caseInput, caseOptions, cli } = require("./support");

test("every error code has a case", () => {
  assert.deepEqual(new Set(errorCases.map((c) => c.code)), new Set(["invalid_json", "too_deep", "too_large",
    "wrong_type", "missing_field", "duplicate_key", "out_of_range", "invalid_value", "unknown_event"]));
});

const cliFlags = { event: "--event", maxBytes: "--max-bytes", maxDepth: "--max-depth" };
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "heymilo-node-test-"));
test.after(() => fs.rmSync(scratch, { recursive: true, force: true }));

for (const errorCase of errorCases) {
  const input = caseInput(errorCase);
  const options = caseOptions(errorCase);
  test(`${errorCase.name}: validate reports it`, () => {
    const result = heymilo.validate(input, options);
    assert.equal(result.valid, false);
    assert.equal(result.event, errorCase.event);
    assert.equal(result.errors.length, 1);
    const [error] = result.errors;
    assert.deepEqual([error.code, error.path], [errorCase.code, errorCase.path]);
    assert.ok(Number.isInteger(error.offset) && error.message.length > 0);
  });
  test(`${errorCase.name}: parse throws HeyMiloValidationError`, () => {
    assert.throws(() => heymilo.parse(input, options), (error) => {
      assert.ok(error instanceof heymilo.HeyMiloValidationError && error instanceof Error);
      assert.deepEqual(error.errors.map((e) => e.code), [errorCase.code]);
      assert.match(error.message, new RegExp(errorCase.code));
      return true;
    });
  });
}

// Extra inputs for the all-errors comparison: several errors, and an unknown field.
const several = [
  { name: "four_missing", text: "{}", options: { event: "interview_started" } },
  { name: "unknown_and_wrong", example: "interview_started",
    prefix: '"surprise": [1], "posting_id": 7, "timestamp": "now",' },
];
const modes = {
  default: { flags: [], options: {} },
  "all errors, drift": { flags: ["--max-errors", 100, "--drift"], options: { maxErrors: 100, drift: true } },
};
for (const errorCase of [...errorCases, ...several]) {
  for (const [modeName, mode] of Object.entries(modes)) {
    test(`${errorCase.name} (${modeName}): equal to heymilo validate --json`, () => {
      const options = caseOptions(errorCase);
      const file = path.join(scratch, `${errorCase.name}.json`);
      fs.writeFileSync(file, caseInput(errorCase));
      const flags = Object.entries(options).flatMap(([key, value]) => [cliFlags[key], value]);
      const { status, stdout } = cli("validate", "--json", ...flags, ...mode.flags, file);
      assert.equal(status, 1);
      const expected = JSON.parse(stdout);
      const result = heymilo.validate(fs.readFileSync(file), { ...options, ...mode.options });
      assert.equal(result.event, expected.event);
      assert.deepEqual(result.errors, expected.errors);
      assert.deepEqual(result.warnings, expected.warnings || []);
      if (modeName !== "default" && errorCase.name === "unknown_and_wrong")
        assert.ok(result.errors.length >= 2 && result.warnings.length === 1);
    });
  }
}
