"""scrapy-playwright page methods: the settle wait of every rendered page, listing actions.

Each action runs as one ``page.evaluate`` of a small async function that stops by itself: after
``times`` steps, when a step adds no new link (``document.links``) within ``settle_ms``, when the
element to click is gone or disabled, or when the per-page time budget is spent. The functions
return how many steps they made (kept in the PageMethod's ``result``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from scrapy_playwright.page import PageMethod

from newsbot.portals._actions import Click, Scroll, WaitFor

if TYPE_CHECKING:
    from newsbot.portals._actions import PageAction

SETTLE_JS = """
async ([quietMs, maxMs]) => new Promise((resolve) => {
  const start = Date.now();
  let timer = null;
  const obs = new MutationObserver(() => { clearTimeout(timer); timer = setTimeout(done, quietMs); });
  function done() { obs.disconnect(); resolve(Date.now() - start); }
  obs.observe(document, {subtree: true, childList: true, characterData: true});
  timer = setTimeout(done, quietMs);
  setTimeout(done, maxMs);
})
"""
"""Wait until the DOM has not changed for ``quietMs`` (at most ``maxMs``): scripts that fill
the page after ``load`` (a fetch of the story JSON) have finished."""

STEP_JS = """
async ([kind, selector, times, settleMs, budgetMs]) => {
  const deadline = Date.now() + budgetMs;
  const links = () => document.links.length;
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  let done = 0;
  while (done < times && Date.now() < deadline) {
    const before = links();
    if (kind === "click") {
      const el = document.querySelector(selector);
      if (!el || el.disabled || el.getAttribute("aria-disabled") === "true") break;
      el.scrollIntoView();
      el.click();
    } else {
      window.scrollTo(0, document.documentElement.scrollHeight);
      window.dispatchEvent(new Event("scroll"));
    }
    const until = Math.min(Date.now() + settleMs, deadline);
    while (links() === before && Date.now() < until) await sleep(50);
    if (links() === before) break;
    done++;
  }
  return done;
}
"""


def settle_method(settle_ms: int, max_ms: int = 3000) -> PageMethod:
    """The wait every rendered page gets before its HTML is read."""
    return PageMethod("evaluate", SETTLE_JS, [settle_ms, max_ms])


def action_methods(
    actions: tuple[PageAction, ...], budget_ms: int, settle_ms: int = 2000
) -> list[PageMethod]:
    """Page methods for a listing's actions (each bounded by ``budget_ms`` and its ``times``)."""
    methods: list[PageMethod] = []
    for action in actions:
        if isinstance(action, Click):
            args = ["click", action.selector, action.times, settle_ms, budget_ms]
            methods.append(PageMethod("evaluate", STEP_JS, args))
        elif isinstance(action, Scroll):
            args = ["scroll", "", action.times, settle_ms, budget_ms]
            methods.append(PageMethod("evaluate", STEP_JS, args))
        elif isinstance(action, WaitFor):
            methods.append(
                PageMethod(
                    "wait_for_selector", action.selector, state="attached", timeout=budget_ms
                )
            )
    return methods
