"""Every ```python block of the README and docs/ runs: the docs cannot drift from the code.

Blocks of one file run in order, in one namespace, in a temporary working directory.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
BLOCK = re.compile(r"```python\n(.*?)```", re.DOTALL)


def blocks(doc: Path) -> list[str]:
    return BLOCK.findall(doc.read_text(encoding="utf-8"))


def test_the_builder_doc_has_its_cookbook() -> None:
    text = (ROOT / "docs" / "builder.md").read_text(encoding="utf-8")
    for recipe in (
        "IVR menu with DTMF",
        "Appointment reminder reading a date and a time",
        "Callback number read digit by digit",
        "Promotional prompt in the advertisement_upbeat style",
    ):
        assert f"### {recipe}" in text
    assert len(blocks(ROOT / "docs" / "builder.md")) >= 10


@pytest.mark.parametrize("doc", [doc for doc in DOCS if blocks(doc)], ids=lambda doc: doc.name)
def test_every_python_block_runs(
    doc: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {"__name__": f"docs_{doc.stem}"}
    for number, block in enumerate(blocks(doc), start=1):
        try:
            exec(compile(block, f"{doc.name} block {number}", "exec"), namespace)
        except Exception as error:  # the message says which block
            pytest.fail(f"block {number} of {doc.name} failed: {error!r}\n{block}")


def test_api_reference_is_up_to_date() -> None:
    from ttsbuilder._reference import markdown

    committed = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    assert committed == markdown(), "docs/api.md is stale: run `make docs`"


def test_every_public_name_is_in_the_api_reference() -> None:
    import ttsbuilder

    text = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    for name in ttsbuilder.__all__:
        if name != "__version__":
            assert f'<a id="{name.lower()}"></a>' in text, name


def _links(doc: Path) -> list[str]:
    """The relative link targets of a Markdown file, outside code blocks and code spans."""
    text = re.sub(r"```.*?```", "", doc.read_text(encoding="utf-8"), flags=re.DOTALL)
    text = re.sub(r"`[^`\n]*`", "", text)
    return [
        target.partition("#")[0]
        for target in re.findall(r"\]\(([^)\s]+)\)", text)
        if not re.match(r"[a-z]+:", target) and not target.startswith("#")
    ]


@pytest.mark.parametrize("doc", DOCS, ids=lambda doc: doc.name)
def test_every_relative_link_leads_to_a_file(doc: Path) -> None:
    # Found by the newcomer's read: docs/api.md sent eight public names (measure(),
    # twilio_say(), check_request(), …) to a docs/index.md that does not exist.
    broken = sorted({t for t in _links(doc) if not (doc.parent / t).exists()})
    assert broken == [], f"{doc.name} links to files that do not exist"


def test_no_install_command_quotes_a_wildcard() -> None:
    # Found by the newcomer's read: docs/preview.md said
    # pip install 'dist/ttsbuilder-*.whl[preview]', and the quotes keep the shell from
    # expanding the name, so pip looked for a file called 'ttsbuilder-*.whl' and failed.
    quoted = re.compile(r"""(['"])[^'"$]*\*[^'"]*\1""")
    for doc in DOCS:
        for line in doc.read_text(encoding="utf-8").splitlines():
            if "pip install" in line:
                assert not quoted.search(line.split("#")[0]), f"{doc.name}: {line}"


def _readme_part(heading: str) -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    return readme.split(f"\n## {heading}", 1)[1].split("\n## ", 1)[0]


def test_the_tour_is_as_long_as_its_heading_says() -> None:
    part = _readme_part("A tour in ")
    said = int(part.split(" ", 1)[0])
    assert said == len(BLOCK.findall(part)[0].splitlines())


def test_the_contributors_table_names_every_package_and_only_real_paths() -> None:
    # Found by the newcomer's read: ttsbuilder/lsp/ was missing from the table.
    part = _readme_part("For contributors")
    rows = [line.split("|")[1] for line in part.splitlines() if line.startswith("| `")]
    named: set[str] = set()
    for row in rows:
        paths = re.findall(r"`([^`]+)`", row)
        folder = paths[0].rsplit("/", 1)[0] if paths[0].endswith(".py") else "ttsbuilder"
        for path in paths:
            full = path if "/" in path.rstrip("/") or path == paths[0] else f"{folder}/{path}"
            assert (ROOT / full).exists(), full
            named.add(full.rstrip("/"))
    packages = {
        p.parent.relative_to(ROOT).as_posix() for p in (ROOT / "ttsbuilder").glob("*/__init__.py")
    }
    assert packages <= named, packages - named


def test_the_readme_names_what_make_test_needs() -> None:
    # Found by the newcomer's read: the README said `make test` needs only Python and the
    # package registry, but its pytest target runs `npm ci` first (tests/node/).
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    opening = (ROOT / "README.md").read_text(encoding="utf-8").split("\n## ", 1)[0]
    assert re.search(r"^pytest:.*\$\(NODE_TOOLS\)", makefile, flags=re.MULTILINE)
    assert "npm ci" in makefile
    assert "Node.js" in opening
    assert "npm" in opening


def test_an_enum_is_shown_as_called_by_value() -> None:
    # inspect.signature of an enum class is the metaclass's functional API, different on
    # 3.10, 3.11 and 3.12+, so the committed page held on one Python only; `Severity("error")`
    # is how a caller uses it.
    import enum

    import ttsbuilder

    text = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    enums = [n for n in ttsbuilder.__all__ if isinstance(getattr(ttsbuilder, n), enum.EnumMeta)]
    assert "Severity" in enums
    for name in enums:
        assert f"### class `{name}(value)`\n" in text, name
    assert ttsbuilder.Severity("error") is ttsbuilder.Severity.ERROR
