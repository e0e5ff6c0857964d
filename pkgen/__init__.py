"""pkgen: drafts and checks Indonesian regional cooperation agreements (PKS and KSB).

The library behind the ``pkgen`` command: ``load_agreement`` reads an input (YAML or a filled
form), ``render_draft`` makes its Word draft, ``check_path`` checks an agreement (a .docx or
an input) against the rulebook, and ``pkgen.build.build`` regenerates a register of drafts.
"""

from ._version import __version__
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
