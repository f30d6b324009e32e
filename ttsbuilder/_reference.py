"""Generate ``docs/api.md``: every public name of ``ttsbuilder`` with its signature and docstring.

Run ``python -m ttsbuilder._reference > docs/api.md`` (``make docs``); a test fails when
the file in the repository differs from what this prints.
"""

from __future__ import annotations

import enum
import inspect
import typing
from typing import Any

import ttsbuilder
from ttsbuilder import strategies

__all__ = ["markdown"]

#: Where each public name is explained at length.
TOPICS = {
    "ttsbuilder.builder": "builder.md",
    "ttsbuilder.payloads": "builder.md",
    "ttsbuilder.validation": "validate.md",
    "ttsbuilder.problems": "validate.md",
    "ttsbuilder.errors": "validate.md",
    "ttsbuilder.profiles": "validate.md",
    "ttsbuilder.rules": "rules.md",
    "ttsbuilder.published": "schemas.md",
    "ttsbuilder.ssml": "ssml.md",
    "ttsbuilder.preview": "preview.md",
    "ttsbuilder.budget": "platforms.md",
    "ttsbuilder.telephony": "platforms.md",
    "ttsbuilder.routes": "clients.md",
    "ttsbuilder.openapi": "clients.md",
}

_INTRO = """\
# API reference

Everything public is importable from `ttsbuilder` itself (`from ttsbuilder import Prompt`);
every other module is internal and may change. This page is generated from the
docstrings (`make docs`); the topic guides explain each part at length:
[builder](builder.md), [validate](validate.md), [rules](rules.md), [schemas](schemas.md),
[ssml](ssml.md), [platforms](platforms.md), [clients](clients.md), [preview](preview.md),
[command line](cli.md).
"""


_STRATEGIES = """\
## `ttsbuilder.strategies`

Hypothesis strategies for your own property tests, imported explicitly
(`from ttsbuilder import strategies`) so that `import ttsbuilder` never loads hypothesis.
"""


def _home(name: str) -> str:
    module = ttsbuilder._EXPORTS[name].partition(":")[0]
    page = next((page for prefix, page in TOPICS.items() if module.startswith(prefix)), None)
    if page is None:  # a public name from a new module: say where it is explained
        raise LookupError(f"{name} ({module}) has no topic page: add its module to TOPICS")
    return page


class _Written(str):
    """An annotation shown as written in the source, without quotes."""

    def __repr__(self) -> str:
        return str(self)


def _written(annotation: Any) -> Any:
    if isinstance(annotation, typing.ForwardRef):
        return _Written(annotation.__forward_arg__)
    if isinstance(annotation, str):
        return _Written(annotation)
    return annotation


def _signature(value: Any) -> str:
    if isinstance(value, enum.EnumMeta):
        # How a caller uses an enum: one member by its value. inspect.signature shows the
        # metaclass's functional API instead, and differently on each Python (3.10, 3.11
        # and 3.12 disagree), so the committed page could hold on one Python only.
        return "(value)"
    try:
        signature = inspect.signature(value)
    except (TypeError, ValueError):
        return ""
    parameters = [
        parameter.replace(annotation=_written(parameter.annotation))
        for parameter in signature.parameters.values()
    ]
    returns = _written(signature.return_annotation)
    if inspect.isclass(value):
        returns = inspect.Signature.empty
    return str(signature.replace(parameters=parameters, return_annotation=returns))


def _entry(name: str, value: Any, home: str) -> str:
    anchor = f'<a id="{name.lower()}"></a>\n'
    if typing.get_origin(value) is typing.Literal:
        choices = ", ".join(f"`{choice}`" for choice in typing.get_args(value))
        return (
            f"{anchor}### `{name}`\n\nA `Literal` type: one of {choices}. See [{home}]({home}).\n"
        )
    doc = inspect.getdoc(value) or ""
    if inspect.isclass(value):
        heading = f"### class `{name}{_signature(value)}`"
    elif callable(value):
        heading = f"### `{name}{_signature(value)}`"
    else:
        heading = f"### `{name}`"
        doc = {"RULES": "Every rule, by code: `RULES['TTS201'].name == 'bad-duration'`."}.get(
            name, doc
        )
    return f"{anchor}{heading}\n\n{doc}\n\nSee [{home}]({home}).\n"


def markdown() -> str:
    """The API reference as Markdown."""
    names = [name for name in ttsbuilder.__all__ if name != "__version__"]
    parts = [_INTRO, "| name | guide |\n|---|---|"]
    parts.extend(
        f"| [`{name}`](#{name.lower()}) | [{_home(name)}]({_home(name)}) |" for name in names
    )
    parts.append("")
    parts.extend(_entry(name, getattr(ttsbuilder, name), _home(name)) for name in names)
    parts.append(_STRATEGIES)
    parts.extend(
        _entry(f"strategies.{name}", getattr(strategies, name), "builder.md")
        for name in strategies.__all__
    )
    return "\n".join(parts)


if __name__ == "__main__":
    print(markdown(), end="")
