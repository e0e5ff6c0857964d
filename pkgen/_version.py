"""pkgen's version, as installed (or a marker when run from an uninstalled source tree)."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("pkgen")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0+source"
