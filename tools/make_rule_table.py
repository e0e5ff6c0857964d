"""Write the README's table of rules ("Rules and what they rest on") from the rulebook.

Run ``python tools/make_rule_table.py`` after changing ``pkgen/checks/rulebook.yaml``;
``tests/test_rulebook.py`` checks that every rule has its row.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pkgen.checks import load_rulebook  # noqa: E402

HEADER = "| rule | level | rests on (firmness) | what it checks |\n|---|---|---|---|\n"


def table() -> str:
    rows = [f"| `{rule.id}` | {rule.tingkat} | {rule.dasar.text('en')} | {rule.uraian.en} |"
            for rule in load_rulebook().aturan]
    return HEADER + "\n".join(rows) + "\n"


def main() -> None:
    readme = ROOT / "README.md"
    text = readme.read_text(encoding="utf-8")
    start = text.index(HEADER, text.index("### Rules and what they rest on"))
    end = text.index("\n\n", start)
    readme.write_text(text[:start] + table() + text[end + 1:], encoding="utf-8")
    print(f"wrote the table of {len(load_rulebook().aturan)} rules into {readme}")


if __name__ == "__main__":
    main()
