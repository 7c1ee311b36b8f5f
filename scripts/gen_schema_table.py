"""Generate the README "Output schema" table from the field docstrings of ``newsbot.items.Article``.

python -m scripts.gen_schema_table            # print the table
python -m scripts.gen_schema_table --write    # replace it in README.md between the markers
python -m scripts.gen_schema_table --check    # exit 1 when README.md is stale
"""

from __future__ import annotations

import argparse
import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
START, END = "<!-- schema:start -->", "<!-- schema:end -->"


def schema_rows(items_py: Path = ROOT / "newsbot" / "items.py") -> list[tuple[str, str, str]]:
    """(name, type, doc) for every field of the Article dataclass, in feed order."""
    tree = ast.parse(items_py.read_text(encoding="utf-8"))
    cls = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "Article")
    rows: list[tuple[str, str, str]] = []
    body = cls.body
    for i, node in enumerate(body):
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            doc = ""
            nxt = body[i + 1] if i + 1 < len(body) else None
            if isinstance(nxt, ast.Expr) and isinstance(nxt.value, ast.Constant):
                doc = " ".join(str(nxt.value.value).split())
            rows.append((node.target.id, ast.unparse(node.annotation), doc))
    return rows


def render() -> str:
    lines = ["| field | type | meaning |", "|---|---|---|"]
    for name, typ, doc in schema_rows():
        lines.append(
            f"| `{name}` | `{typ.replace('|', '&#124;')}` | {doc.replace('|', '&#124;')} |"
        )
    return "\n".join(lines)


def replace_block(readme: str, table: str) -> str:
    head, rest = readme.split(START, 1)
    _, tail = rest.split(END, 1)
    return f"{head}{START}\n{table}\n{END}{tail}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true")
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--readme", type=Path, default=ROOT / "README.md")
    args = parser.parse_args(argv)
    table = render()
    if not (args.write or args.check):
        print(table)
        return 0
    text = args.readme.read_text(encoding="utf-8")
    new = replace_block(text, table)
    if args.check:
        if new != text:
            print("README schema table is stale: python -m scripts.gen_schema_table --write")
            return 1
        return 0
    args.readme.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
