// Times the addon against JavaScript's own ways, on the same buffers in the same run:
// validate against JSON.parse + a compiled ajv validator (the project's JSON Schemas), parse
// against JSON.parse alone. Each case runs in turns with the others (rounds), and the best
// round per case is kept, which a machine shared with other work moves least. --steps times
// instead the steps parse takes, and the UTF-8 way it does not take (bindings/README.md).
//
//   node bench.js [--rounds N] [--ms MS] [--report FILE] [--started FILE] [--steps]
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { execFileSync } = require("node:child_process");
const Ajv2020 = require("ajv/dist/2020").default;
const heymilo = require(".");

const repository = path.resolve(__dirname, "..", "..");
const argument = (name, fallback) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : fallback;
};
const rounds = Number(argument("--rounds", 15));
const roundMs = Number(argument("--ms", 100));

function payloads() {
  const report = argument("--report", null);
  return [
    { name: "report_available (15 KB)", event: "report_available",
      buffer: report ? fs.readFileSync(report) : generatedReport() },
    { name: "interview_started", event: "interview_started",
      buffer: fs.readFileSync(argument("--started", path.join(repository, "tests/data/interview_started.json"))) },
  ];
}

// `heymilo generate` from a build of the CLI (HEYMILO_CLI, or build/tools/heymilo).
function generatedReport() {
  const cli = process.env.HEYMILO_CLI || path.join(repository, "build/tools/heymilo");
  return execFileSync(cli, ["generate", "--event", "report_available", "--size", "15K", "--seed", "1"]);
}

function ajvValidator(event) {
  const ajv = new Ajv2020({ strict: true });
  const schema = JSON.parse(fs.readFileSync(path.join(repository, "schemas", `${event}.schema.json`), "utf8"));
  return ajv.compile(schema);
}

// Calls per second of each case, best round of `rounds`, the cases taking turns.
function measure(cases) {
  const best = new Map(cases.map(([name]) => [name, 0]));
  for (let round = 0; round < rounds; ++round) {
    for (const [name, run] of cases) {
      let calls = 0;
      const start = process.hrtime.bigint();
      const end = start + BigInt(roundMs * 1e6);
      let now = start;
      while (now < end) {
        for (let i = 0; i < 16; ++i) run();
        calls += 16;
        now = process.hrtime.bigint();
      }
      best.set(name, Math.max(best.get(name), calls / (Number(now - start) / 1e9)));
    }
  }
  return best;
}

const microseconds = (perSecond) => (1e6 / perSecond).toFixed(2);

// What parse costs, step by step, against the canonical JSON in UTF-8 (`heymilo extract`'s)
// that Node would decode first.
function steps({ name, buffer, event }) {
  const addon = require(process.env.HEYMILO_NODE_ADDON || path.join(__dirname, "build", "heymilo.node"));
  const ascii = addon.asciiJson(buffer);
  const asciiBytes = Buffer.from(ascii, "latin1");
  const utf8 = Buffer.from(JSON.stringify(JSON.parse(ascii)));
  const utf8Text = utf8.toString();
  const cases = [
    ["validate", () => addon.validate(buffer)],
    ["validate + ASCII JSON + string", () => addon.asciiJson(buffer)],
    ["JSON.parse(that string)", () => JSON.parse(ascii)],
    ["validate, JSON.parse(a copy)", () => {
      addon.validate(buffer);
      return JSON.parse(asciiBytes.toString("latin1"));
    }],
    ["JSON.parse(a copy)", () => JSON.parse(asciiBytes.toString("latin1"))],
    ["heymilo.parse", () => heymilo.parse(buffer)],
    ["heymilo.parse with options.event", () => heymilo.parse(buffer, { event })],
    ["UTF-8 JSON: Buffer.toString", () => utf8.toString()],
    ["JSON.parse(UTF-8 JSON text)", () => JSON.parse(utf8Text)],
    ["JSON.parse(input.toString())", () => JSON.parse(buffer.toString())],
  ];
  const rate = measure(cases);
  console.log(`${name}: canonical JSON ${ascii.length} bytes in ASCII, ${utf8.length} in UTF-8 (best of ${rounds} rounds of ${roundMs} ms)`);
  for (const [step] of cases) console.log(`  ${step.padEnd(32)} ${microseconds(rate.get(step)).padStart(9)} us`);
}

for (const payload of payloads()) {
  if (process.argv.includes("--steps")) {
    steps(payload);
    continue;
  }
  const { buffer, event } = payload;
  const schemaValidate = ajvValidator(event);
  // Each case is checked once before it is timed.
  if (!heymilo.validate(buffer).valid || !schemaValidate(JSON.parse(buffer.toString())))
    throw new Error(`${payload.name} is not valid`);
  if (!require("node:util").isDeepStrictEqual(heymilo.parse(buffer), JSON.parse(buffer.toString())))
    console.log(`(${payload.name}: parse and JSON.parse differ in fields the views do not keep)`);
  const cases = [
    ["heymilo.validate", () => heymilo.validate(buffer)],
    ["JSON.parse + ajv", () => schemaValidate(JSON.parse(buffer.toString()))],
    ["heymilo.parse", () => heymilo.parse(buffer)],
    ["JSON.parse", () => JSON.parse(buffer.toString())],
  ];
  const rate = measure(cases);
  const of = (name) => rate.get(name);
  console.log(`${payload.name}, ${buffer.length} bytes (best of ${rounds} rounds of ${roundMs} ms)`);
  for (const [name] of cases) console.log(`  ${name.padEnd(18)} ${microseconds(of(name)).padStart(9)} us`);
  console.log(`  validate vs JSON.parse + ajv: ${(of("heymilo.validate") / of("JSON.parse + ajv")).toFixed(1)}x faster`);
  console.log(`  parse / JSON.parse time: ${(of("JSON.parse") / of("heymilo.parse")).toFixed(2)}`);
}
