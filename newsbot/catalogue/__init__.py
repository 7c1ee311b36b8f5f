"""Portal catalogue tools behind ``scrapy portals`` and ``scrapy genportal`` (README "Portals").

Pure library code, no crawling: ``table`` (the catalogue table), ``results`` (what a probe crawl
records per source and per article), ``health`` (verdicts and the health table of
``scrapy portals --check``), ``guess`` (country, zone, slug and URL-pattern guesses) and
``draft`` (the portal file ``scrapy genportal`` writes). The crawls themselves are the
``portalcheck`` and ``siteprobe`` spiders in ``newsbot.spiders``.
"""
