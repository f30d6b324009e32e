"""XML names the SSML renderer and parser share: namespaces and qualified tags.

>>> BREAK
'{http://www.w3.org/2001/10/synthesis}break'
"""

from __future__ import annotations

from typing import Literal, get_args

__all__ = [
    "BREAK",
    "EXPRESS_AS",
    "MSTTS",
    "MSTTS_NAMESPACES",
    "PLATFORMS",
    "PROSODY",
    "SAY_AS",
    "SILENCE",
    "SPEAK",
    "SYNTHESIS",
    "TARGETS",
    "VOICE",
    "XML_LANG",
    "Target",
]

#: The SSML namespace (W3C SSML 1.0 and 1.1 share it).
SYNTHESIS = "http://www.w3.org/2001/10/synthesis"
#: Microsoft's extension namespace, as Microsoft's own schema declares it (SPEC §5).
MSTTS = "http://www.w3.org/2001/mstts"
#: mstts namespaces the parser accepts: Microsoft's documentation also writes ``https``.
MSTTS_NAMESPACES = frozenset({MSTTS, "https://www.w3.org/2001/mstts"})
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

SPEAK = f"{{{SYNTHESIS}}}speak"
VOICE = f"{{{SYNTHESIS}}}voice"
BREAK = f"{{{SYNTHESIS}}}break"
PROSODY = f"{{{SYNTHESIS}}}prosody"
SAY_AS = f"{{{SYNTHESIS}}}say-as"
SILENCE = f"{{{MSTTS}}}silence"
EXPRESS_AS = f"{{{MSTTS}}}express-as"

#: The SSML dialects :func:`ttsbuilder.ssml.render_ssml` writes: Microsoft's Azure, W3C
#: SSML 1.1, Amazon Polly's and Google Cloud Text-to-Speech's; a new dialect is a new name
#: here and its writer in :mod:`ttsbuilder.ssml`.
Target = Literal["azure", "w3c", "polly", "google"]
#: Every target, in the order of :data:`Target`.
TARGETS: tuple[Target, ...] = get_args(Target)
#: The targets that speak a vendor's own SSML subset (no namespace, no mstts), written by
#: :mod:`ttsbuilder.ssml.platform_writer`.
PLATFORMS: tuple[Target, ...] = ("polly", "google")
