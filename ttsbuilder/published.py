"""The published JSON Schemas (Draft 2020-12) of the tree and of each request body.

The files live in ``ttsbuilder/schemas/`` and ship inside the package; they are read from there,
once, and handed out as fresh copies. See ``docs/schemas.md``.

>>> schema("play")["$id"]
'https://ttsbuilder.dev/schemas/play.schema.json'
>>> schema("tts", "azure")["title"]
'Voice API text_to_speech_option tree (azure profile)'
"""

from __future__ import annotations

import copy
import functools
import json
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ttsbuilder._extras import require
from ttsbuilder.errors import TTSBuilderError
from ttsbuilder.profiles import PROFILE_NAMES, Profile, ProfileName, get_profile
from ttsbuilder.rules.payloads import DOCUMENT_KINDS, DocumentKind

if TYPE_CHECKING:
    from referencing import Registry

__all__ = [
    "BASE_URI",
    "CATALOG_FILE",
    "PROFILED_KINDS",
    "PROMPT_FILE_EXTENSIONS",
    "SCHEMA_KINDS",
    "catalog",
    "file_match",
    "registry",
    "schema",
    "schema_file",
    "schema_id",
    "schema_path",
]

#: The kinds that have a schema: the tree and each request body.
SCHEMA_KINDS: tuple[DocumentKind, ...] = DOCUMENT_KINDS

#: Every ``$id`` is this plus the file name.
BASE_URI = "https://ttsbuilder.dev/schemas/"

#: The catalog of every schema, in SchemaStore's format, beside the schema files.
CATALOG_FILE = "catalog.json"

#: The file extensions of prompt files that the catalog associates with a schema.
PROMPT_FILE_EXTENSIONS: tuple[str, ...] = ("json", "yaml", "yml")

# Only these differ between profiles; the call-control bodies have one schema for both.
PROFILED_KINDS: tuple[DocumentKind, ...] = ("tts", "play", "dial-out")


def schema_file(kind: DocumentKind, profile: ProfileName | Profile = "enablex") -> str:
    """The file name of ``kind``'s schema: ``play.schema.json``, ``play-azure.schema.json``."""
    if kind not in SCHEMA_KINDS:
        raise TTSBuilderError(f"no schema for kind {kind!r}: use one of {', '.join(SCHEMA_KINDS)}")
    name = get_profile(profile).name
    suffix = "-azure" if name == "azure" and kind in PROFILED_KINDS else ""
    return f"{kind}{suffix}.schema.json"


def file_match(kind: DocumentKind, profile: ProfileName | Profile = "enablex") -> list[str]:
    """The file-name globs of prompt files that ``kind``'s schema describes (the catalog's).

    A prompt file is named ``<anything>.<kind>.<extension>``; under the azure profile
    ``<anything>.<kind>-azure.<extension>`` (the schema file's name without
    ``.schema``). The call-control kinds have one schema, so one name for both profiles.

    >>> file_match("play", "azure")
    ['*.play-azure.json', '*.play-azure.yaml', '*.play-azure.yml']
    """
    stem = schema_file(kind, profile).removesuffix(".schema.json")
    return [f"*.{stem}.{extension}" for extension in PROMPT_FILE_EXTENSIONS]


def schema_id(kind: DocumentKind, profile: ProfileName | Profile = "enablex") -> str:
    """The ``$id`` of a kind's schema: what a prompt file's ``$schema`` member names.

    >>> schema_id("dial-out", "azure")
    'https://ttsbuilder.dev/schemas/dial-out-azure.schema.json'
    """
    return BASE_URI + schema_file(kind, profile)


def schema_path(kind: DocumentKind, profile: ProfileName | Profile = "enablex") -> Path:
    """The installed file of a kind's schema, for editors that take a path.

    Raises :class:`~ttsbuilder.errors.TTSBuilderError` for an unknown kind or profile,
    or when the package is not on the file system (imported from a zip).

    >>> schema_path("hold").name
    'hold.schema.json'
    """
    resource = files("ttsbuilder") / "schemas" / schema_file(kind, profile)
    if not isinstance(resource, Path):
        raise TTSBuilderError(f"{resource} is not a file on disk: use schema({kind!r}) instead")
    return resource


@functools.cache
def _load(name: str) -> dict[str, Any]:
    resource = files("ttsbuilder") / "schemas" / name
    try:
        loaded = json.loads(resource.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise TTSBuilderError(f"cannot read the packaged schema {name}: {error}") from None
    if not isinstance(loaded, dict):
        raise TTSBuilderError(f"the packaged schema {name} is not a JSON object")
    return loaded


def schema(kind: DocumentKind, profile: ProfileName | Profile = "enablex") -> dict[str, Any]:
    """The published JSON Schema of ``kind`` (``tts`` or a request body) as a new dict.

    ``profile`` picks the enablex (default) or azure limits; the call-control bodies
    (connect, transfer, forward, hold, recording) are the same in both. Each call
    returns a fresh deep copy, so a caller may change it freely. Raises
    :class:`~ttsbuilder.errors.TTSBuilderError` for an unknown kind or profile.

    >>> schema("hold")["required"]
    ['hold']
    """
    return copy.deepcopy(_load(schema_file(kind, profile)))


def catalog() -> dict[str, Any]:
    """The schema catalog (SchemaStore's format) as a new dict: one entry per schema file.

    Each entry has a ``name``, a ``description``, the ``fileMatch`` globs of
    :func:`file_match` and the schema's ``$id`` as its ``url``. The file ships as
    ``ttsbuilder/schemas/catalog.json``; ``ttsbuilder schema catalog`` prints it.

    >>> entry = catalog()["schemas"][1]
    >>> entry["url"], entry["fileMatch"][0]
    ('https://ttsbuilder.dev/schemas/tts-azure.schema.json', '*.tts-azure.json')
    """
    return copy.deepcopy(_load(CATALOG_FILE))


@functools.lru_cache(maxsize=1)
def registry() -> Registry[Any]:
    """A :class:`referencing.Registry` holding every ttsbuilder schema, by ``$id``.

    Hand it to python-jsonschema so cross-file ``$ref``s resolve without the network::

        from jsonschema import Draft202012Validator
        validator = Draft202012Validator(schema("play"), registry=registry())
        validator.is_valid({"text": "Hello", "voice": "female"})  # True

    Needs the ``jsonschema`` extra (``pip install 'ttsbuilder[jsonschema]'``); without it,
    raises :class:`~ttsbuilder.errors.MissingExtraError`.
    """
    # Imported here so that `import ttsbuilder` can import this module eagerly at no cost.
    require("referencing", extra="jsonschema", feature="ttsbuilder.published.registry()")
    from referencing import Registry, Resource

    resources: dict[str, Resource[Any]] = {}
    for kind in SCHEMA_KINDS:
        for profile in PROFILE_NAMES:
            contents = schema(kind, profile)  # a copy: the registry must not share the cache
            resources[contents["$id"]] = Resource.from_contents(contents)
    return Registry().with_resources(resources.items())
