"""The docs' FastAPI receiver ("Setting Up Webhooks", step 1), with the raw body validated by
the library before it is acted on: 400 with the errors, 200 otherwise.

    /usr/bin/python3 -m uvicorn fastapi_receiver:app --host 127.0.0.1 --port 8000
    curl -X POST localhost:8000/webhook/heymilo -H 'Content-Type: application/json' \\
      --data-binary @../../../tests/data/report_available.json
"""

import asyncio

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

import heymilo

app = FastAPI()


async def process_webhook_event(event: dict) -> None:
    await asyncio.sleep(0)


@app.post("/webhook/heymilo")
async def handle_webhook(request: Request):
    body = await request.body()
    try:
        # The GIL is released while the library validates, so other threads keep running.
        event = heymilo.parse(body, max_errors=10)
    except heymilo.ValidationError as error:
        return JSONResponse(status_code=400, content={
            "received": False,
            "errors": [{"code": e.code, "path": e.path, "offset": e.offset, "message": e.message}
                       for e in error.errors],
        })

    print(f"Interview ID: {event['interview_id']}")
    print(f"Posting ID: {event['posting_id']}")

    # Process the event
    await process_webhook_event(event)

    return {"received": True}
