// Every accepted input type, offsets as UTF-8 byte offsets, the types refused, and workers
// (each with its own parser).
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");
const { Worker } = require("node:worker_threads");
const heymilo = require("..");
const { example } = require("./support");

const started = example("interview_started");

const kinds = {
  Buffer: (b) => b,
  Uint8Array: (b) => new Uint8Array(b),
  "Uint8Array at an offset": (b) => {
    const whole = new Uint8Array(b.length + 2);
    whole.set(b, 2);
    return whole.subarray(2);
  },
  string: (b) => b.toString(),
};
for (const [name, make] of Object.entries(kinds)) {
  test(`${name} input gives the same result`, () => {
    assert.equal(heymilo.validate(make(started)).valid, true);
    assert.deepStrictEqual(heymilo.parse(make(started)), heymilo.parse(started));
  });
}

test("string offsets count UTF-8 bytes", () => {
  const text = '{"interview_id": "é€", "posting_id": 5}';
  const [error] = heymilo.validate(text, { event: "interview_started" }).errors;
  assert.equal(error.code, "wrong_type");
  assert.equal(error.offset, Buffer.from(text).indexOf("5"));
  assert.notEqual(error.offset, text.indexOf("5"));
});

test("a parse of non-ASCII text keeps it", () => {
  const text = started.toString().replace(/"candidate_name": "[^"]*"/, '"candidate_name": "Zoë 李"');
  assert.equal(heymilo.parse(text).metadata.candidate_name, "Zoë 李");
});

for (const input of [undefined, null, 5, {}, [1], new Uint16Array(4), new ArrayBuffer(4)]) {
  test(`${Object.prototype.toString.call(input)} input is refused`, () => {
    assert.throws(() => heymilo.validate(input), TypeError);
  });
}

test("a worker has its own parser and error class", async () => {
  const worker = new Worker(`
    const { parentPort, workerData } = require("node:worker_threads");
    const heymilo = require(workerData.module);
    let thrown = "";
    try { heymilo.parse("{}", { event: "interview_started" }); } catch (e) { thrown = e.name; }
    parentPort.postMessage({ parsed: heymilo.parse(workerData.input), thrown });
  `, { eval: true, workerData: { module: path.resolve(__dirname, ".."), input: started } });
  const [message] = await require("node:events").once(worker, "message");
  await require("node:events").once(worker, "exit");
  assert.deepStrictEqual(message.parsed, heymilo.parse(started));
  assert.equal(message.thrown, "HeyMiloValidationError");
});
