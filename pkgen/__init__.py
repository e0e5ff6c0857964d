"""pkgen: drafts and checks Indonesian regional cooperation agreements (PKS and KSB).

The library behind the ``pkgen`` command: ``load_agreement`` reads an input (YAML or a filled
form), ``render_draft`` makes its Word draft, ``check_path`` checks an agreement (a .docx or
an input) against the rulebook, and ``pkgen.build.build`` regenerates a register of drafts.
Each name is imported when first used (see :mod:`pkgen.lazy`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._version import __version__
from .lazy import exports

if TYPE_CHECKING:
    from .checks import Report, check_path
    from .errors import InputError, OutputError, PkgenError, TemplateError
    from .inputs import Loaded, load_agreement
    from .render import Draft, render_draft, write_atomic

__all__ = [
    "Draft",
    "__version__",
    "InputError",
    "Loaded",
    "OutputError",
    "PkgenError",
    "Report",
    "TemplateError",
    "check_path",
    "load_agreement",
    "render_draft",
    "write_atomic",
]

__getattr__ = exports(__name__, {
    "Report": ".checks", "check_path": ".checks", "InputError": ".errors",
    "OutputError": ".errors", "PkgenError": ".errors", "TemplateError": ".errors",
    "Loaded": ".inputs", "load_agreement": ".inputs", "Draft": ".render",
    "render_draft": ".render", "write_atomic": ".render"})
