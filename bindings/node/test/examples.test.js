// The docs' examples (tests/data/): valid, read as their document, parsed as `heymilo extract`
// prints them.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");
const heymilo = require("..");
const { documents, events, example, examples, cli } = require("./support");

for (const document of documents) {
  test(`${document}: the example is valid as its document`, () => {
    const result = heymilo.validate(example(document), { event: document });
    assert.deepEqual(result, { valid: true, event: document, errors: [], warnings: [] });
  });
  test(`${document}: parse equals heymilo extract`, () => {
    const { status, stdout } = cli("extract", "--event", document, path.join(examples, `${document}.json`));
    assert.equal(status, 0);
    assert.deepStrictEqual(heymilo.parse(example(document), { event: document }), JSON.parse(stdout));
  });
}

for (const event of events) {
  test(`${event}: detected from its keys`, () => {
    assert.equal(heymilo.validate(example(event)).event, event);
  });
}

test("a webhook list parses as an array", () => {
  const webhooks = heymilo.parse(example("webhook_list"), { event: "webhook_list" });
  assert.ok(Array.isArray(webhooks) && webhooks.length > 0);
  for (const webhook of webhooks) assert.equal(typeof webhook.is_active, "boolean");
});
