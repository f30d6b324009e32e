"""``python -m ttsbuilder``: the same command as ``ttsbuilder``."""

import sys

from ttsbuilder.cli import main

if __name__ == "__main__":
    sys.exit(main())
