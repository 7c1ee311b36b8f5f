"""Portal catalogue tools behind ``scrapy portals`` and ``scrapy genportal`` (README "Portals").

Pure library code, no crawling: ``table`` (the catalogue table), ``results`` (what a probe crawl
records per source and per article), ``health`` (verdicts and the health table of
``scrapy portals --check``), ``guess`` (country, zone, slug and URL-pattern guesses), ``draft``
(the draft portal built from a site probe) and ``portalfile`` (its source text, written and
checked). The crawls themselves are the ``portalcheck`` and ``siteprobe`` spiders.
"""
