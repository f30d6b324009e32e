"""Read Azure-dialect SSML back into a canonical ``text_to_speech_option`` tree.

The parser resolves no entities, reads no network, loads no DTD and refuses a
DOCTYPE that declares entities; input is bounded in size (:data:`MAX_SSML_BYTES`)
and nesting. Whatever a tree cannot hold — a second voice, audio, phoneme, a
prosody contour, a bookmark — is refused with :class:`~ttsbuilder.errors.SSMLError`
naming the element and its line; nothing is dropped silently.

>>> parse_ssml('<speak version="1.0" xmlns="http://www.w3.org/2001/10/synthesis" '
...            'xml:lang="en-US"><voice name="en-US-GuyNeural">Hi<break time="1s"/>'
...            '</voice></speak>')
{'text': 'Hi', 'break': {'value': '1s'}}
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal

from lxml import etree

from ttsbuilder.codec import encode_tree, member_name
from ttsbuilder.errors import ArgumentError, SSMLError
from ttsbuilder.model import (
    EXPRESS_ATTRIBUTES,
    PROSODY_ATTRIBUTES,
    Break,
    ExpressAs,
    Node,
    Prosody,
    SayAs,
    Silence,
    Text,
    Tree,
)
from ttsbuilder.profiles import Profile, ProfileName, get_profile
from ttsbuilder.rules.context import MAX_DEPTH
from ttsbuilder.ssml.names import MSTTS_NAMESPACES, SYNTHESIS, TARGETS, Target
from ttsbuilder.ssml.platforms import INTERPRET_READ_BACK
from ttsbuilder.validation import validate
from ttsbuilder.values import Duration, Pitch, Rate, Volume, format_number

__all__ = [
    "MAX_SSML_BYTES",
    "Reading",
    "SSMLRefusal",
    "Whitespace",
    "parse_ssml",
    "read_document",
    "read_tree",
]

#: The largest SSML document :func:`parse_ssml` reads, in bytes of UTF-8.
MAX_SSML_BYTES = 1_000_000

Whitespace = Literal["keep", "normalize"]
Element = etree._Element

_SPACES = re.compile(r"\s+")
_ATTRIBUTES = {
    "break": ("time", "strength"),
    "prosody": PROSODY_ATTRIBUTES,
    "say-as": ("interpret-as", "format"),
    "mstts:silence": ("type", "value"),
    "mstts:express-as": EXPRESS_ATTRIBUTES,
}


def _name(element: Element) -> str:
    """The element's name as SSML authors write it: ``break``, ``mstts:silence``."""
    qualified = etree.QName(element)
    if qualified.namespace in MSTTS_NAMESPACES:
        return f"mstts:{qualified.localname}"
    if qualified.namespace in (SYNTHESIS, None):
        return qualified.localname
    return f"{{{qualified.namespace}}}{qualified.localname}"


class SSMLRefusal(SSMLError):
    """What a tree cannot hold, refused at ``element`` (so a caller can place it exactly)."""

    def __init__(self, message: str, element: Element) -> None:
        line = element.sourceline
        super().__init__(message, line=line if isinstance(line, int) else None)
        self.element = element


def _refuse(element: Element, message: str) -> SSMLRefusal:
    return SSMLRefusal(message, element)


#: Where a member was read from: an element itself, or the text (``"text"``) or tail
#: (``"tail"``) of an element.
Place = tuple[Element, Literal["element", "text", "tail"]]


@dataclass(frozen=True, slots=True)
class Reading:
    """A tree read from SSML, and where each member (by JSON pointer) was read from."""

    tree: Tree
    places: dict[str, Place]


def _change(factor: float, places: int) -> str:
    """A factor of the normal value as the tree's signed percent change."""
    return f"{format_number((factor - 1) * 100, sign=True, places=places)}%"


