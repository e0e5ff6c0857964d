"""pkgen: drafts and checks Indonesian regional cooperation agreements (PKS and KSB)."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("pkgen")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0+source"

from .errors import InputError, OutputError, PkgenError, TemplateError  # noqa: E402
from .inputs import Loaded, load_agreement  # noqa: E402
from .render import Draft, render_draft, write_atomic  # noqa: E402

__all__ = [
    "Draft",
    "InputError",
    "Loaded",
    "OutputError",
    "PkgenError",
    "TemplateError",
    "load_agreement",
    "render_draft",
    "write_atomic",
]
