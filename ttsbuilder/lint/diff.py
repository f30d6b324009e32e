"""A file's fixes as a unified diff, for ``ttsbuilder lint --diff`` (nothing is written).

The fixed text comes from the fix pipeline (the same edits ``--fix`` writes); this only
shows the change, in the form ``patch -p0`` and ``git apply -p0`` read.

>>> print(unified_diff("a.json", b'{"text1": "Hi"}\\n', b'{"text": "Hi"}\\n'), end="")
--- a.json
+++ a.json
@@ -1 +1 @@
-{"text1": "Hi"}
+{"text": "Hi"}
"""

from __future__ import annotations

import difflib

__all__ = ["unified_diff"]

_NO_NEWLINE = "\\ No newline at end of file\n"


def unified_diff(path: str, before: bytes, after: bytes) -> str:
    """The unified diff (3 lines of context) that turns ``before`` into ``after``.

    Both are UTF-8 (a fixed file always is); a last line without a newline is marked
    as ``diff`` marks it, so the patch applies byte for byte.
    """
    old = _lines(before)
    new = _lines(after)
    out = []
    for line in difflib.unified_diff(old, new, path, path):
        if line.startswith(("---", "+++")):
            out.append(line.rstrip("\n") + "\n")  # difflib ends the header lines itself
        elif line.endswith("\n"):
            out.append(line)
        else:
            out.append(line + "\n" + _NO_NEWLINE)
    return "".join(out)


def _lines(data: bytes) -> list[str]:
    text = data.decode("utf-8", "surrogatepass")  # a byte order mark stays: patch needs it
    # Not splitlines(): it also splits at \r, \x0b, \u2028 ..., which diff and patch do not.
    parts = text.split("\n")
    lines = [part + "\n" for part in parts[:-1]]
    if parts[-1]:
        lines.append(parts[-1])
    return lines
