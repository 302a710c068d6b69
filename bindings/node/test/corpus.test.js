// The generated corpus (`heymilo generate`): parse equals `heymilo extract`, and validate
// equals `heymilo validate --json`, document by document.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const heymilo = require("..");
const { documents, events, cli } = require("./support");

const count = 12;
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "heymilo-node-corpus-"));
test.after(() => fs.rmSync(scratch, { recursive: true, force: true }));

function corpus(document) {
  const { status, stdout } = cli("generate", "--event", document, "--count", count, "--seed", 19, "--ndjson");
  assert.equal(status, 0);
  const lines = stdout.toString().split("\n").filter((line) => line.length > 0).map((line) => Buffer.from(line));
  assert.equal(lines.length, count);
  return lines;
}

for (const document of documents) {
  test(`${document}: parse equals heymilo extract`, () => {
    corpus(document).forEach((line, number) => {
      const file = path.join(scratch, `${document}-${number}.json`);
      fs.writeFileSync(file, line);
      const { status, stdout } = cli("extract", "--event", document, file);
      assert.equal(status, 0);
      const expected = JSON.parse(stdout);
      assert.deepStrictEqual(heymilo.parse(line, { event: document }), expected, `document ${number}`);
      if (events.includes(document)) assert.deepStrictEqual(heymilo.parse(line), expected);
    });
  });

  test(`${document}: validate equals heymilo validate --json`, () => {
    const lines = corpus(document);
    // Valid documents, and each one cut short (invalid JSON at its end).
    const inputs = [...lines, ...lines.map((line) => line.subarray(0, line.length >> 1))];
    const file = path.join(scratch, `${document}.ndjson`);
    fs.writeFileSync(file, Buffer.concat(inputs.flatMap((input) => [input, Buffer.from("\n")])));
    const { status, stdout } = cli("validate", "--json", "--ndjson", "--event", document, file);
    assert.equal(status, 1);
    const verdicts = stdout.toString().trim().split("\n").map((line) => JSON.parse(line));
    assert.equal(verdicts.length, inputs.length);
    inputs.forEach((input, i) => {
      const result = heymilo.validate(input, { event: document });
      assert.equal(result.valid, verdicts[i].valid);
      assert.equal(result.event, verdicts[i].event);
      assert.deepEqual(result.errors, verdicts[i].errors);
    });
  });
}
