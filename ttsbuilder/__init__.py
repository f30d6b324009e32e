"""ttsbuilder: build, validate, render and lint Voice API text-to-speech prompts."""

from ttsbuilder._version import __version__

__all__ = ["__version__"]
