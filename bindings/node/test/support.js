// Shared by the tests: the repository, the `heymilo` command (HEYMILO_CLI, default
// build/tools/heymilo) the addon must agree with, and the error cases shared with Python.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { spawnSync } = require("node:child_process");

const repository = path.resolve(__dirname, "..", "..", "..");
const examples = path.join(repository, "tests", "data");
const documents = ["interview_started", "interview_completed", "report_available",
  "webhook_create_request", "webhook", "webhook_list"];
const events = documents.slice(0, 3);

const example = (document) => fs.readFileSync(path.join(examples, `${document}.json`));

function pointerSet(document, pointer, value) {
  const tokens = pointer.split("/").slice(1);
  const last = tokens.pop();
  for (const token of tokens) document = document[token];
  document[last] = value;
}

// The input of a case in bindings/tests/error_cases.json.
function caseInput(errorCase) {
  if ("text" in errorCase) return errorCase.text;
  let text = example(errorCase.example).toString();
  if (errorCase.set) {
    const document = JSON.parse(text);
    pointerSet(document, ...errorCase.set);
    text = JSON.stringify(document);
  }
  if (errorCase.prefix) {
    const brace = text.indexOf("{") + 1;
    text = text.slice(0, brace) + errorCase.prefix + text.slice(brace);
  }
  return text;
}

// The case's options as the addon names them.
function caseOptions(errorCase) {
  const names = { event: "event", max_bytes: "maxBytes", max_depth: "maxDepth" };
  return Object.fromEntries(Object.entries(errorCase.options || {}).map(([key, value]) => [names[key], value]));
}

const errorCases = JSON.parse(fs.readFileSync(path.join(repository, "bindings", "tests", "error_cases.json"), "utf8")).cases;

// Runs the `heymilo` command: {status, stdout (a Buffer)}.
function cli(...args) {
  const command = process.env.HEYMILO_CLI || path.join(repository, "build", "tools", "heymilo");
  if (!fs.existsSync(command)) throw new Error(`the heymilo command is not at ${command}; build it or set HEYMILO_CLI`);
  const done = spawnSync(command, args.map(String), { maxBuffer: 64 << 20 });
  return { status: done.status, stdout: done.stdout };
}

module.exports = { repository, examples, documents, events, example, caseInput, caseOptions, errorCases, cli };
