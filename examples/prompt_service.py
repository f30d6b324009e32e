"""A FastAPI service that stores prompt definitions, checked by ttsbuilder's pydantic types.

Each prompt is a play body (``PlayBody``): a bad one is refused with 422 and ttsbuilder's
codes, pointers and messages; the service's own OpenAPI document shows the published
schema (styles, interpret-as kinds, formats). Run it as a script to see a session through
httpx's ASGI transport (nothing listens on a port); serve it with any ASGI server, e.g.
``uvicorn prompt_service:app`` from this folder. tests/test_pydantic.py drives it with
FastAPI's test client.

    .venv/bin/python examples/prompt_service.py
"""

from __future__ import annotations

import asyncio
import json

import httpx
from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

from ttsbuilder.pydantic import PlayBody

app = FastAPI(title="Prompt store", version="1.0")
_STORE: dict[str, PromptDefinition] = {}


class PromptDefinition(BaseModel):
    """A named prompt: the play body a call flow sends when it needs it."""

    description: str = ""
    play: PlayBody


@app.put("/prompts/{name}")
def store(name: str, prompt: PromptDefinition) -> PromptDefinition:
    """Store (or replace) the prompt ``name``; a bad play body never gets in."""
    _STORE[name] = prompt
    return prompt


@app.get("/prompts/{name}")
def fetch(name: str) -> PromptDefinition:
    """The prompt ``name``, or 404."""
    if name not in _STORE:
        raise HTTPException(status_code=404, detail=f"no prompt named {name!r}")
    return _STORE[name]


@app.get("/prompts")
def names() -> list[str]:
    """The names of every stored prompt."""
    return sorted(_STORE)


WELCOME = {
    "description": "The greeting of the support line",
    "play": {
        "language": "en-US",
        "voice": "female",
        "text_to_speech_option": {
            "express-as": {"style": "customerservice", "text": "Thanks for calling Acme."},
            "break": {"value": "500ms"},
            "text": "For sales, press 1.",
        },
    },
}
BROKEN = {
    "play": {
        "voice": "female",
        "text_to_speech_option": {"express-as": {"style": "angry", "text": "Hi"}, "brek": {}},
    }
}


async def session() -> None:
    """Store a good prompt and a broken one, list them, look at the OpenAPI document."""
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://prompts") as client:
        answer = await client.put("/prompts/welcome", json=WELCOME)
        print(f"PUT /prompts/welcome -> {answer.status_code}")
        answer = await client.put("/prompts/broken", json=BROKEN)
        print(f"PUT /prompts/broken -> {answer.status_code}")
        for error in answer.json()["detail"]:
            print(f"  {'.'.join(map(str, error['loc']))}: {error['type']} {error['msg']}")
        print(f"GET /prompts -> {(await client.get('/prompts')).json()}")
        document = json.dumps((await client.get("/openapi.json")).json())
        print(f"/openapi.json names the style 'customerservice': {'customerservice' in document}")


def main() -> int:
    asyncio.run(session())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