class _Reader:
    __slots__ = ("places", "shares", "target", "w3c", "whitespace")

    def __init__(self, whitespace: Whitespace, target: Target = "azure") -> None:
        self.whitespace = whitespace
        #: id(node) → where it was read from, for positions.
        self.places: dict[int, Place] = {}
        self.w3c = False
        self.target = target
        #: Whether the dialect writes rate as a share of normal and volume in dB (SSML
        #: 1.1, Polly, Google): such values are read back as the tree's changes.
        self.shares = target != "azure"

    def speak(self, root: Element) -> Tree:
        if _name(root) != "speak":
            raise _refuse(root, f"the root element is <{_name(root)}>, not <speak>")
        # SSML 1.1 (our w3c target) reads an unsigned percent as a share of the normal
        # value, Azure as a change: "130%" would come back as +130%.
        self.w3c = root.get("version") == "1.1"
        voices = [child for child in root if isinstance(child.tag, str) and _name(child) == "voice"]
        if not voices:
            return Tree(self.content(root, 1, top=True))
        for child in root:
            if isinstance(child, (etree._ProcessingInstruction, etree._Entity)):
                self.content_item(child, 1, top=True)  # refuses
            if isinstance(child.tag, str) and _name(child) != "voice":
                raise _refuse(child, f"<{_name(child)}> outside the voice cannot be represented")
        if len(voices) > 1:
            raise _refuse(voices[1], "a second <voice> cannot be represented: a tree has one voice")
        stray = [root.text, *(child.tail for child in root)]
        if any(text and not text.isspace() for text in stray):
            raise _refuse(root, "text outside the <voice> cannot be represented")
        return Tree(self.content(voices[0], 1, top=True))

    def content(self, parent: Element, depth: int, *, top: bool) -> tuple[Any, ...]:
        """The member nodes of ``parent``: each run of text is one text member."""
        if depth > MAX_DEPTH:
            raise _refuse(parent, f"nesting deeper than {MAX_DEPTH} levels")
        nodes: list[Node] = []
        self.text(nodes, parent.text, (parent, "text"))
        for child in parent:
            node = self.content_item(child, depth, top=top)
            if node is not None:
                nodes.append(node)
                self.places[id(node)] = (child, "element")
            self.text(nodes, child.tail, (child, "tail"))
        return tuple(nodes)

    def text(self, nodes: list[Node], text: str | None, place: Place) -> None:
        if not text:
            return
        if self.whitespace == "normalize":
            if text.isspace():
                return
            text = _SPACES.sub(" ", text)
        node = Text(text)
        nodes.append(node)
        self.places[id(node)] = place

    def content_item(self, child: Element, depth: int, *, top: bool) -> Node | None:
        if isinstance(child, etree._Comment):
            return None  # a member boundary, as render_ssml writes between two texts
        if isinstance(child, etree._ProcessingInstruction):
            raise _refuse(child, "a processing instruction cannot be represented")
        if isinstance(child, etree._Entity):
            raise _refuse(
                child, f"entity reference {child.text} is refused: entities are not expanded"
            )
        name = _name(child)
        if name not in _ATTRIBUTES:
            what = "a second <voice>" if name == "voice" else f"<{name}>"
            raise _refuse(child, f"{what} cannot be represented in a text_to_speech_option tree")
        attributes = self.attributes(child, name)
        if name == "break":
            self.empty(child, name)
            if "time" not in attributes:
                raise _refuse(child, "a <break> without time cannot be represented: write time")
            return Break(self.duration(child, attributes["time"]), attributes.get("strength"))
        if name == "say-as":
            if len(child) or not child.text:
                raise _refuse(child, "a <say-as> holds text only, and some text")
            text = child.text
            if self.whitespace == "normalize":
                text = _SPACES.sub(" ", text).strip()
            if "interpret-as" not in attributes:
                raise _refuse(child, "<say-as> needs interpret-as")
            interpret = attributes["interpret-as"]
            interpret = INTERPRET_READ_BACK.get(self.target, {}).get(interpret, interpret)
            return SayAs(interpret, text, attributes.get("format"))
        if name == "prosody":
            return Prosody(
                self.content(child, depth + 1, top=False),
                pitch=self.value(child, Pitch, attributes.get("pitch")),  # type: ignore[arg-type]
                rate=self.value(child, Rate, attributes.get("rate")),  # type: ignore[arg-type]
                volume=self.value(child, Volume, attributes.get("volume")),  # type: ignore[arg-type]
            )
        if not top:
            raise _refuse(
                child,
                f"<{name}> inside another element cannot be represented: "
                "a tree has silence and express-as at its top level only",
            )
        if name == "mstts:silence":
            self.empty(child, name)
            if "type" not in attributes or "value" not in attributes:
                raise _refuse(child, "<mstts:silence> needs type and value")
            return Silence(attributes["type"], self.duration(child, attributes["value"]))
        if "style" not in attributes:
            raise _refuse(child, "<mstts:express-as> needs style")
        return ExpressAs(
            attributes["style"],
            self.content(child, depth + 1, top=False),
            styledegree=attributes.get("styledegree"),
            role=attributes.get("role"),
        )

    def attributes(self, element: Element, name: str) -> dict[str, str]:
        allowed = _ATTRIBUTES[name]
        found: dict[str, str] = {}
        # Names first: lxml finds each value by a search of the element's attributes, so
        # reading all values of a hostile element with 80,000 attributes took minutes.
        for key in element.keys():  # noqa: SIM118 (iterating an element gives its children)
            if key not in allowed:
                raise _refuse(
                    element,
                    f"<{name}> attribute {etree.QName(key).localname!r} cannot be represented: "
                    f"a tree has {', '.join(allowed)}",
                )
        for key in allowed:
            value = element.get(key)
            if value is not None:
                found[key] = str(value)
        return found

    def empty(self, element: Element, name: str) -> None:
        if len(element) or (element.text and not element.text.isspace()):
            raise _refuse(element, f"<{name}> cannot hold content")

    def share(self, element: Element, kind: type[Pitch | Rate | Volume], text: str) -> str:
        """An SSML 1.1 rate share (``130%``) or volume in dB (``+3.52dB``) as the tree's change."""
        try:
            if kind is Rate and text.endswith("%") and text[:1] not in "+-":
                return _change(float(text[:-1]) / 100, 4)
            if kind is Volume and text.endswith("dB"):
                # Eight places keep -96dB (a factor of 0.0000158) at -96dB when written again.
                return _change(10 ** (min(float(text[:-2]), 1000.0) / 20), 8)
        except ValueError:
            raise _refuse(element, f"{kind.__name__.lower()}={text!r} is not a number") from None
        if text.endswith("%") and text[:1] not in "+-":
            raise _refuse(
                element,
                f"{kind.__name__.lower()}={text!r} in {self.target} SSML has no meaning a tree "
                "can hold: write a signed change like '+30%'",
            )
        return text

    def duration(self, element: Element, text: str) -> Duration:
        try:
            return Duration.parse(text.strip(), argument=_name(element))
        except ArgumentError as exc:
            raise _refuse(element, str(exc)) from None

    def value(
        self, element: Element, kind: type[Pitch | Rate | Volume], text: str | None
    ) -> Pitch | Rate | Volume | None:
        if text is None:
            return None
        text = text.strip()
        if self.shares:
            text = self.share(element, kind, text)
        elif self.w3c and text.endswith("%") and text[:1] not in "+-":
            raise _refuse(
                element,
                f"{kind.__name__.lower()}={text!r} in SSML 1.1 is a share of the normal value, "
                "which a tree cannot hold: write a signed change like '+30%'",
            )
        try:
            return kind.parse(text)  # type: ignore[return-value]
        except ArgumentError as exc:
            raise _refuse(element, str(exc)) from None


