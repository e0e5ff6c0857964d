"""Names a package offers without importing, at its own import, the modules that define them.

``pkgen build`` with nothing to do, and ``pkgen --help``, need neither the models, the renderer
nor the checker; a package that imported them to offer their names would make every command
wait for them.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable


def exports(package: str, names: dict[str, str]) -> Callable[[str], object]:
    """A module ``__getattr__`` for ``package`` that imports the module named for a name
    (relative to ``package``) when the name is first asked for, and keeps the answer."""
    namespace = importlib.import_module(package).__dict__

    def __getattr__(name: str) -> object:
        module = names.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module, package), name)
        namespace[name] = value
        return value

    return __getattr__
