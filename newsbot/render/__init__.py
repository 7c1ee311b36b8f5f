"""JavaScript rendering with scrapy-playwright and Debian's Chromium (README "JavaScript portals").

- ``browser``: finding the Chromium executable, the scrapy-playwright settings (only installed
  when a crawl may render).
- ``plan``: the render mode of each page (``-a render=``, ``NEWSBOT_RENDER``, portal ``render``,
  the generic default) and the crawl's set-up.
- ``auto``: the plain-first check of ``render="auto"`` and its browser re-request.
- ``actions``: listing page actions (load-more clicks, scrolling) as page methods.
- ``middleware``: the downloader middleware that routes requests to the browser, and the start
  check that stops a crawl needing a browser it does not have.
"""
