"""SSML file rules (TTS51x): what stops an ``.ssml`` or ``.xml`` prompt file being a tree.

``ttsbuilder lint`` reads a file holding a ``<speak>`` document as ``parse_ssml`` does
(no entities, no DTD, no network, bounded size and depth); the tree it holds is then
checked like any other, at the lines and columns of its elements and attributes. Their
examples are SSML files (``kind="ssml-file"``): the tests lint them as files.

>>> SSML_NOT_A_TREE.code, SSML_NOT_A_TREE.name
('TTS511', 'ssml-not-a-tree')
"""

from __future__ import annotations

from ttsbuilder.rules.base import error

__all__ = ["AZURE_SCHEMA", "SSML_NOT_A_TREE", "SSML_SYNTAX_ERROR"]

FAMILY = "ssml-files"
KIND = "ssml-file"

_VOICE = '<voice name="en-US-JennyNeural">'
_SPEAK = '<speak version="1.0" xmlns="http://www.w3.org/2001/10/synthesis" xml:lang="en-US">'

SSML_SYNTAX_ERROR = error(
    "TTS510",
    "ssml-syntax-error",
    "The SSML file cannot be read: it is not well-formed XML, not in the encoding it "
    "declares (UTF-8 when it declares none), larger than 1,000,000 bytes, or its DOCTYPE "
    "declares entities (refused: they are never expanded). The message is the parser's.",
    why="A file that is not well-formed XML, or that asks for entities, a DTD or more than "
    "the reader allows, cannot be read safely; the service would refuse it too.",
    bad=f"{_SPEAK}{_VOICE}Hello</speak>",
    good=f"{_SPEAK}{_VOICE}Hello</voice></speak>",
    kind=KIND,
    family=FAMILY,
)
SSML_NOT_A_TREE = error(
    "TTS511",
    "ssml-not-a-tree",
    "The SSML holds what a text_to_speech_option tree cannot: a root other than speak, "
    "a second voice, an element other than break, prosody, say-as, mstts:silence and "
    "mstts:express-as (audio, phoneme, bookmark, ...), an attribute the tree has no key "
    "for, an entity reference or a value the tree's types refuse. `ttsbuilder import` "
    "refuses the same files with the same message.",
    why="SSML can say things a text_to_speech_option tree cannot hold (audio, phonemes, "
    "several voices); converting or checking such a file as a tree would silently drop "
    "them.",
    bad=f'{_SPEAK}{_VOICE}Hello<audio src="chime.wav"/></voice></speak>',
    good=f'{_SPEAK}{_VOICE}Hello<break time="1s"/></voice></speak>',
    kind=KIND,
    family=FAMILY,
)
AZURE_SCHEMA = error(
    "TTS512",
    "azure-schema",
    "An Azure-dialect file (it uses the mstts namespace or names an Azure voice) that "
    "Microsoft's SSML schema rejects; the schema ships with ttsbuilder and is read "
    "offline. Azure needs the SSML namespace and version on speak.",
    why="Azure checks SSML against its schema and refuses what it rejects; finding it at the "
    "file's line before sending is cheaper than a failed call.",
    bad=f'<speak xml:lang="en-US">{_VOICE}Hello</voice></speak>',
    good=f"{_SPEAK}{_VOICE}Hello</voice></speak>",
    kind=KIND,
    family=FAMILY,
)
