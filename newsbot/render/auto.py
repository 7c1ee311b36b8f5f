"""``render="auto"``: fetch plainly first, render again only when the plain page falls short.

Called by the article callback right after extraction. The page is requested again through the
browser (same callback, ``meta["newsbot_render"] = "auto"``, not filtered as a duplicate) when
its render mode is ``auto``, it was not rendered already, and

- the plain record lacks a required field (title, body, published), or
- the portal declares selectors and none of them matches anything on the plain page.

Stats: ``newsbot/<portal>/render/needed``. With no browser the crawl stops at once (close reason
``browser_missing``, an ERROR naming ``apt-get install chromium``) instead of failing page by
page. Every record gets ``fetched_via``: ``browser`` or ``http``.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from scrapy.exceptions import CloseSpider

from newsbot.portals._spec import SELECTOR_FIELDS
from newsbot.render.browser import INSTALL_HINT
from newsbot.render.plan import BROWSER_MISSING, plan_of

if TYPE_CHECKING:
    from scrapy.http import Request, Response

    from newsbot.items import Article
    from newsbot.portals import Portal

logger = logging.getLogger(__name__)

REQUIRED_FIELDS: tuple[str, ...] = ("title", "body", "published")
_MATCHED_FIELDS = tuple(f for f in SELECTOR_FIELDS if f != "remove")
_KEEP_META = ("depth", "download_slot")


def selectors_match_nothing(response: Response, portal: Portal | None) -> bool:
    """True when the portal's current layout declares selectors and none matches."""
    if portal is None:
        return False
    selectors = portal.layout_for(None).selectors
    declared = [s for f in _MATCHED_FIELDS for s in getattr(selectors, f)]
    if not declared:
        return False
    for sel in declared:
        query = sel.removeprefix("xpath:")
        found = response.xpath(query) if sel.startswith("xpath:") else response.css(query)
        if found:
            return False
    return True


def render_reason(article: Article, response: Response, portal: Portal | None) -> str | None:
    """Why the plain page should be rendered (``missing:body,published``), else None."""
    missing = [f for f in REQUIRED_FIELDS if not getattr(article, f)]
    if missing:
        return "missing:" + ",".join(missing)
    if selectors_match_nothing(response, portal):
        return "selectors_match_nothing"
    return None


def rerender_request(
    spider: Any, response: Response, portal: Portal | None, article: Article
) -> Request | None:
    """The browser re-request of an ``auto`` page that needs it, else None.

    Sets ``article.fetched_via``. Raises CloseSpider(``browser_missing``) when rendering is
    needed and no browser exists.
    """
    rendered = bool(response.meta.get("playwright"))
    article.fetched_via = "browser" if rendered else "http"
    request = response.request
    if rendered or request is None or plan_of(spider.crawler).mode(portal) != "auto":
        return None
    reason = render_reason(article, response, portal)
    if reason is None:
        return None
    spider.count(portal, "render/needed")
    if plan_of(spider.crawler).browser is None:
        logger.error(
            "%s needs JavaScript rendering (%s) but %s", response.url, reason, INSTALL_HINT
        )
        raise CloseSpider(BROWSER_MISSING)
    logger.debug("Rendering %s again in the browser (%s)", response.url, reason)
    meta = {k: v for k, v in request.meta.items() if k.startswith("newsbot_") or k in _KEEP_META}
    meta["newsbot_render"] = "auto"
    return request.replace(url=response.url, meta=meta, dont_filter=True)
