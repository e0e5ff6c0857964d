"""pkgen: drafts and checks Indonesian regional cooperation agreements (PKS and KSB).

The library behind the ``pkgen`` command: ``load_agreement`` reads an input (YAML or a filled
form), ``render_draft`` makes its Word draft, ``check_path`` checks an agreement (a .docx or
an input) against the rulebook, and ``pkgen.build.build`` regenerates a register of drafts.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("pkgen")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0+source"

from .checks import Report, check_path  # noqa: E402
from .errors import InputError, OutputError, PkgenError, TemplateError  # noqa: E402
from .inputs import Loaded, load_agreement  # noqa: E402
from .render import Draft, render_draft, write_atomic  # noqa: E402

__all__ = [
    "Draft",
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
