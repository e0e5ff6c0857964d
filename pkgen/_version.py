"""pkgen's version: the one place it is written (``pyproject.toml`` reads it from here), so
that knowing it costs no search of the installed packages at every start."""

__version__ = "0.1.0"
