"""``ttsbuilder studio``: a local prompt studio in the browser, over the user's own files.

Edit a prompt file, see its problems as you type (the same engine as ``lint``), its
SSML for every target, apply the safe fixes of ``lint --fix``, save, and hear it with
the preview engine. Needs the ``studio`` extra (``pip install 'ttsbuilder[studio]'``).
See docs/studio.md.

>>> from ttsbuilder.studio import Workspace
>>> Workspace(["prompts"]).roots
['prompts']
"""

from ttsbuilder.studio.security import Guard, new_token
from ttsbuilder.studio.server import Studio
from ttsbuilder.studio.workspace import Conflict, Refused, Workspace

__all__ = ["Conflict", "Guard", "Refused", "Studio", "Workspace", "new_token"]
