// parse writes the canonical JSON in ASCII for JSON.parse (src/ascii_json.cpp): strings with
// every kind of character and escape, opaque objects, and numbers JSON.parse could read
// differently (-0, the extremes of doubles, integers past 2^53) all equal `heymilo extract`.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const heymilo = require("..");
const { example, cli } = require("./support");

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "heymilo-node-text-"));
test.after(() => fs.rmSync(scratch, { recursive: true, force: true }));

const report = JSON.parse(example("report_available").toString());
const question = "/agentic_data/web_interview_info/scorecard/questions/0";

// The example report with `text` in place of the JSON of each "@name@" that `set` put in.
function reportWith(set, tokens) {
  const document = structuredClone(report);
  for (const [pointer, value] of Object.entries(set)) {
    const tokens = pointer.split("/").slice(1);
    const last = tokens.pop();
    tokens.reduce((node, token) => node[token], document)[last] = value;
  }
  let text = JSON.stringify(document, null, 1);
  for (const [name, json] of Object.entries(tokens || {})) text = text.replace(JSON.stringify(`@${name}@`), json);
  return text;
}

// parse of `text` (as a Buffer and as a string) equals JSON.parse of `heymilo extract`.
function assertParsesAsExtract(text) {
  const file = path.join(scratch, "input.json");
  fs.writeFileSync(file, text);
  const { status, stdout } = cli("extract", "--event", "report_available", file);
  assert.equal(status, 0, `heymilo extract refused ${text.slice(0, 200)}`);
  const expected = JSON.parse(stdout);
  assert.deepStrictEqual(heymilo.parse(Buffer.from(text)), expected);
  assert.deepStrictEqual(heymilo.parse(text), expected);
  return expected;
}

// Non-ASCII at the edges of each UTF-8 length, astral characters (surrogate pairs), escapes,
// control characters, and each kind placed before, across and after 8-byte words.
const strings = [
  "Zoë 李 😀 𝄞",
  "\u0080\u07ff\u0800\ud7ff\ue000\uffff\u{10000}\u{10ffff}",
  'quote " backslash \\ slash / newline \n tab \t return \r',
  "\u0000\u0001\b\f\u001f\u007f",
  "1234567é",
  "12345678é",
  "1234567\"89abcdef\\",
  "abcdefghijklmno😀",
  "😀abcdefghijklmnopqrstuvwxyz😀",
  "",
];

for (const [i, text] of strings.entries()) {
  test(`string ${i} (${JSON.stringify(text).slice(0, 40)}) parses as heymilo extract`, () => {
    const parsed = assertParsesAsExtract(reportWith({ "/metadata/candidate_name": text, [`${question}/question`]: text }));
    assert.equal(parsed.metadata.candidate_name, text);
  });
}

test("an opaque object's text keeps its escapes and non-ASCII", () => {
  const resume = '{"名前": "é😀 \\u00e9\\ud83d\\ude00", "q": "\\"\\\\\\n\\u0000", "n": [1.50, -0, 1E300, 10000000000000000001], "o": {}}';
  const parsed = assertParsesAsExtract(
    reportWith({ "/interview_data_model/details/metadata/resume": "@resume@" }, { resume }));
  const kept = parsed.interview_data_model.details.metadata.resume;
  assert.equal(kept["名前"], "é😀 é😀");
  assert.ok(Object.is(kept.n[1], -0));
});

for (const [name, json] of [["-0", "-0"], ["-0.0", "-0.0"], ["the least double", "5e-324"],
  ["the greatest double", "1.7976931348623157e308"], ["0.1", "0.1"], ["an integral float", "3.0E2"]]) {
  test(`a number field of ${name} parses as heymilo extract`, () => {
    const parsed = assertParsesAsExtract(reportWith(
      { "/agentic_data/web_interview_info/communication/speech_score": "@n@" }, { n: json }));
    assert.ok(Object.is(parsed.agentic_data.web_interview_info.communication.speech_score, Number(json)));
  });
}

for (const json of ["9007199254740993", "9223372036854775807", "-9223372036854775808", "-0"]) {
  test(`an integer field of ${json} parses as heymilo extract`, () => {
    const parsed = assertParsesAsExtract(reportWith({ [`${question}/rank`]: "@n@" }, { n: json }));
    assert.equal(parsed.agentic_data.web_interview_info.scorecard.questions[0].rank, Number(BigInt(json)));
  });
}
