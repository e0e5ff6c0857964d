"""The ``pkgen`` command line: each command parses options, calls the library, reports.

Exit codes: 0 success; 1 the document has error findings (incomplete); 2 an input, template
or output problem (nothing was written). Results go to stdout, diagnostics to stderr.
"""

from .base import main  # each command's module is imported when it is run (base.COMMANDS)

__all__ = ["main"]
