"""Word files with tracked changes (old → new draft), through the optional python-redlines.

Install with ``pip install 'pkgen[redline]'``; its comparison engine is a self-contained
binary of some 45 MB, so it is not part of the default install.
"""

from __future__ import annotations

from .errors import PkgenError, Problem

AUTHOR = "pkgen"


def require() -> None:
    """Raise a clear :class:`PkgenError` if the redline engine is not installed."""
    try:
        from python_redlines.engines import DocxodusEngine

        DocxodusEngine()
    except ImportError as err:  # the package, or its engine binary, is missing
        raise PkgenError(Problem("redline_missing")) from err


def redline(old: bytes, new: bytes) -> bytes:
    """A .docx showing ``new`` as tracked changes over ``old``."""
    from python_redlines.engines import DocxodusEngine

    try:
        return DocxodusEngine().run_redline(AUTHOR, old, new)[0]
    except Exception as err:  # the engine runs as a separate program
        raise PkgenError(Problem("redline_failed", params={"detail": str(err)[:200]})) from err
