// The Express example on 127.0.0.1: 200 for the docs' example, 400 with the errors otherwise.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const { createApp } = require("../examples/express_receiver");
const { example } = require("./support");

test("the Express receiver answers 200 and 400", async (t) => {
  const server = createApp().listen(0, "127.0.0.1");
  await require("node:events").once(server, "listening");
  t.after(() => server.close());
  const url = `http://127.0.0.1:${server.address().port}/webhook/heymilo`;
  const post = (body) => fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body,
    signal: AbortSignal.timeout(5000) });

  const ok = await post(example("report_available"));
  assert.equal(ok.status, 200);
  assert.deepEqual(await ok.json(), { received: true });

  const bad = await post("{}");
  assert.equal(bad.status, 400);
  assert.deepEqual((await bad.json()).errors.map((e) => e.code), ["unknown_event"]);

  const broken = await post(example("interview_started").toString().replace('"posting_id": "', '"posting_id": 5, "x": "'));
  assert.equal(broken.status, 400);
  assert.equal((await broken.json()).errors[0].code, "wrong_type");
});
