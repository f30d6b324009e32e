from ttsbuilder._version import __version__
