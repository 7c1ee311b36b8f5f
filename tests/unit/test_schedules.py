"""Recurring-crawl recipes (newsbot.schedules, `scrapy schedule`, deploy/)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsbot import portals
from newsbot.portals import Portal
from newsbot.schedules import Paths, cron_spec, crontab, scheduled_portals, systemd_units

REPO = Path(__file__).resolve().parents[2]


def _portal(slug: str, minutes: int, domain: str | None = None, **kw: object) -> Portal:
    return Portal(
        slug=slug,
        name=slug.title(),
        domains=(domain or f"{slug}.com",),
        country="eg",
        schedule_minutes=minutes,
        **kw,  # type: ignore[arg-type]
    )


FLEET = [
    _portal("fast", 15),
    _portal("odd", 45),
    _portal("slow", 180),
    _portal("off", 10, enabled=False),
    _portal("offline", 5, domain="offline.newsbot.example"),
]


def test_each_portal_runs_at_its_own_interval() -> None:
    cron = crontab(FLEET, Paths(project="/srv/nb", home="/data/nb"))
    jobs = [
        line for line in cron.splitlines() if line and not line.startswith(("#", "S", "M", "N"))
    ]
    assert jobs == [
        "0-59/15 * * * * /srv/nb/deploy/newsbot-crawl fast",
        "1-59/30 * * * * /srv/nb/deploy/newsbot-crawl odd",
        "2 */3 * * * /srv/nb/deploy/newsbot-crawl slow",
    ]
    assert "every 30 min (wanted 45)" in cron  # cron cannot do every 45 min evenly
    assert "NEWSBOT_HOME=/data/nb" in cron
    units = systemd_units(FLEET)
    assert sorted(units) == [
        "newsbot-fast.timer",
        "newsbot-odd.timer",
        "newsbot-slow.timer",
        "newsbot@.service",
    ]
    assert "OnUnitActiveSec=45min" in units["newsbot-odd.timer"]
    assert "Unit=newsbot@slow.service" in units["newsbot-slow.timer"]
    service = units["newsbot@.service"]
    assert "ExecStart=/opt/newsbot/deploy/newsbot-crawl %i" in service
    assert "KillSignal=SIGINT" in service and "SuccessExitStatus=75" in service


@pytest.mark.parametrize(
    ("minutes", "spec", "used"),
    [
        (1, "* * * * *", 1),
        (7, "0-59/6 * * * *", 6),
        (60, "0 * * * *", 60),
        (1440, "0 */12 * * *", 720),
    ],
)
def test_cron_spec_rounds_to_an_even_interval(minutes: int, spec: str, used: int) -> None:
    assert cron_spec(minutes) == (spec, used)


def test_demo_and_disabled_portals_are_not_scheduled() -> None:
    assert [p.slug for p in scheduled_portals(FLEET)] == ["fast", "odd", "slow"]


def test_deploy_directory_is_current() -> None:
    """deploy/ holds `scrapy schedule --cron --systemd --write deploy` for the registry."""
    registry = portals.all_portals()
    assert (REPO / "deploy" / "crontab").read_text(encoding="utf-8") == crontab(registry)
    stale = [
        name
        for name, text in systemd_units(registry).items()
        if (REPO / "deploy" / "systemd" / name).read_text(encoding="utf-8") != text
    ]
    assert not stale, "run: scrapy schedule --cron --systemd --write deploy"
    written = {p.name for p in (REPO / "deploy" / "systemd").iterdir()}
    assert written == set(systemd_units(registry))


def test_schedule_command_prints_the_recipes(capsys: pytest.CaptureFixture[str]) -> None:
    import argparse

    from scrapy.exceptions import UsageError
    from scrapy.settings import Settings

    from newsbot.commands.schedule import Command

    command = Command()
    command.settings = Settings()
    parser = argparse.ArgumentParser()
    command.add_options(parser)
    command.run([], parser.parse_args(["--cron", "--home", "/x"]))
    assert capsys.readouterr().out == crontab(portals.all_portals(), Paths(home="/x"))
    command.run([], parser.parse_args(["--systemd"]))
    units = capsys.readouterr().out
    assert "# ==> systemd/newsbot@.service <==" in units  # several files: each labelled
    assert "OnUnitActiveSec=" in units
    with pytest.raises(UsageError):
        command.run([], parser.parse_args([]))
