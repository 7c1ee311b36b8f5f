"""WARC in and out (README "Archives: WARC and CC-NEWS").

* :mod:`newsbot.warc.reader` — records of a WARC stream (warcio), with truncation/corruption
  detected and reported as :class:`~newsbot.warc.reader.WarcDamaged` after every complete record.
* :mod:`newsbot.warc.pages` — a response record -> the Scrapy ``HtmlResponse`` a live crawl would
  have seen (same charset logic), or the reason it is skipped; the language check.
* :mod:`newsbot.warc.chunks` — complete records of one byte range of a remote WARC (the CC-NEWS
  spider downloads WARCs in ranges, never whole in memory).
* :mod:`newsbot.warc.extract` — ``scrapy extract --warc FILE_OR_URL``.
* :mod:`newsbot.warc.writer` / :mod:`newsbot.warc.export` — rotating gzipped WARC files of a
  crawl (``NEWSBOT_WARC_DIR``).

warcio is used rather than FastWARC (2.3x faster at bare iteration here): FastWARC 2.0.1 ends
iteration silently at a truncated or corrupt member and fails on gzip + chunked payloads
(``benchmarks/bench_warc.py`` measures both).
"""
