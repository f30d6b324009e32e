"""The ``repr`` of a prompt: the builder code that makes it, so ``eval(repr(p)) == p``.

Say-as nodes are written with the helper that makes them (``.date(...)``) when the
helper accepts them, and as ``.say_as(...)`` otherwise.

>>> from ttsbuilder.model import Break, Prosody, Text
>>> from ttsbuilder.values import Duration, Rate
>>> render((Prosody((Text("Hi"),), rate=Rate.parse("slow")), Break(Duration.parse("1s"))), "azure")
"Prompt(profile='azure').prosody('Hi', rate='slow').break_('1s')"
"""

from __future__ import annotations

from ttsbuilder.model import PROSODY_ATTRIBUTES, Break, Node, Prosody, SayAs, Silence, Text
from ttsbuilder.rules.say_as import text_problem

__all__ = ["render"]

# interpret-as → the helper method that writes it, for say-as nodes the helper accepts.
_HELPERS = {"date": "date", "time": "time", "number_digit": "digits", "ordinal": "ordinal",
            "cardinal": "cardinal"}  # fmt: skip


def _start(profile: str) -> str:
    return "Prompt()" if profile == "enablex" else f"Prompt(profile={profile!r})"


# Python's compiler recurses once per chained call, and eval() of a chain of about 1,500
# calls fails: a longer prompt is written as Prompt(chain, chain, ...) of shorter chains.
_CHAIN = 500


def render(nodes: tuple[Node, ...], profile: str) -> str:
    """Builder code for ``nodes`` under ``profile``."""
    if len(nodes) > _CHAIN:
        chains = [render(nodes[i : i + _CHAIN], profile) for i in range(0, len(nodes), _CHAIN)]
        keyword = "" if profile == "enablex" else f", profile={profile!r}"
        return f"Prompt({', '.join(chains)}{keyword})"
    return _start(profile) + "".join(_call(node, profile) for node in nodes)


def _content(nodes: tuple[Node, ...], profile: str) -> list[str]:
    parts: list[str] = []
    run: list[Node] = []
    for node in nodes:
        if isinstance(node, Text):
            if run:
                parts.append(render(tuple(run), profile))
                run = []
            parts.append(repr(node.text))
        else:
            run.append(node)
    if run:
        parts.append(render(tuple(run), profile))
    return parts


def _call(node: Node, profile: str) -> str:
    if isinstance(node, Text):
        return f".text({node.text!r})"
    if isinstance(node, Break):
        strength = f", strength={node.strength!r}" if node.strength is not None else ""
        return f".break_({node.value.text!r}{strength})"
    if isinstance(node, Silence):
        return f".silence({node.type!r}, {node.value.text!r})"
    if isinstance(node, SayAs):
        return _say_as(node)
    if isinstance(node, Prosody):
        args = _content(node.children, profile)
        for name in PROSODY_ATTRIBUTES:
            value = getattr(node, name)
            if value is not None:
                args.append(f"{name}={value.text!r}")
        return f".prosody({', '.join(args)})"
    args = [repr(node.style), *_content(node.children, profile)]
    if node.styledegree is not None:
        args.append(f"styledegree={node.styledegree!r}")
    if node.role is not None:
        args.append(f"role={node.role!r}")
    return f".express_as({', '.join(args)})"


def _say_as(node: SayAs) -> str:
    kind, text, form = node.interpret_as, node.text, node.format
    helper = _HELPERS.get(kind)
    if helper is not None and text_problem(kind, form, text) is None:
        if form is None:
            return f".{helper}({text!r})"
        if kind in ("date", "time"):
            return f".{helper}({text!r}, {form!r})"
    if kind == "telephone":
        code = f", country_code={form!r}" if form is not None else ""
        return f".telephone({text!r}{code})"
    if kind == "characters" and form is None:
        return f".characters({text!r})"
    return f".say_as({kind!r}, {text!r}" + (f", {form!r})" if form is not None else ")")