def read_document(text: str | bytes) -> Element:
    """The root element of SSML ``text``, read safely (the first step of :func:`parse_ssml`).

    No entities, no DTD, no network, at most :data:`MAX_SSML_BYTES`; raises only
    :class:`~ttsbuilder.errors.SSMLError`, with the line and column of a syntax error.

    >>> read_document('<speak><voice name="x">Hi</voice></speak>')[0].get("name")
    'x'
    """
    if isinstance(text, str):
        data, encoding = text.encode("utf-8", "surrogatepass"), "utf-8"
    elif isinstance(text, bytes):
        data, encoding = text, None
    else:
        raise SSMLError(f"SSML is text or bytes, got {type(text).__name__}")
    if len(data) > MAX_SSML_BYTES:
        raise SSMLError(f"the SSML is {len(data)} bytes: at most {MAX_SSML_BYTES} are read")
    # Entities are declared only inside a DOCTYPE: "<!ENTITY" in a comment or CDATA
    # section of a document without one is text, not a declaration.
    opening = data.find(b"<!DOCTYPE")
    declared = data.find(b"<!ENTITY", opening) if opening >= 0 else -1
    if declared >= 0:
        line = data.count(b"\n", 0, declared) + 1
        column = declared - (data.rfind(b"\n", 0, declared) + 1) + 1
        raise SSMLError("a DOCTYPE that declares entities is refused", line=line, column=column)
    parser = etree.XMLParser(
        encoding=encoding,
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_pis=False,
    )
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        line, column = exc.position
        raise SSMLError(
            f"not well-formed XML: {exc.msg}", line=line or exc.lineno, column=column or None
        ) from None
    except (ValueError, etree.LxmlError) as exc:
        raise SSMLError(f"cannot read the SSML: {exc}") from None
    if root is None:
        raise SSMLError("the SSML is empty")
    doctype: Any = root.getroottree().docinfo.internalDTD
    if doctype is not None and any(True for _ in doctype.iterentities()):
        raise SSMLError("a DOCTYPE that declares entities is refused", line=1)
    return root


