"""The package as a user gets it: sdist → wheel → fresh virtualenv, and a core install.

Built with the real ``build`` front end (no isolation: the dev venv's hatchling), installed
by the real ``pip`` into virtualenvs made here, and run as installed console scripts from
an empty folder, so nothing of the source tree can leak in. Dependencies come from the
package index (pip's cache makes a second run fast).

The two virtualenv tests share one xdist group so a parallel run builds the artefacts once.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tarfile
import venv
import zipfile
from pathlib import Path

import pytest

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
EXTRAS: dict[str, list[str]] = PYPROJECT["project"]["optional-dependencies"]

pytestmark = pytest.mark.xdist_group("packaging")

GOOD = '{"text": "Hello & goodbye"}\n'
# TTS105 at the key `time`: line 3, column 13 (counted by hand).
BAD = '{\n  "text": "Hi",\n  "break": {"time": "2s"}\n}\n'
YAML = "text: Hi\nbreak:\n  value: 500ms\n"


def _requirement_name(requirement: str) -> str:
    match = re.match(r"[A-Za-z0-9._-]+(\[[^\]]*\])?", requirement.strip())
    assert match, requirement
    return match.group(0).lower()


def _expand(requirements: list[str]) -> set[str]:
    """Requirement strings, with ``ttsbuilder[x,y]`` replaced by those extras' own."""
    expanded: set[str] = set()
    for requirement in requirements:
        name = _requirement_name(requirement)
        if name.startswith("ttsbuilder["):
            for extra in name[len("ttsbuilder[") : -1].split(","):
                expanded |= _expand(EXTRAS[extra.strip()])
        else:
            expanded.add(requirement)
    return expanded


def test_all_is_every_extra_but_dev() -> None:
    others = set(EXTRAS) - {"all", "dev"}
    union = set().union(*(set(EXTRAS[extra]) for extra in others))
    assert _expand(EXTRAS["all"]) == union
    # Written as self-references, one a line, so a new extra is one added line.
    assert {_requirement_name(r) for r in EXTRAS["all"]} == {f"ttsbuilder[{e}]" for e in others}


def test_the_readme_documents_every_extra() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    install = readme.split("## Install", 1)[1].split("\n## ", 1)[0]
    documented = set(re.findall(r"^\| `\[([a-z-]+)\]` \|", install, flags=re.MULTILINE))
    assert documented == set(EXTRAS)


def test_each_runtime_dependency_is_imported_by_runtime_code() -> None:
    # Distribution name → the module it provides (the few this project uses).
    provides = {"lxml": "lxml", "ruamel.yaml": "ruamel", "tomli": "tomli"}
    sources = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "ttsbuilder").rglob("*.py"))
    for requirement in PYPROJECT["project"]["dependencies"]:
        module = provides[_requirement_name(requirement)]
        assert re.search(rf"(import|from) {module}\b|\"{module}\"", sources), requirement


def _versions(text: str) -> list[str]:
    """``3.10, 3.11 and 3.12`` as written in prose, in order."""
    return re.findall(r"3\.\d+", text)


def test_the_classifiers_name_the_pythons_the_suite_runs() -> None:
    # The promise (classifiers, requires-python, README, docs/development.md) and what runs
    # the suite (`make test` under 3.11, `make pythons` under the rest) are one list.
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    ci = re.search(r"^PYTHON \?= \$\(shell command -v python(3\.\d+) ", makefile, re.MULTILINE)
    others = re.search(r"^PYTHONS := (.*)$", makefile, re.MULTILINE)
    assert ci
    assert others
    tested = {ci.group(1), *others.group(1).split()}
    assert len(tested) == 1 + len(others.group(1).split())  # 3.11 is not run twice

    prefix = "Programming Language :: Python :: "
    classified = {
        c.removeprefix(prefix)
        for c in PYPROJECT["project"]["classifiers"]
        if re.fullmatch(re.escape(prefix) + r"3\.\d+", c)
    }
    assert classified == tested

    def key(version: str) -> tuple[int, ...]:
        return tuple(int(part) for part in version.split("."))

    lowest = min(tested, key=key)
    assert PYPROJECT["project"]["requires-python"] == f">={lowest}"
    assert PYPROJECT["tool"]["ruff"]["target-version"] == "py" + lowest.replace(".", "")
    assert PYPROJECT["tool"]["mypy"]["python_version"] == lowest

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    said = re.search(r"It supports Python ([\d., and]+), each tested", readme)
    page = (ROOT / "docs" / "development.md").read_text(encoding="utf-8")
    supported = re.search(r"supports \*\*Python ([\d., and]+)\*\*", page)
    assert said
    assert supported
    for versions in (said.group(1), supported.group(1)):
        assert _versions(versions) == sorted(tested, key=key)


