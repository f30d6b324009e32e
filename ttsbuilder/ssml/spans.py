"""Where each element, attribute and text of an XML document starts: line and column.

lxml gives an element only the line where its start tag *ends*, and an attribute or a
text nothing at all. :class:`Spans` scans the document's text once for its tags (the
document has already been parsed, so it is well-formed) and pairs them, in document
order, with lxml's elements. Lines and columns are 1-based, columns counted in code
points, as ``ttsbuilder lint`` reports them everywhere.

>>> from lxml import etree
>>> text = '<speak>\\n  <break\\n    time="1s"/> Hi</speak>'
>>> root = etree.fromstring(text)
>>> spans = Spans(text, root)
>>> spans.element(root[0]), spans.attribute(root[0], "time"), spans.tail(root[0])
((2, 3), (3, 5), (3, 17))
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from lxml import etree

__all__ = ["Spans", "first_tag"]

_NAME = re.compile(r"<([^\s/>!?]+)")
_ATTRIBUTE = re.compile(r"\s+([^\s=/>]+)\s*=\s*(?:\"[^\"]*\"|'[^']*')")
_CLOSE = re.compile(r"\s*(/?)>")
_SKIPS = (("<!--", "-->"), ("<![CDATA[", "]]>"), ("<?", "?>"))


@dataclass(slots=True)
class _Scan:
    tags: list[_Tag] = field(default_factory=list)
    #: The (start, end) offsets of comments and of processing instructions (the XML
    #: declaration too), which lxml has as nodes with a tail.
    comments: list[tuple[int, int]] = field(default_factory=list)
    instructions: list[tuple[int, int]] = field(default_factory=list)


@dataclass(slots=True)
class _Tag:
    name: str
    start: int  # the offset of its "<"
    attributes: dict[str, int] = field(default_factory=dict)  # name as written → offset
    content: int = 0  # the offset just after the start tag
    after: int = 0  # the offset just after the element (its end tag, or "/>")


def _skip_doctype(text: str, at: int) -> int:
    """The offset after a ``<!DOCTYPE ...>``, its internal subset included."""
    close = text.find(">", at)
    bracket = text.find("[", at)
    if 0 <= bracket < close:
        close = text.find(">", max(text.find("]", bracket), bracket))
    return len(text) if close < 0 else close + 1


def _scan(text: str, limit: int | None = None) -> _Scan:
    """The start tags of ``text`` in document order (at most ``limit`` of them)."""
    scan = _Scan()
    tags = scan.tags
    open_tags: list[_Tag] = []
    at = text.find("<")
    while at >= 0 and (limit is None or len(tags) < limit):
        following = -1
        for opening, closing in _SKIPS:
            if text.startswith(opening, at):
                end = text.find(closing, at + len(opening))
                following = len(text) if end < 0 else end + len(closing)
                if opening == "<?":
                    scan.instructions.append((at, following))
                elif opening == "<!--":
                    scan.comments.append((at, following))
                break
        else:
            if text.startswith("<!", at):
                following = _skip_doctype(text, at)
            elif text.startswith("</", at):
                end = text.find(">", at)
                following = len(text) if end < 0 else end + 1
                if open_tags:
                    open_tags.pop().after = following
            else:
                following = _start_tag(text, at, tags, open_tags)
        at = text.find("<", following)
    return scan


def _start_tag(text: str, at: int, tags: list[_Tag], open_tags: list[_Tag]) -> int:
    name = _NAME.match(text, at)
    if name is None:
        return at + 1
    tag = _Tag(name.group(1), at)
    tags.append(tag)
    position = name.end()
    while (attribute := _ATTRIBUTE.match(text, position)) is not None:
        tag.attributes[attribute.group(1)] = attribute.start(1)
        position = attribute.end()
    close = _CLOSE.match(text, position)
    tag.content = close.end() if close else position
    if close and close.group(1):
        tag.after = tag.content
    else:
        open_tags.append(tag)
    return tag.content


def first_tag(text: str) -> str | None:
    """The local name of the first element of ``text`` (None when it has none).

    >>> first_tag('<?xml version="1.0"?><!-- a prompt --><s:speak xmlns:s="x"/>')
    'speak'
    """
    tags = _scan(text, limit=1).tags
    return tags[0].name.rpartition(":")[2] if tags else None


class Spans:
    """The positions of the elements of ``root``, parsed from ``text``.

    When the scan and lxml disagree (they should not on a well-formed document), an
    element is placed at its lxml line, column 1.
    """

    __slots__ = ("_by_element", "_lines", "_text")

    def __init__(self, text: str, root: etree._Element) -> None:
        self._text = text
        self._lines = [0, *(match.end() for match in re.finditer("\n", text))]
        elements = [e for e in root.iter() if isinstance(e.tag, str)]
        scan = _scan(text)
        tags = scan.tags
        paired = len(tags) == len(elements) and all(
            tag.name.rpartition(":")[2] == etree.QName(element).localname
            for tag, element in zip(tags, elements, strict=True)
        )
        self._by_element: dict[etree._Element, _Tag] = (
            dict(zip(elements, tags, strict=True)) if paired else {}
        )
        if paired and tags:
            # Comments and processing instructions inside the root, in document order.
            for kind, spans in ((etree.Comment, scan.comments), (etree.PI, scan.instructions)):
                inside = [span for span in spans if tags[0].start < span[0] < tags[0].after]
                nodes = list(root.iter(kind))
                if len(inside) == len(nodes):
                    self._by_element.update(
                        (node, _Tag("!", start, after=end))
                        for node, (start, end) in zip(nodes, inside, strict=True)
                    )

    def _place(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._lines, offset)
        return line, offset - self._lines[line - 1] + 1

    def _fallback(self, element: etree._Element) -> tuple[int, int]:
        line = element.sourceline
        return (line if isinstance(line, int) else 1), 1

    def element(self, element: etree._Element) -> tuple[int, int]:
        """The position of the ``<`` that starts ``element``."""
        tag = self._by_element.get(element)
        return self._place(tag.start) if tag else self._fallback(element)

    def attribute(self, element: etree._Element, name: str) -> tuple[int, int]:
        """The position of attribute ``name`` (as written, ``xml:lang``) of ``element``."""
        tag = self._by_element.get(element)
        if tag is None or name not in tag.attributes:
            return self.element(element)
        return self._place(tag.attributes[name])

    def _text_at(self, offset: int) -> tuple[int, int]:
        """The first non-blank character from ``offset`` (the offset itself if all blank)."""
        end = self._text.find("<", offset)
        run = self._text[offset : len(self._text) if end < 0 else end]
        blank = len(run) - len(run.lstrip())
        return self._place(offset + (blank if blank < len(run) else 0))

    def text(self, element: etree._Element) -> tuple[int, int]:
        """Where ``element``'s own text (before its first child) starts."""
        tag = self._by_element.get(element)
        return self._text_at(tag.content) if tag else self._fallback(element)

    def tail(self, element: etree._Element) -> tuple[int, int]:
        """Where the text after ``element`` (its tail) starts."""
        tag = self._by_element.get(element)
        return self._text_at(tag.after) if tag and tag.after else self._fallback(element)