def _pointers(
    nodes: tuple[Node, ...], pointer: str, places: dict[int, Place], found: dict[str, Place]
) -> None:
    """JSON pointer → where each member was read from, into ``found``."""
    counts: dict[str, int] = {}
    for node in nodes:
        count = counts[node.kind] = counts.get(node.kind, 0) + 1
        at = f"{pointer}/{member_name(node.kind, count)}"
        if id(node) in places:
            found[at] = places[id(node)]
        if isinstance(node, (Prosody, ExpressAs)):
            _pointers(node.children, at, places, found)


def read_tree(
    root: Element, *, whitespace: Whitespace = "keep", target: Target = "azure"
) -> Reading:
    """The tree the ``<speak>`` element ``root`` holds, not yet validated.

    Raises :class:`SSMLRefusal` (an :class:`~ttsbuilder.errors.SSMLError`) at the
    element a tree cannot hold.

    >>> reading = read_tree(read_document('<speak>Hi<break time="1s"/></speak>'))
    >>> reading.tree.children
    (Text(text='Hi'), Break(value=Duration(text='1s'), strength=None))
    >>> sorted(reading.places)
    ['/break', '/text']
    """
    if whitespace not in ("keep", "normalize"):
        raise SSMLError(f"whitespace={whitespace!r}: use 'keep' or 'normalize'")
    reader = _Reader(whitespace, target)
    tree = reader.speak(root)
    places: dict[str, Place] = {}
    _pointers(tuple(tree.children), "", reader.places, places)
    return Reading(tree, places)


def _check(reading: Reading, document: dict[str, Any], profile: Profile) -> None:
    """SSMLError, naming the element's line, for the first error validate() finds."""
    errors = [p for p in validate(document, kind="tts", profile=profile) if p.is_error]
    if not errors:
        return
    first = errors[0]
    line = None
    at = first.pointer
    while at and line is None:  # the member the problem is in, or its container
        place = reading.places.get(at)
        if place is not None and place[1] == "element":
            found = place[0].sourceline
            line = found if isinstance(found, int) else None
        at = at.rsplit("/", 1)[0]
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    raise SSMLError(
        f"{first.code} {first.message} (at {first.pointer}, {profile.name} profile){more}",
        line=line if line is not None else 1,
    )


def parse_ssml(
    text: str | bytes,
    *,
    whitespace: Whitespace = "keep",
    profile: ProfileName | Profile = "enablex",
    target: Target = "azure",
) -> dict[str, Any]:
    """The canonical tree dict of Azure-dialect SSML ``text`` (a str, or bytes in any XML encoding).

    Reads ``speak`` with one ``voice`` (or none) holding text, ``break``, ``prosody``,
    ``say-as``, ``mstts:silence`` and ``mstts:express-as``; the voice name and language
    are not part of a tree. ``whitespace="keep"`` (the default) keeps every text exactly,
    so ``parse_ssml(render_ssml(tree)) == tree``; ``"normalize"`` drops whitespace-only
    runs between elements and collapses other runs of whitespace to one space, for
    hand-indented SSML. Values are read as Azure reads them. The tree is validated under
    ``profile`` (``enablex`` by default, as :func:`~ttsbuilder.validate` does): one that
    has errors (an unknown interpret-as, a 10 s break under ``enablex``) is refused, so
    the result is always a tree ``validate()`` accepts; its warnings are not reported
    here. SSML 1.1 (``version="1.1"``) prosody percents without a sign mean a share of the
    normal value and are refused. ``target="w3c"``, ``"polly"`` or ``"google"`` reads that
    dialect's values instead (what :func:`render_ssml` writes in that target): a rate
    ``130%`` of normal comes back as ``+30%``, a volume ``+3.52dB`` as a percent change,
    Polly's ``digits`` as ``number_digit``. Raises only :class:`~ttsbuilder.errors.SSMLError`
    (and :class:`~ttsbuilder.errors.ArgumentError` for an unknown ``profile``).

    >>> parse_ssml('<speak><voice name="x"><prosody rate="+30%">Hi</prosody></voice></speak>')
    {'prosody': {'rate': '+30%', 'text': 'Hi'}}
    """
    chosen = get_profile(profile)
    if whitespace not in ("keep", "normalize"):
        raise SSMLError(f"whitespace={whitespace!r}: use 'keep' or 'normalize'")
    if type(target) is not str or target not in TARGETS:
        raise SSMLError(f"target={target!r}: use one of {', '.join(TARGETS)}")
    reading = read_tree(read_document(text), whitespace=whitespace, target=target)
    document = encode_tree(reading.tree)
    _check(reading, document, chosen)
    return document