# --- built and installed ------------------------------------------------------------------


def _run(*argv: str | Path, cwd: Path, check: bool = True) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    done = subprocess.run(
        [str(a) for a in argv], cwd=cwd, capture_output=True, text=True, env=env, timeout=600
    )
    if check and done.returncode != 0:
        pytest.fail(f"{argv} exited {done.returncode}:\n{done.stdout}\n{done.stderr}")
    return done


def _fresh_venv(folder: Path) -> Path:
    # No pip inside (ensurepip alone costs seconds): the dev venv's pip installs into it.
    venv.EnvBuilder(with_pip=False).create(folder)
    return folder / "bin" / "python"


def _pip_install(python: Path, *what: str | Path, cwd: Path) -> None:
    _run(sys.executable, "-m", "pip", "--python", python, "install", "--quiet", *what, cwd=cwd)


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """An sdist of the source tree, and a wheel built from that sdist (not from the tree)."""
    out = tmp_path_factory.mktemp("dist")
    build = (sys.executable, "-m", "build", "--no-isolation", "--outdir", out)
    _run(*build, "--sdist", ROOT, cwd=out)
    (sdist,) = out.glob("ttsbuilder-*.tar.gz")
    unpacked = tmp_path_factory.mktemp("sdist")
    with tarfile.open(sdist) as archive:
        if hasattr(tarfile, "data_filter"):  # Python 3.10.12 and later
            archive.extractall(unpacked, filter="data")
        else:
            archive.extractall(unpacked)  # our own sdist
    (tree,) = unpacked.iterdir()
    _run(*build, "--wheel", tree, cwd=out)
    (wheel,) = out.glob("ttsbuilder-*.whl")
    return {"sdist": sdist, "wheel": wheel}


@pytest.fixture(scope="module")
def prompts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("prompts")
    (folder / "hi.json").write_text(GOOD, encoding="utf-8")
    (folder / "bad.json").write_text(BAD, encoding="utf-8")
    (folder / "menu.yaml").write_text(YAML, encoding="utf-8")
    return folder


def test_the_wheel_holds_the_schemas_the_xsds_and_the_licences(built: dict[str, Path]) -> None:
    names = set(zipfile.ZipFile(built["wheel"]).namelist())
    schemas = {p.name for p in (ROOT / "ttsbuilder" / "schemas").iterdir() if p.is_file()}
    assert {f"ttsbuilder/schemas/{name}" for name in schemas} <= names
    assert len({name for name in schemas if name.endswith(".schema.json")}) == 11
    assert "catalog.json" in schemas
    xsds = {
        p.relative_to(ROOT).as_posix()
        for p in (ROOT / "ttsbuilder" / "ssml" / "xsd").rglob("*")
        if p.is_file()
    }
    assert xsds <= names
    assert {"ttsbuilder/ssml/xsd/azure/LICENSE", "ttsbuilder/ssml/xsd/w3c-1.1-core/LICENSE"} <= xsds
    assert "ttsbuilder/py.typed" in names
    licence = [n for n in names if n.endswith(".dist-info/licenses/LICENSE")]
    assert len(licence) == 1
    with zipfile.ZipFile(built["wheel"]) as wheel:
        assert wheel.read(licence[0]) == (ROOT / "LICENSE").read_bytes()
    # The sdist has no symbolic links left (the schemas once were one).
    with tarfile.open(built["sdist"]) as archive:
        assert not [m.name for m in archive.getmembers() if m.issym() or m.islnk()]


