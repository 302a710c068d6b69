// The differential test: ajv validates every document of the corpus (written by
// heymilo_schema_corpus with heymilo::Parser's verdicts) against the committed schemas, and
// the test fails listing every document where the two disagree on valid/invalid.
//
//   node differential.mjs --modules NODE_MODULES --schemas SCHEMAS_DIR --corpus CORPUS.ndjson

import { createReadStream, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";

// What JSON Schema cannot say, so ajv and the parser may disagree. The corpus tags its
// examples of each with the name; they are counted and shown, never compared.
const EXCLUSIONS = {
  duplicate_key:
    "A key twice in one object is duplicate_key for the parser; JSON.parse keeps the last " +
    "value, and a schema only sees parsed data, never the text.",
  lone_surrogate:
    "A \\u escape leaving a lone surrogate is invalid_json for the parser (rule 1); " +
    "JSON.parse accepts it, and JSON Schema has no keyword about string encoding.",
  depth_limit:
    "Nesting deeper than Options::max_depth (1024) is too_deep; JSON Schema has no depth limit.",
  size_limit:
    "Input longer than Options::max_bytes (64 MiB) is too_large; JSON Schema has no size " +
    "limit. The corpus has no such document (it would be 64 MiB).",
  unknown_number_limits:
    "In a field the library does not know, a number that overflows a double or an integer " +
    "beyond 64 bits is invalid_json for the parser (simdjson's number parser; contract rule " +
    "1 allows it); JSON.parse reads it as Infinity or a rounded double, and unknown " +
    "properties are allowed.",
  int64_limit_rounding:
    "An integer field holding a value just outside int64 that a double rounds to 2^63 or " +
    "-2^63 (9223372036854775808 to ...6832, -9223372036854775809 to ...6832, and the same " +
    "values with a fraction or exponent): JavaScript reads it and the schemas' int64 bounds " +
    "as the same double. A validator with exact integers (e.g. Python's jsonschema) rejects it.",
};

const MINIMUM_MUTATIONS = 2000;  // documents, each judged in both modes

const { values: args } = parseArgs({
  options: {
    modules: { type: "string" },
    schemas: { type: "string" },
    corpus: { type: "string" },
  },
});
for (const name of ["modules", "schemas", "corpus"]) {
  if (!args[name]) throw new Error(`--${name} is required`);
}

// ajv from --modules (schemas/node_modules, where scripts/install-deps.sh runs npm ci).
const require = createRequire(join(args.modules, "index.js"));
const Ajv2020 = require("ajv/dist/2020").default;

// strict: true rejects unknown keywords and formats, and makes Infinity and NaN fail
// "number" (strictNumbers), as a number that overflows a double fails the parser.
const ajv = new Ajv2020({ strict: true });
const validators = new Map();  // "strict/report_available" -> compiled schema
for (const mode of ["strict", "lenient"]) {
  const dir = mode === "strict" ? args.schemas : join(args.schemas, "lenient");
  for (const file of readdirSync(dir).filter((name) => name.endsWith(".schema.json"))) {
    const schema = JSON.parse(readFileSync(join(dir, file), "utf8"));
    validators.set(`${mode}/${file.replace(".schema.json", "")}`, ajv.compile(schema));
  }
}

const disagreements = [];
const agreedBy = new Map();  // "strict/report_available" -> {valid, invalid}
const kinds = new Map();
const excluded = new Map();  // exclusion name -> {cases, ajvDisagreed}

function count(map, key, init, update) {
  const entry = map.get(key) ?? init();
  update(entry);
  map.set(key, entry);
}

function ajvVerdict(validate, json) {
  let data;
  try {
    data = JSON.parse(json);
  } catch (error) {
    return { valid: false, errors: `not JSON: ${error.message}` };
  }
  const valid = validate(data);
  return { valid, errors: valid ? "" : ajv.errorsText(validate.errors) };
}

const lines = createInterface({ input: createReadStream(args.corpus), crlfDelay: Infinity });
for await (const line of lines) {
  const record = JSON.parse(line);
  if (record.exclusion && !(record.exclusion in EXCLUSIONS)) {
    disagreements.push(`${record.name}: unknown exclusion "${record.exclusion}"`);
  }
  for (const mode of ["strict", "lenient"]) {
    const key = `${mode}/${record.document}`;
    const validate = validators.get(key);
    if (!validate) throw new Error(`no schema for ${key}`);
    const parser = record[mode];
    const ajvSays = ajvVerdict(validate, record.json);

    if (record.exclusion) {
      count(excluded, record.exclusion, () => ({ cases: 0, disagreed: 0 }), (entry) => {
        entry.cases += 1;
        entry.disagreed += ajvSays.valid !== parser.valid ? 1 : 0;
      });
      continue;
    }
    count(kinds, record.kind, () => ({ n: 0 }), (entry) => (entry.n += 1));
    if (ajvSays.valid !== parser.valid) {
      disagreements.push(
        `${key} ${JSON.stringify(record.name)}: parser says ` +
          `${parser.valid ? "valid" : parser.error}; ajv says ` +
          `${ajvSays.valid ? "valid" : ajvSays.errors}`,
      );
      continue;
    }
    count(agreedBy, key, () => ({ valid: 0, invalid: 0 }), (entry) => {
      entry[parser.valid ? "valid" : "invalid"] += 1;
    });
  }
}

const problems = [...disagreements];
const mutations = (kinds.get("mutation")?.n ?? 0) / 2;
if (mutations < MINIMUM_MUTATIONS) {
  problems.push(`only ${mutations} mutations compared; at least ${MINIMUM_MUTATIONS} expected`);
}
for (const key of validators.keys()) {
  const agreed = agreedBy.get(key) ?? { valid: 0, invalid: 0 };
  if (agreed.valid === 0 || agreed.invalid === 0) {
    problems.push(`${key}: the corpus needs both valid and invalid documents (${JSON.stringify(agreed)})`);
  }
}

console.log(`ajv ${require("ajv/package.json").version}, ${validators.size} schemas`);
for (const [kind, { n }] of kinds) console.log(`  ${kind}: ${n / 2} documents compared in both modes`);
for (const [key, agreed] of agreedBy) {
  console.log(`  ${key}: agreed on ${agreed.valid} valid and ${agreed.invalid} invalid`);
}
console.log("Excluded by name (not compared):");
for (const [name, reason] of Object.entries(EXCLUSIONS)) {
  const entry = excluded.get(name) ?? { cases: 0, disagreed: 0 };
  console.log(`  ${name}: ${entry.cases} documents, ${entry.disagreed} where ajv differs. ${reason}`);
}
for (const problem of problems) console.log(`FAIL ${problem}`);
const compared = [...kinds.values()].reduce((sum, { n }) => sum + n, 0);
console.log(`differential: ${compared - disagreements.length} passed, ${disagreements.length} failed`);
process.exit(problems.length === 0 ? 0 : 1);
