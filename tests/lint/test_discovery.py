"""``ttsbuilder lint .`` in a real repository: only files that hold a prompt are checked.

The corpus is real-world JSON and YAML that holds no prompt: the hand-written files of
tests/data/not-prompts/ (a package.json, tsconfig.json, GitHub workflow, docker-compose
file, Kubernetes manifest, CloudFormation template, .travis.yml, OpenAPI document...)
and, gathered at test time, every JSON and YAML file of the installed packages and of
the node tools in tests/node.
"""

from __future__ import annotations

import json
import os
import shutil
import sysconfig
from pathlib import Path

import pytest

from ttsbuilder.cli import main
from ttsbuilder.lint import reading
from ttsbuilder.lint.discovery import find
from ttsbuilder.lint.runner import lint_files

ROOT = Path(__file__).resolve().parent.parent.parent
NOT_PROMPTS = ROOT / "tests" / "data" / "not-prompts"
ENDINGS = (".json", ".yaml", ".yml", ".ssml", ".xml")


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(argv)
    out, err = capsys.readouterr()
    return status, out, err


def gather(source: Path, target: Path) -> int:
    """Copy every JSON and YAML file under ``source`` into ``target``, flattened."""
    count = 0
    for folder, _, names in os.walk(source):
        for name in names:
            if name.endswith(ENDINGS):
                relative = os.path.relpath(os.path.join(folder, name), source)
                flat = relative.replace(os.sep, "__")
                shutil.copyfile(os.path.join(folder, name), target / f"{source.name}__{flat}")
                count += 1
    return count


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    root = tmp_path_factory.mktemp("corpus")
    shutil.copytree(NOT_PROMPTS, root / "not-prompts")
    count = sum(1 for _, _, names in os.walk(NOT_PROMPTS) for n in names if n.endswith(ENDINGS))
    for source in (Path(sysconfig.get_paths()["purelib"]), ROOT / "tests" / "node"):
        flat = root / f"from-{source.name}"  # "site-packages" itself is never searched
        flat.mkdir()
        count += gather(source, flat)
    return root, count


