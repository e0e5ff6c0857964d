"""The single exception root of pkgen, with structured locations and exit codes.

Exit codes: 0 success, 1 the document has error findings, 2 the input or a file cannot be used.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .messages import message

EXIT_FINDINGS = 1
EXIT_INPUT = 2


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input: where it is and which message describes it."""

    code: str
    file: Path | None = None
    line: int | None = None
    key: str | None = None
    params: dict[str, object] = field(default_factory=dict)
    cell: tuple[str, str] | None = None  # (sheet, cell) of a form

    def where(self, lang: str = "id") -> str:
        """Return ``file:line: key`` (or ``file: Sheet 'X', cell B7``), as far as known."""
        head = ""
        if self.file is not None:
            head = str(self.file)
            if self.line is not None:
                head += f":{self.line}"
        if self.cell is not None:
            sheet, cell = self.cell
            place = message("form_cell", lang, sheet=sheet, cell=cell)
            return f"{head}: {place}" if head else place
        if self.key:
            head = f"{head}: {self.key}" if head else self.key
        return head

    def say(self, lang: str = "id") -> str:
        """The problem as a message (see :func:`pkgen.messages.message`): as :meth:`format`."""
        return self.format(lang)

    def format(self, lang: str = "id") -> str:
        """Return the one-line message, location first."""
        params = dict(self.params)
        if "close" in params:  # a "did you mean" candidate for a misspelt key
            close = params["close"]
            params["suggestion"] = message("did_you_mean", lang, name=close) if close else ""
        if params.get("allowed"):
            params["allowed"] = message("allowed_keys", lang, keys=params["allowed"])
        if "paragraph" in params:  # the Word paragraph a template problem comes from
            text = params["paragraph"]
            params["near"] = message("near_paragraph", lang, text=text) if text else ""
        if str(params.get("found", "")).startswith("type_"):
            params["found"] = message(str(params["found"]), lang)
        code = "missing_cell" if self.code == "missing" and self.cell else self.code
        text = message(code, lang, **params)
        where = self.where(lang)
        return f"{where}: {text}" if where else text


class PkgenError(Exception):
    """Root of every error pkgen reports to a user; carries one or more problems."""

    exit_code = EXIT_INPUT

    def __init__(self, problems: list[Problem] | Problem) -> None:
        self.problems = problems if isinstance(problems, list) else [problems]
        super().__init__(self.format("en"))

    def say(self, lang: str = "id") -> str:
        """The problem as a message (see :func:`pkgen.messages.message`): as :meth:`format`."""
        return self.format(lang)

    def format(self, lang: str = "id") -> str:
        """Return every problem, one per line."""
        return "\n".join(p.format(lang) for p in self.problems)


class InputError(PkgenError):
    """The input file is unreadable or does not describe a well-formed agreement."""


class TemplateError(PkgenError):
    """A template cannot be found, read or rendered with the agreement's data."""


class DocumentError(PkgenError):
    """A file given to the checker is not a readable .docx or PDF."""


class OutputError(PkgenError):
    """A draft cannot be written where it was asked to go."""
