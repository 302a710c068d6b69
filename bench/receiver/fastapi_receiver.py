"""The Python/FastAPI receiver of the provider's docs ("Setting Up Webhooks", Step 1), as a team
would write it once it validates: request.json() parses the body, python3-jsonschema
(Draft 2020-12) on this project's schemas/ validates it as the event its root keys name
(contract rule 11), and it answers like heymilo-receiver does. It stores nothing. Debian's
packages: run it with /usr/bin/python3.

    /usr/bin/python3 fastapi_receiver.py --schemas DIR --port N
"""

import argparse
import json
from pathlib import Path

import jsonschema
import uvicorn
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

EVENTS = ("interview_started", "interview_completed", "report_available")


def detect(body: dict):
    """Contract rule 11: the event is told by the root's keys."""
    if body.keys() & {"report_url", "agentic_data", "interview_data_model"}:
        return "report_available"
    if body.keys() & {"workflow_completed", "completion_timestamp", "parent_conversation_id"}:
        return "interview_completed"
    return "interview_started" if "metadata" in body else None


def make_app(schemas: Path) -> FastAPI:
    validators = {
        event: jsonschema.Draft202012Validator(
            json.loads((schemas / f"{event}.schema.json").read_text()))
        for event in EVENTS
    }
    app = FastAPI()

    @app.post("/webhook/heymilo")
    async def handle_webhook(request: Request):
        event = await request.json()
        name = detect(event) if isinstance(event, dict) else None
        if name is None:
            return JSONResponse({"valid": False, "event": None, "errors": ["unknown event"]}, 400)
        error = jsonschema.exceptions.best_match(validators[name].iter_errors(event))
        if error is not None:
            return JSONResponse({"valid": False, "event": name, "errors": [error.message]}, 400)

        print(f"Interview ID: {event['interview_id']}")
        print(f"Posting ID: {event['posting_id']}")
        return {"status": "accepted", "event": name, "interview_id": event["interview_id"]}

    return app


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--schemas", type=Path, required=True)
    parser.add_argument("--port", type=int, required=True)
    args = parser.parse_args()
    # uvicorn's defaults, as `uvicorn app:app` runs it: one worker, its access log on.
    uvicorn.run(make_app(args.schemas), host="127.0.0.1", port=args.port)


if __name__ == "__main__":
    main()
