"""Which files are inputs, and the names of their drafts: derived from input names, never
leaving their folder, never reserved."""

from __future__ import annotations

import re
from pathlib import Path

#: Inputs are a few kilobytes; anything past this is the wrong file.
MAX_INPUT_BYTES = 1_000_000
YAML_SUFFIXES = (".yaml", ".yml")
#: Excel forms (pkgen form) are inputs too.
FORM_SUFFIXES = (".xlsx", ".xlsm")
INPUT_SUFFIXES = YAML_SUFFIXES + FORM_SUFFIXES
_RESERVED = re.compile(r"^(con|prn|aux|nul|com[0-9]|lpt[0-9])$", re.IGNORECASE)
_UNSAFE = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')


def safe_stem(name: str) -> str:
    """A file-name stem that is valid on Windows and Linux and has no path in it."""
    stem = _UNSAFE.sub("_", name).strip(" .") or "draf"
    if _RESERVED.match(stem):
        stem = f"_{stem}"
    return stem[:150]


def output_name(input_path: Path) -> str:
    """Return a safe draft file name derived from the input file name."""
    return f"{safe_stem(input_path.stem)}.docx"


def mirrored(relative_input: Path) -> Path:
    """The draft's path under the drafts folder for an input's path under the register.

    Every component is made safe, so the result is always a relative path inside the folder.
    """
    folders = [safe_stem(part) for part in relative_input.parent.parts
               if part not in ("", ".", "..", "/")]
    return Path(*folders, output_name(relative_input))
