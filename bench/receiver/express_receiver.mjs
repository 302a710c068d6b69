// The Node/Express receiver of the provider's docs ("Setting Up Webhooks", Step 1), as a team
// would write it once it validates: express.json() parses the body, ajv compiled from this
// project's schemas/ validates it as the event its root keys name (contract rule 11), and it
// answers like heymilo-receiver does. It stores nothing.
//
//   node express_receiver.mjs --schemas DIR --port N [--limit BYTES]

import Ajv2020 from "ajv/dist/2020.js";
import express from "express";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";

const { values: args } = parseArgs({
  options: {
    schemas: { type: "string" },
    port: { type: "string" },
    limit: { type: "string", default: "4mb" },  // express.json()'s 100kb would refuse a report
  },
});

const EVENTS = ["interview_started", "interview_completed", "report_available"];
const ajv = new Ajv2020({ strict: true });
const validators = Object.fromEntries(EVENTS.map((event) => [event,
  ajv.compile(JSON.parse(readFileSync(join(args.schemas, `${event}.schema.json`), "utf8")))]));

// Contract rule 11: the event is told by the root's keys.
function detect(body) {
  const has = (key) => Object.hasOwn(body, key);
  if (has("report_url") || has("agentic_data") || has("interview_data_model")) return "report_available";
  if (has("workflow_completed") || has("completion_timestamp") || has("parent_conversation_id")) {
    return "interview_completed";
  }
  return has("metadata") ? "interview_started" : null;
}

const app = express();
app.use(express.json({ limit: args.limit }));
app.post("/webhook/heymilo", (req, res) => {
  const event = req.body;
  const name = event !== null && typeof event === "object" && !Array.isArray(event) ? detect(event) : null;
  if (name === null) return res.status(400).json({ valid: false, event: null, errors: ["unknown event"] });
  const validate = validators[name];
  if (!validate(event)) return res.status(400).json({ valid: false, event: name, errors: validate.errors });

  console.log(`Interview ID: ${event.interview_id}`);
  console.log(`Posting ID: ${event.posting_id}`);
  res.status(200).json({ status: "accepted", event: name, interview_id: event.interview_id });
});
app.listen(Number(args.port), "127.0.0.1");
