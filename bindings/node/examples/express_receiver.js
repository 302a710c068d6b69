// The docs' Express receiver ("Setting Up Webhooks", step 1), with the body validated by the
// library before it is acted on: 400 with the errors, 200 otherwise.
//
//   node examples/express_receiver.js [PORT]      (default 3000, on 127.0.0.1)
//   curl -X POST localhost:3000/webhook/heymilo -H 'Content-Type: application/json' \
//     --data-binary @../../tests/data/report_available.json
"use strict";
const express = require("express");
const heymilo = require("..");

/**
 * A middleware for a route that receives HeyMilo webhooks. It needs the raw body (put
 * express.raw({type: "application/json"}) before it), parses it with the library and either
 * answers 400 with the errors or sets req.heymilo to the extracted event and calls next().
 * `options` are heymilo.parse's (event, lenient, maxErrors, maxBytes, maxDepth).
 */
function heymiloWebhook(options = {}) {
  return (req, res, next) => {
    if (!Buffer.isBuffer(req.body)) {
      res.status(415).json({ error: "expected a JSON body (Content-Type: application/json)" });
      return;
    }
    try {
      req.heymilo = heymilo.parse(req.body, options);
    } catch (error) {
      if (!(error instanceof heymilo.HeyMiloValidationError)) throw error;
      res.status(400).json({ received: false, errors: error.errors });
      return;
    }
    next();
  };
}

function processWebhookEvent(event) {
  setImmediate(() => console.log(`processed ${event.interview_id}`));
}

function createApp() {
  const app = express();
  app.post("/webhook/heymilo", express.raw({ type: "application/json", limit: "64mb" }), heymiloWebhook({ maxErrors: 10 }),
    (req, res) => {
      const event = req.heymilo;
      console.log(`Interview ID: ${event.interview_id}`);
      console.log(`Posting ID: ${event.posting_id}`);
      // Process the event asynchronously
      processWebhookEvent(event);
      // Acknowledge receipt immediately
      res.status(200).json({ received: true });
    });
  return app;
}

module.exports = { heymiloWebhook, createApp };

if (require.main === module) {
  const port = Number(process.argv[2] || 3000);
  createApp().listen(port, "127.0.0.1", () => console.log(`listening on 127.0.0.1:${port}`));
}