def test_the_wheel_from_the_sdist_works_in_a_fresh_venv(
    built: dict[str, Path], prompts: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    python = _fresh_venv(tmp_path_factory.mktemp("venv") / "full")
    _pip_install(python, f"{built['wheel']}[all]", cwd=prompts)
    bin_dir = python.parent
    where = _run(python, "-c", "import ttsbuilder; print(ttsbuilder.__file__)", cwd=prompts)
    assert Path(where.stdout.strip()).is_relative_to(python.parent.parent)

    schema = _run(bin_dir / "ttsbuilder", "schema", "play", cwd=prompts)
    expected = json.loads((ROOT / "ttsbuilder/schemas/play.schema.json").read_text("utf-8"))
    assert json.loads(schema.stdout) == expected

    lint = _run(bin_dir / "ttsbuilder", "lint", "bad.json", "hi.json", cwd=prompts, check=False)
    assert lint.returncode == 1
    assert lint.stdout.splitlines() == [
        "bad.json:3:13: TTS105 error break key 'time' should be 'value' (rename it 'value')",
        "1 error in 1 of 2 files",
    ]

    render = _run(bin_dir / "ttsbuilder", "render", "hi.json", cwd=prompts)
    assert render.stdout == (
        '<speak xmlns="http://www.w3.org/2001/10/synthesis" '
        'xmlns:mstts="http://www.w3.org/2001/mstts" version="1.0" xml:lang="en-US">'
        '<voice name="en-US-JennyNeural">Hello &amp; goodbye</voice></speak>\n'
    )

    # [all] brought every optional feature: strategies, the registry, the audio preview.
    _run(
        python,
        "-c",
        "import ttsbuilder.strategies, ttsbuilder.published as p; p.registry()",
        cwd=prompts,
    )
    _run(bin_dir / "ttsbuilder", "preview", "hi.json", "-o", "hi.wav", cwd=prompts)
    assert (prompts / "hi.wav").read_bytes()[:4] == b"RIFF"
    _run(sys.executable, "-m", "pip", "--python", python, "check", cwd=prompts)


CORE_PROBE = """
import importlib, json, pkgutil, sys
import ttsbuilder
from ttsbuilder import Prompt, play, render_ssml, validate
from ttsbuilder.errors import MissingExtraError

report = {}
problems = validate({"text_to_speech_option": {"break": {"time": "2s"}}})
report["codes"] = [p.code for p in problems]
report["ssml"] = render_ssml(play(Prompt().text("Hi"), language="en-US", voice="female"))
failed = {}
for module in pkgutil.walk_packages(ttsbuilder.__path__, "ttsbuilder."):
    try:
        importlib.import_module(module.name)
    except MissingExtraError as error:
        failed[module.name] = error.extra
report["missing"] = failed
try:
    from ttsbuilder.published import registry
    registry()
except MissingExtraError as error:
    report["registry"] = [error.extra, str(error)]
try:
    import ttsbuilder.strategies
except MissingExtraError as error:
    report["strategies"] = [error.extra, error.name, str(error)]
try:
    ttsbuilder.preview_wav({"text": "Hi"}, "never.wav")
except MissingExtraError as error:
    report["preview"] = [error.extra, error.name]
report["loaded"] = sorted({m.split(".")[0] for m in sys.modules})
print(json.dumps(report))
"""


def test_the_core_install_validates_renders_and_lints(
    prompts: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    python = _fresh_venv(tmp_path_factory.mktemp("venv") / "core")
    _pip_install(python, ROOT, cwd=prompts)  # `pip install .`: no extras
    bin_dir = python.parent
    installed = _run(
        sys.executable, "-m", "pip", "--python", python, "list", "--format", "json", cwd=prompts
    )
    names = {item["name"].lower() for item in json.loads(installed.stdout)}
    assert not names & {"hypothesis", "jsonschema", "referencing", "espeakng-loader"}
    assert {"ttsbuilder", "lxml", "ruamel.yaml"} <= names

    report = json.loads(_run(python, "-c", CORE_PROBE, cwd=prompts).stdout)
    assert report["codes"] == ["TTS105"]
    assert report["ssml"].endswith('<voice name="en-US-JennyNeural">Hi</voice></speak>')
    # Every module imports, or says which extra it needs: no undeclared dependency.
    assert report["missing"] == {
        "ttsbuilder._mutate": "hypothesis",
        "ttsbuilder._reference": "hypothesis",
        "ttsbuilder.lsp.actions": "lsp",
        "ttsbuilder.lsp.document": "lsp",
        "ttsbuilder.lsp.server": "lsp",
        "ttsbuilder.pydantic": "pydantic",
        "ttsbuilder.strategies": "hypothesis",
    }
    assert report["registry"] == [
        "jsonschema",
        "ttsbuilder.published.registry() needs referencing, which is not installed: "
        "pip install 'ttsbuilder[jsonschema]'",
    ]
    assert report["strategies"] == [
        "hypothesis",
        "hypothesis",
        "ttsbuilder.strategies needs hypothesis, which is not installed: "
        "pip install 'ttsbuilder[hypothesis]'",
    ]

    lint = _run(
        bin_dir / "ttsbuilder", "lint", "bad.json", "hi.json", "menu.yaml", cwd=prompts, check=False
    )
    assert lint.returncode == 1
    assert lint.stdout.splitlines()[-1] == "1 error in 1 of 3 files"
    render = _run(bin_dir / "ttsbuilder", "render", "menu.yaml", "--target", "w3c", cwd=prompts)
    assert 'Hi<break time="500ms"/>' in render.stdout
    schema = _run(bin_dir / "ttsbuilder", "schema", "hold", cwd=prompts)
    assert json.loads(schema.stdout)["required"] == ["hold"]
    preview = _run(
        bin_dir / "ttsbuilder", "preview", "hi.json", "-o", "x.wav", cwd=prompts, check=False
    )
    assert preview.returncode == 2
    assert "pip install 'ttsbuilder[preview]'" in preview.stderr
    assert "Traceback" not in preview.stderr
    assert report["preview"] == ["preview", "espeakng_loader"]
    # Measuring the audio needs the extra too: one usage error, not a "problem" per prompt.
    stats = _run(bin_dir / "ttsbuilder", "stats", "hi.json", "--duration", cwd=prompts, check=False)
    assert (stats.returncode, stats.stdout) == (2, "")
    assert stats.stderr.splitlines() == [
        "ttsbuilder stats: error: audio preview needs espeakng_loader, which is not installed: "
        "pip install 'ttsbuilder[preview]'"
    ]
    for extra, argv in (("studio", ["studio", "--no-browser"]), ("lsp", ["lsp", "--stdio"])):
        done = _run(bin_dir / "ttsbuilder", *argv, cwd=prompts, check=False)
        assert done.returncode == 2
        assert f"pip install 'ttsbuilder[{extra}]'" in done.stderr
        assert "Traceback" not in done.stderr
    # Every subcommand's help works without any extra.
    commands = _run(bin_dir / "ttsbuilder", "--help", cwd=prompts).stdout
    for command in (
        "lint",
        "render",
        "schema",
        "preview",
        "lsp",
        "import",
        "rule",
        "studio",
        "stats",
    ):
        assert f"    {command} " in commands
        _run(bin_dir / "ttsbuilder", command, "--help", cwd=prompts)
    # Microsoft's schema is read from the installed package (an SSML file without version).
    folder = tmp_path_factory.mktemp("ssml")
    (folder / "azure.ssml").write_text(
        '<speak xmlns="http://www.w3.org/2001/10/synthesis" xml:lang="en-US">'
        '<voice name="en-US-JennyNeural">Hi</voice></speak>',
        encoding="utf-8",
    )
    ssml = _run(bin_dir / "ttsbuilder", "lint", "azure.ssml", cwd=folder, check=False)
    assert ssml.returncode == 1
    assert ssml.stdout.startswith("azure.ssml:1:1: TTS512 error <speak>: The attribute 'version'")
