"""README tables are the documentation contract: they must match the code."""

from __future__ import annotations

import re
from pathlib import Path

from scripts import gen_schema_table

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_schema_table_matches_article_fields() -> None:
    table = gen_schema_table.render()
    assert gen_schema_table.replace_block(README, table) == README, (
        "README schema table is stale: python -m scripts.gen_schema_table --write"
    )


def test_every_newsbot_setting_is_documented() -> None:
    import newsbot.settings as base

    names = {n for n in dir(base) if n.startswith("NEWSBOT_")}
    used = set()
    for path in (ROOT / "newsbot").rglob("*.py"):
        used |= set(re.findall(r"\bNEWSBOT_[A-Z_]+[A-Z]\b", path.read_text(encoding="utf-8")))
    env_only = {"NEWSBOT_REALWORLD_DIR", "NEWSBOT_REQUIRE_SERVICES"}
    missing = sorted(n for n in (names | used) if f"`{n}`" not in README and n not in env_only)
    assert not missing, f"settings missing from README's settings table: {missing}"
    assert names, "no NEWSBOT_* settings found in newsbot.settings"


def test_readme_commands_exist() -> None:
    assert "scrapy crawl demo -O demo.jsonl" in README
    assert "python -m pytest -q" in README
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "python -m pytest -q" in ci