def test_the_default_walk_finds_lint_s_endings_in_any_case(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A prompt saved on Windows or macOS as Welcome.JSON is read as JSON when named, so
    # a walk finds it too (docs/cli.md); a glob of one's own matches case as written.
    monkeypatch.chdir(tmp_path)
    for name in ("Welcome.JSON", "menu.Yml", "intro.SSML", "notes.TXT", "plain.json"):
        Path(name).write_text("{}", encoding="utf-8")
    found = sorted(f.path for f in find(["."]))
    assert found == ["Welcome.JSON", "intro.SSML", "menu.Yml", "plain.json"]
    assert [f.path for f in find(["."], include=["*.json"])] == ["plain.json"]


def test_a_repository_of_files_that_hold_no_prompt_passes(
    corpus: tuple[Path, int], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root, count = corpus
    assert count > 60  # the hand-written files and at least the package data of the venv
    monkeypatch.chdir(root)
    status, out, err = run(["lint", "."], capsys)
    assert (status, err) == (0, "")
    assert out == f"no problems in 0 files ({count} files skipped: no prompt)\n"
    assert run(["lint", "--format", "json", "."], capsys)[:2] == (0, "[]\n")


def test_pre_commit_names_every_file_and_prompts_only_skips_them(
    corpus: tuple[Path, int], capsys: pytest.CaptureFixture[str]
) -> None:
    root, _ = corpus
    files = [str(p) for p in root.rglob("*") if p.is_file()]
    status, out, _ = run(["lint", "--prompts-only", *files], capsys)
    assert status == 0
    assert out.startswith("no problems in 0 files")


def test_a_named_file_keeps_todays_checks(capsys: pytest.CaptureFixture[str]) -> None:
    travis = str(NOT_PROMPTS / ".travis.yml")
    status, out, _ = run(["lint", travis], capsys)
    assert status == 1  # read as a play body, as before: it was asked for
    assert "TTS101" in out
    assert run(["lint", "--prompts-only", travis], capsys)[0] == 0


def test_yaml_only_values_outside_any_prompt_are_not_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    named = tmp_path / "template.yaml"
    shutil.copyfile(NOT_PROMPTS / "cloudformation.yaml", named)
    # Named, a CloudFormation template is reported as holding no prompt, and its tags
    # are not errors: there is no prompt for them to break.
    status, out, _ = run(["lint", str(named)], capsys)
    assert status == 0
    assert "TTS413" in out
    assert "TTS505" not in out
    prompt = tmp_path / "prompt.yaml"
    prompt.write_text(
        "welcome:\n  text: Hi\n  break: {value: !Ref Pause}\nmeta: {added: 2026-01-02}\n"
    )
    status, out, _ = run(["lint", str(prompt)], capsys)
    assert status == 1
    lines = out.splitlines()[:-1]
    # The tag inside the prompt is reported; the date beside it, in no prompt, is not.
    assert sorted(line.split(": ")[1].split()[0] for line in lines) == ["TTS201", "TTS505"]
    assert not any(line.startswith(f"{prompt}:4:") for line in lines)


def test_every_prompt_in_tests_and_examples_is_found() -> None:
    """Every JSON and YAML file of tests/ and examples/ is either a known prompt, which a
    walk must check, or a known non-prompt, which it must skip."""
    prompts = {
        *(ROOT / "examples" / "prompts").iterdir(),
        *(ROOT / "tests" / "data" / "seed").iterdir(),
        *(ROOT / "tests" / "data" / "ssml").iterdir(),
    }
    not_prompts = {p for p in NOT_PROMPTS.rglob("*") if p.is_file()}
    not_prompts |= {ROOT / "tests" / "node" / "package.json"}
    not_prompts |= {ROOT / "tests" / "node" / "package-lock.json"}
    every = {
        Path(folder, name)
        for top in (ROOT / "tests", ROOT / "examples")
        for folder, dirs, names in os.walk(top)
        if not dirs.__setitem__(slice(None), [d for d in dirs if d != "node_modules"])
        for name in names
        if name.endswith(ENDINGS)
    }
    assert every == prompts | not_prompts, "classify the new file here"
    found = find([str(ROOT / "tests"), str(ROOT / "examples")])
    walked = {Path(f.path).resolve() for f in found} - {p.resolve() for p in not_prompts}
    assert walked == {p.resolve() for p in prompts}
    reports = lint_files([f.path for f in found], prompts_only=[f.path for f in found])
    checked = {Path(r.path).resolve() for r in reports if not r.skipped}
    assert checked == {p.resolve() for p in prompts}


def test_in_this_repository_only_its_prompts_are_checked() -> None:
    """``ttsbuilder lint .`` here: the schemas, the node tools, the corpus are skipped."""
    prompts = {
        *(ROOT / "examples" / "prompts").iterdir(),
        *(ROOT / "tests" / "data" / "seed").iterdir(),
        *(ROOT / "tests" / "data" / "ssml").iterdir(),
    }
    found = [f.path for f in find([str(ROOT)])]
    reports = lint_files(found, prompts_only=found)
    assert {Path(r.path).resolve() for r in reports if not r.skipped} == {
        p.resolve() for p in prompts
    }


def tree(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


PROMPT = '{"text": "Hi", "break": {"value": "9s"}}'


def test_environments_dependencies_caches_and_build_output_are_not_searched(
    tmp_path: Path,
) -> None:
    tree(
        tmp_path,
        {
            "prompts/a.json": PROMPT,
            "node_modules/pkg/b.json": PROMPT,
            "my-env/pyvenv.cfg": "home = /usr/bin\n",
            "my-env/lib/c.json": PROMPT,
            "conda/conda-meta/history.json": PROMPT,
            "__pycache__/d.json": PROMPT,
            "build/e.json": PROMPT,
            "dist/f.json": PROMPT,
            "pkg.egg-info/g.json": PROMPT,
            ".tox/h.json": PROMPT,
            ".git/i.json": PROMPT,
        },
    )
    found = [os.path.relpath(f.path, tmp_path) for f in find([str(tmp_path)])]
    assert found == [os.path.join("prompts", "a.json")]
    # A directory named on the command line is searched all the same.
    assert [os.path.basename(f.path) for f in find([str(tmp_path / "build")])] == ["e.json"]


def test_broken_files_are_reported_only_when_they_are_prompts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    tree(
        tmp_path,
        {
            "trailing-comma.json": '{"text": "Hello",}',
            "commented.json": '// a prompt\n{"text": "Hello", "break": {"value": "1s"}}',
            "broken.yaml": "say-as:\n  interpret-as: date\n text: [\n",
            "tsconfig.json": '{\n  // comment\n  "compilerOptions": {"strict": true,},\n}\n',
            "chart.yaml": "name: {{ .Chart.Name }}\n  bad: [\n",
            "empty.json": "",
            "latin1.json": '{"description": "caf\xe9"}',
        },
    )
    (tmp_path / "latin1.json").write_bytes('{"description": "café"}'.encode("latin-1"))
    monkeypatch.chdir(tmp_path)
    status, out, _ = run(["lint", "."], capsys)
    assert status == 1
    reported = sorted({line.split(":")[0] for line in out.splitlines()[:-1]})
    assert reported == ["broken.yaml", "commented.json", "trailing-comma.json"]
    assert out.splitlines()[-1].endswith("in 3 of 3 files (4 files skipped: no prompt)")


def test_too_large_files_are_skipped_unless_they_look_like_prompts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reading, "MAX_FILE_BYTES", 100)
    (tmp_path / "data.json").write_text(json.dumps({"rows": list(range(100))}))
    (tmp_path / "catalog.json").write_text(
        json.dumps({"p": {"prosody": {"rate": "+1%", "text": "x" * 200}}})
    )
    found = [f.path for f in find([str(tmp_path)])]
    reports = {os.path.basename(r.path): r for r in lint_files(found, prompts_only=found)}
    assert reports["data.json"].skipped
    assert [p.code for p in reports["catalog.json"].problems] == ["TTS506"]


def test_include_and_exclude_from_the_configuration(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    tree(
        tmp_path,
        {
            "pyproject.toml": '[tool.ttsbuilder]\ninclude = ["*.prompt.json"]\n'
            'exclude = ["legacy"]\n',
            "a.prompt.json": PROMPT,
            "b.json": PROMPT,
            "legacy/c.prompt.json": PROMPT,
        },
    )
    monkeypatch.chdir(tmp_path)
    status, out, _ = run(["lint", "."], capsys)
    assert status == 1
    assert [line.split(":")[0] for line in out.splitlines()[:-1]] == ["a.prompt.json"]


def test_a_file_that_names_a_ttsbuilder_schema_is_a_prompt_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Text alone is a tree only as a whole file: a catalog of bare texts is found when it
    names one of our schemas (docs/cli.md, item 4), in YAML by yaml-language-server's line."""
    catalog = "welcome:\n  text: Welcome to Acme\nbye:\n  text: ''\n"
    modeline = "# yaml-language-server: $schema=../schemas/tts.schema.json\n"
    tree(
        tmp_path,
        {
            "plain/texts.yaml": catalog,
            "marked/texts.yaml": modeline + catalog,
            "marked/texts.json": json.dumps(
                {"$schema": "https://ttsbuilder.dev/schemas/tts.schema.json", "hi": {"text": ""}}
            ),
            "other/texts.yaml": "# yaml-language-server: $schema=https://example.com/a.json\n"
            + catalog,
        },
    )
    monkeypatch.chdir(tmp_path)
    status, out, _ = run(["lint", "."], capsys)
    assert status == 1
    assert sorted(line.split(":")[0] for line in out.splitlines()[:-1]) == [
        os.path.join("marked", "texts.json"),
        os.path.join("marked", "texts.yaml"),
    ]
    assert out.splitlines()[-1].endswith("(2 files skipped: no prompt)")


@pytest.mark.parametrize("unit", [b"/*a", b'"a\\'])
def test_a_broken_json_file_costs_as_much_as_its_length(unit: bytes) -> None:
    """Found attacking the comment stripping of a JSON file that does not parse: an
    unclosed comment or string was looked for again from each ``/*`` or ``"`` after it,
    so 45 KB of them cost 5 to 15 s. Unclosed, each now runs to the end of the text."""
    import time

    from ttsbuilder.lint.discovery import prompt_source

    data = b'{"text": "Hi", "a": 1 ' + unit * 15_000
    started = time.process_time()
    assert prompt_source(data, "json") is None
    assert time.process_time() - started < 1  # about 10 ms; quadratic: 5 to 15 s
    # An unclosed comment at the end of a prompt is still a comment: the prompt is found.
    assert prompt_source(b'{"text": "Hi"} /* end', "json") is not None


def test_a_prompt_deep_in_a_large_document_is_found() -> None:
    """A Helm-style values file of about 3 MB whose one prompt sits 16 levels down, the
    last thing in the file: a walk finds it (JSON and YAML). One level deeper it is past
    where ``validate(kind="auto")`` searches (docs/validate.md: at most 16 levels; it
    reports TTS111 there) and a walk finds nothing, as documented in docs/cli.md."""
    import time

    from ttsbuilder.lint.discovery import prompt_source

    def document(depth: int) -> dict[str, object]:
        prompt: object = {"text": "Welcome", "break": {"value": "500ms"}}
        for level in range(depth - 1):
            prompt = {f"level{level}": prompt}
        services = {
            f"svc-{index}": {"image": f"registry/app:{index}", "env": [{"name": "TEXT"}]}
            for index in range(30_000)
        }
        return {"services": services, "ivr": prompt}

    started = time.process_time()
    assert prompt_source(json.dumps(document(16)).encode(), "json") is not None
    assert prompt_source(json.dumps(document(17)).encode(), "json") is None
    assert time.process_time() - started < 10  # about 1 s here
    text = "ivr:\n" + "".join(f"{'  ' * (i + 1)}level{i}:\n" for i in range(15))
    text += "  " * 16 + "text: Welcome\n" + "  " * 16 + "break: {value: 500ms}\n"
    assert prompt_source(text.encode(), "yaml") is not None


def test_globs_match_a_file_by_its_name_or_its_path() -> None:
    from ttsbuilder.lint.discovery import matches_glob

    assert matches_glob("a/b/c.json", ["c.json"])  # the name is the last segment
    assert not matches_glob("a/b/c.json", ["b/c.json"])  # a path glob matches from the top
    assert matches_glob("prompts/a.json", ["/prompts/*"])  # a leading "/": from the top too
    assert matches_glob("XML/a.json", ["/XML/*"])


def test_a_file_named_twice_is_linted_once_as_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ttsbuilder.lint.discovery import Found, discover

    tree(tmp_path, {"p/a.json": PROMPT, "p/b.json": PROMPT, "-": PROMPT})
    monkeypatch.chdir(tmp_path)
    assert find(["-"]) == [Found("-", True)]  # standard input is named
    assert find(["-", "-"]) == [Found("-", True)]
    assert find(["-", "./-"]) == [Found("-", True), Found("./-", True)]  # a file named "-"
    assert find(["p/a.json", "./p/a.json"]) == [Found("p/a.json", True)]
    walked = os.path.join("p", "a.json")
    assert find(["p", "p/a.json"]) == [
        Found(walked, True),
        Found(os.path.join("p", "b.json"), False),
    ]
    assert discover(["p"], exclude=["b.json"]) == [walked]


def test_a_folder_is_a_virtual_environment_by_what_it_holds_itself(tmp_path: Path) -> None:
    tree(tmp_path, {"tools-env/pyvenv.cfg": "home = /usr/bin\n", "tools-env/a.json": PROMPT})
    tree(tmp_path, {"prompts/pyvenv.cfg.json": PROMPT, "prompts/sub/b.json": PROMPT})
    found = sorted(os.path.relpath(f.path, tmp_path) for f in find([str(tmp_path)]))
    assert found == [
        os.path.join("prompts", "pyvenv.cfg.json"),
        os.path.join("prompts", "sub", "b.json"),
    ]


def test_a_folder_that_cannot_be_read_is_named_in_the_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ttsbuilder.lint.config import ConfigError

    tree(tmp_path, {"locked/a.json": PROMPT})
    real = os.scandir
    locked = str(tmp_path / "locked")

    def scandir(path: str) -> object:  # root reads any folder: refuse this one here
        if str(path) == locked:
            raise PermissionError(13, "Permission denied", locked)
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)
    with pytest.raises(ConfigError) as raised:
        find([str(tmp_path)])
    assert str(raised.value) == f"{locked}: cannot read the directory: Permission denied"


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_the_walk_of_a_nested_repository_agrees_with_git(tmp_path: Path) -> None:
    """A nested repository starts afresh (its own .gitignore, anchored at its root); a
    walk of a sub-folder keeps the outer .gitignore's anchored patterns; a folder git
    ignores does not stop the walk of the folders after it; "x.json/" ignores folders
    only. Expected: what ``git ls-files --others --exclude-standard`` lists."""
    import subprocess

    def git(repo: Path, *args: str) -> list[str]:
        done = subprocess.run(
            ["git", "-C", str(repo), *args], capture_output=True, text=True, check=True
        )
        return sorted(p for p in done.stdout.splitlines() if not p.endswith(".gitignore"))

    outer = tmp_path / "outer"
    tree(
        outer,
        {
            ".gitignore": "/sub/skip.json\na/\nfile.json/\nouter-only.json\n",
            "sub/skip.json": PROMPT,
            "sub/keep.json": PROMPT,
            "a/x.json": PROMPT,
            "b/y.json": PROMPT,
            "file.json": PROMPT,
            "inner/.gitignore": "/local.json\n",
            "inner/local.json": PROMPT,
            "inner/deep/local.json": PROMPT,
            "inner/outer-only.json": PROMPT,
        },
    )
    git(outer, "init", "-q")
    git(outer / "inner", "init", "-q")
    expected = [p for p in git(outer, "ls-files", "--others", "--exclude-standard") if "/" in p]
    expected = [p for p in expected if not p.startswith("inner/")]  # git lists "inner/"
    expected += [
        f"inner/{p}" for p in git(outer / "inner", "ls-files", "--others", "--exclude-standard")
    ]
    expected += [
        p for p in git(outer, "ls-files", "--others", "--exclude-standard") if "/" not in p
    ]
    found = sorted(os.path.relpath(f.path, outer).replace(os.sep, "/") for f in find([str(outer)]))
    assert found == sorted(expected)
    assert found == [
        "b/y.json",
        "file.json",
        "inner/deep/local.json",
        "inner/outer-only.json",
        "sub/keep.json",
    ]
    in_sub = sorted(os.path.relpath(f.path, outer / "sub") for f in find([str(outer / "sub")]))
    assert in_sub == ["keep.json"]
