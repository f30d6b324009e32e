"""Microsoft's SSML schema, shipped with the package, as a check of Azure-dialect files.

The XSDs in ``ttsbuilder/ssml/xsd/azure`` (with their licence) are read from the
installed package with no network. A document is Azure dialect when it uses the
``mstts`` namespace or names an Azure voice (``en-US-JennyNeural``); Microsoft's
documentation writes the namespace with ``https``, its schema with ``http``: both are
checked as the schema's.

>>> from lxml import etree
>>> root = etree.fromstring('<speak xmlns="http://www.w3.org/2001/10/synthesis" '
...     'version="1.0" xml:lang="en-US"><voice name="en-US-JennyNeural">'
...     '<break strength="huge"/></voice></speak>')
>>> is_azure(root)
True
>>> [(element.tag.rpartition("}")[2], attribute) for element, attribute, _ in azure_errors(root)]
[('break', 'strength')]
"""

from __future__ import annotations

import copy
import functools
import re
from pathlib import Path

from lxml import etree

from ttsbuilder.ssml.names import MSTTS, MSTTS_NAMESPACES, SYNTHESIS
from ttsbuilder.ssml.voices import is_azure_voice

__all__ = ["AZURE_XSD", "azure_errors", "is_azure"]

#: The entry point of Microsoft's schema in the installed package.
AZURE_XSD = Path(__file__).resolve().parent / "xsd" / "azure" / "ssml.xsd"

_QUALIFIED = re.compile(r"\{([^}]*)\}([\w.-]+)")
_ABOUT = re.compile(r"Element '([^']*)'(?:, attribute '([^']*)')?: (.*)", re.S)
_PREFIXES = {SYNTHESIS: "", **dict.fromkeys(MSTTS_NAMESPACES, "mstts:")}


@functools.lru_cache(maxsize=1)
def _schema() -> etree.XMLSchema:
    parser = etree.XMLParser(no_network=True, resolve_entities=False, load_dtd=False)
    return etree.XMLSchema(etree.parse(str(AZURE_XSD), parser))


def is_azure(root: etree._Element) -> bool:
    """Whether the document uses the mstts namespace or names an Azure voice.

    A Google voice name (what the ``google`` target writes) is not Azure's.

    >>> is_azure(etree.fromstring('<speak><voice name="en-US-Wavenet-F">Hi</voice></speak>'))
    False
    """
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        if set(element.nsmap.values()) & MSTTS_NAMESPACES:
            return True
        if etree.QName(element).localname == "voice" and is_azure_voice(element.get("name")):
            return True
    return False


def _readable(message: str) -> str:
    """A schema message with ``{namespace}name`` written as SSML authors write it."""

    def name(match: re.Match[str]) -> str:
        prefix = _PREFIXES.get(match.group(1))
        return match.group(0) if prefix is None else prefix + match.group(2)

    message = _QUALIFIED.sub(name, message)
    about = _ABOUT.match(message)
    if about is None:
        return message
    element, attribute, rest = about.groups()
    what = f"<{element}> attribute {attribute!r}" if attribute else f"<{element}>"
    return f"{what}: {rest}"


def _as_schema_namespace(root: etree._Element) -> etree._Element:
    """``root`` itself, or a copy with the ``https`` mstts namespace written as the schema's."""
    if not any(
        isinstance(e.tag, str) and etree.QName(e).namespace in MSTTS_NAMESPACES - {MSTTS}
        for e in root.iter()
    ):
        return root
    twin = copy.deepcopy(root)
    for element in twin.iter():
        if isinstance(element.tag, str):
            qualified = etree.QName(element)
            if qualified.namespace in MSTTS_NAMESPACES:
                element.tag = f"{{{MSTTS}}}{qualified.localname}"
    return twin


_STEP = re.compile(r"\*(?:\[([1-9][0-9]*)\])?")


def _positional(
    root: etree._Element, path: str, children: dict[etree._Element, list[etree._Element]]
) -> etree._Element | None:
    """The element at a path such as ``/*/*/*[3]`` (what libxml2 writes), or None.

    Each element's children are listed once: XPath looks ``*[3]`` up among the siblings
    every time, so a file with 20,000 complaints took seconds to place them.
    """
    steps = path.split("/")
    if len(steps) < 2 or steps[0] or steps[1] != "*":
        return None
    element = root
    for step in steps[2:]:
        match = _STEP.fullmatch(step)
        if match is None:
            return None
        if element not in children:
            children[element] = [child for child in element if isinstance(child.tag, str)]
        index = int(match[1] or 1) - 1
        if index >= len(children[element]):
            return None
        element = children[element][index]
    return element


def azure_errors(root: etree._Element) -> list[tuple[etree._Element, str | None, str]]:
    """Each complaint of Microsoft's schema about ``root``: its element, attribute, and why.

    The attribute is its name as written (``strength``), or None for the element itself.

    A complaint whose path does not lead back to an element is reported at ``root``.
    """
    if etree.QName(root).namespace != SYNTHESIS:
        # The schema stops at such a root, saying only "No matching global declaration
        # available for the validation root": say what Azure needs instead.
        return [
            (
                root,
                None,
                f"<{etree.QName(root).localname}> is not in the SSML namespace: Azure needs "
                f'<speak xmlns="{SYNTHESIS}" version="1.0">',
            )
        ]
    schema = _schema()
    checked = _as_schema_namespace(root)
    if schema.validate(checked):
        return []
    original = dict(zip(checked.iter(), root.iter(), strict=True))
    tree = checked.getroottree()
    prefixes = {
        prefix: namespace
        for element in checked.iter()
        if isinstance(element.tag, str)
        for prefix, namespace in element.nsmap.items()
        if prefix
    }
    children: dict[etree._Element, list[etree._Element]] = {}
    found: list[tuple[etree._Element, str | None, str]] = []
    for entry in list(schema.error_log):  # type: ignore[call-overload]
        first: object = _positional(checked, entry.path or "", children)
        if first is None:
            try:
                matches = tree.xpath(entry.path, namespaces=prefixes) if entry.path else []
            except etree.XPathError:
                matches = []
            first = matches[0] if isinstance(matches, list) and matches else None
        element = original.get(first, root) if isinstance(first, etree._Element) else root
        about = _ABOUT.match(entry.message)
        attribute = about.group(2) if about else None
        found.append((element, attribute, _readable(entry.message)))
    return found
