"""Page actions a listing declares for a JavaScript listing (README "JavaScript portals").

Data only: ``newsbot.render.actions`` turns them into scrapy-playwright page methods. Every
action is bounded: by its own ``times`` and by the crawl's time budget per page
(``NEWSBOT_RENDER_ACTIONS_TIMEOUT``). A selector is CSS (what ``document.querySelector`` takes).

    Listing(url=".../news", actions=(Click("button.load-more", times=5),))
    Listing(url=".../latest", actions=(Scroll(times=10),))
    Listing(url=".../section", actions=(WaitFor("ul.articles a"),))
"""

from __future__ import annotations

from dataclasses import dataclass

from parsel import Selector

MAX_TIMES = 50
"""Upper bound of ``times`` for any action (a typo must not click forever)."""


def _check_css(selector: str, where: str) -> None:
    try:
        Selector(text="<html></html>").css(selector)
    except Exception as exc:  # parsel/cssselect raise several types for bad syntax
        raise ValueError(f"{where}: bad CSS selector {selector!r}: {exc}") from exc


def _check_times(times: int, where: str) -> None:
    if not 1 <= times <= MAX_TIMES:
        raise ValueError(f"{where}: times must be between 1 and {MAX_TIMES}, not {times}")


@dataclass(frozen=True)
class Click:
    """Click ``selector`` (a "المزيد" / load-more button) up to ``times`` times.

    Stops early when the element is gone or disabled, or when a click adds no new link.
    """

    selector: str
    times: int = 5

    def __post_init__(self) -> None:
        _check_css(self.selector, "Click")
        _check_times(self.times, "Click")


@dataclass(frozen=True)
class Scroll:
    """Scroll to the bottom up to ``times`` times; stops when a scroll adds no new link."""

    times: int = 10

    def __post_init__(self) -> None:
        _check_times(self.times, "Scroll")


@dataclass(frozen=True)
class WaitFor:
    """Wait until ``selector`` is in the page (bounded by the per-page time budget)."""

    selector: str

    def __post_init__(self) -> None:
        _check_css(self.selector, "WaitFor")


PageAction = Click | Scroll | WaitFor
"""Any listing page action."""
