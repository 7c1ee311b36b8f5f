"""Navigation links of a listing page: which to follow, which are pagination, which to avoid.

Pure functions over URLs and link texts, no crawling code (the spider side is
``newsbot.spiders._navigation``; README "How discovery works"). In the manner of trafilatura's
focused crawler (courlan's navigation/"not crawlable" filters) and Scrapy's ``CrawlSpider``
rules, but with the Arabic words news sites use:

- :func:`blocked`: why a URL is never worth fetching (login, search, print, share, media files,
  static pages, another language's edition), else None;
- :func:`link_kind`: ``next`` (the next page of this listing), ``pager`` (other page numbers),
  ``listing`` (a section/category/tag page), ``article`` (the URL looks like an article),
  ``unknown`` (fetch it to find out) or ``unlikely`` (unknown, once the site's article shape is
  learned: not fetched);
- :func:`url_shape`: the shape of an article URL (``/w/n/id.html``), learned from confirmed
  articles so links of the same shape are preferred.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, unquote, urlsplit

from scrapy.linkextractors import IGNORED_EXTENSIONS

__all__ = [
    "NavState",
    "blocked",
    "link_kind",
    "page_number",
    "url_shape",
]

NEXT_TEXTS: tuple[str, ...] = (
    "التالي",
    "التالية",
    "الصفحة التالية",
    "المزيد",
    "عرض المزيد",
    "المزيد من الأخبار",
    "أخبار أقدم",
    "الأقدم",
    "next",
    "next page",
    "older",
    "more",
    "\u203a",  # single right-pointing angle quotation mark
    "»",
    ">",
    ">>",
)
"""Link texts (lower-cased, arrows and spaces stripped) of a "next page" link."""

PAGER_TEXTS: tuple[str, ...] = (
    "السابق",
    "السابقة",
    "الصفحة السابقة",
    "الأولى",
    "الأخيرة",
    "prev",
    "previous",
    "first",
    "last",
    "\u2039",  # single left-pointing angle quotation mark
    "«",
    "<",
    "<<",
)
"""Other pager links: never followed (pagination only walks forward, newest first)."""

BLOCKED_PATH: tuple[tuple[str, str], ...] = (
    (
        "login",
        r"(log-?in|log-?out|sign-?in|sign-?up|register|account|wp-admin|wp-login|"
        r"تسجيل|دخول|الدخول|حسابي|اشتراك|subscribe|newsletter|password)",
    ),
    ("search", r"(search|بحث)"),
    ("print", r"(print|طباعة)"),
    ("share", r"(share|sharer|sharing|مشاركة|intent/tweet|send-to-friend)"),
    (
        "static",
        r"(about(-us)?|contact(-us)?|privacy|terms|cookies?|advertise|careers|"
        r"من-نحن|اتصل-بنا|سياسة-الخصوصية|الشروط|أعلن-معنا|faq)",
    ),
    ("feed", r"(feed|rss|atom|sitemap[^/]*)"),
    ("comments", r"(comments?|تعليقات|reply)"),
    ("cart", r"(cart|checkout)"),
)
"""(reason, regex of one whole path segment, without extension) of pages that are not news."""

_SEGMENT_RES = tuple((reason, re.compile(rf"^{rx}$", re.I)) for reason, rx in BLOCKED_PATH)
BLOCKED_QUERY: frozenset[str] = frozenset(
    {"s", "q", "search", "query", "keyword", "keywords", "print", "share", "replytocom", "lang"}
)
"""Query parameters of search / print / share / language-switch URLs."""

LANGUAGE_EDITIONS: frozenset[str] = frozenset(
    {
        "en",
        "fr",
        "es",
        "de",
        "it",
        "tr",
        "fa",
        "ur",
        "he",
        "ru",
        "zh",
        "pt",
        "ms",
        "ku",
        "english",
        "french",
        "francais",
        "espanol",
        "deutsch",
        "turkce",
        "farsi",
    }
)
"""First path segments of another language's edition (``/en/``, ``/fr/``)."""

MEDIA_EXTENSIONS: frozenset[str] = frozenset(IGNORED_EXTENSIONS) | {"m3u8", "mkv", "avif"}
"""Scrapy's ``IGNORED_EXTENSIONS`` (what ``LinkExtractor`` skips by default) and a few more."""

LISTING_SEGMENTS: frozenset[str] = frozenset(
    {
        "section",
        "sections",
        "category",
        "categories",
        "cat",
        "tag",
        "tags",
        "topic",
        "topics",
        "archive",
        "archives",
        "author",
        "authors",
        "writer",
        "writers",
        "news-list",
        "list",
        "قسم",
        "أقسام",
        "اقسام",
        "تصنيف",
        "وسم",
        "وسوم",
        "الوسوم",
        "موضوع",
        "كتاب",
        "أرشيف",
        "ارشيف",
        "ملف",
        "ملفات",
    }
)
"""Path segments that name a listing page (``/section/…``, ``/tag/…``, ``/قسم/…``)."""

_PAGE_QUERY = ("page", "p", "pg", "paged", "pagenum", "pageno", "start", "offset")
_PAGE_PATH = re.compile(r"/(?:page|صفحة|p)/(\d{1,5})/?$", re.I)
_DIGITS = re.compile(r"\d+")
_ID = re.compile(r"\d{3,}")
_HASH_ID = re.compile(r"^(?=.*\d)(?=.*[a-z])[a-z0-9]{8,}$", re.I)
"""A short-id slug (BBC ``c72g2rnmk24o``): letters and digits, 8 or more."""
_DATE_PATH = re.compile(r"/(19|20)\d\d[/-](0?[1-9]|1[0-2])([/-]|$)")
_ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_ARROWS = re.compile("^[\\s«»\u2039\u203a<>←→]+|[\\s«»\u2039\u203a<>←→]+$")

LEARN_MIN = 3
"""Confirmed articles of one URL shape before links of other shapes are deemed unlikely."""


def _segments(url: str) -> list[str]:
    return [unquote(s) for s in urlsplit(url).path.split("/") if s]


def _stem(segment: str) -> tuple[str, str]:
    stem, dot, ext = segment.rpartition(".")
    return (stem, ext.lower()) if dot and stem and len(ext) <= 5 else (segment, "")


def blocked(url: str, home: str | None = None, editions: Iterable[str] = ()) -> str | None:
    """Why ``url`` is not a news page (``login``, ``search``, ``print``, ``share``, ``static``,
    ``feed``, ``comments``, ``cart``, ``media``, ``edition``), else None.

    ``editions``: path prefixes of other language editions announced by ``hreflang`` links.
    A language segment the home URL itself starts with (``/ar/``) is never an edition.
    """
    parts = urlsplit(url)
    segments = _segments(url)
    if segments:
        stem, ext = _stem(segments[-1])
        if ext in MEDIA_EXTENSIONS:
            return "media"
    home_first = (_segments(home)[:1] or [""])[0].lower() if home else ""
    first = segments[0].lower() if segments else ""
    if first and first != home_first and first in LANGUAGE_EDITIONS:
        return "edition"
    path = parts.path.rstrip("/") + "/"
    if any(path.startswith(prefix.rstrip("/") + "/") for prefix in editions if prefix != "/"):
        return "edition"
    for segment in segments:
        stem = _stem(segment)[0]
        for reason, regex in _SEGMENT_RES:
            if regex.match(stem):
                return reason
    for key, _value in parse_qsl(parts.query, keep_blank_values=True):
        if key.lower() in BLOCKED_QUERY:
            return "edition" if key.lower() == "lang" else _query_reason(key.lower())
    return None


def _query_reason(key: str) -> str:
    if key in ("print", "share"):
        return key
    if key == "replytocom":
        return "comments"
    return "search"


def page_number(url: str) -> tuple[str, int] | None:
    """(the listing's URL without its page number, the page number) when the URL names one."""
    parts = urlsplit(url)
    match = _PAGE_PATH.search(parts.path)
    if match:
        base = parts.path[: match.start()].rstrip("/") or "/"
        return f"{parts.netloc}{base}?{parts.query}", int(match.group(1))
    query = parse_qsl(parts.query, keep_blank_values=True)
    for i, (key, value) in enumerate(query):
        if key.lower() in _PAGE_QUERY and value.isdigit():
            rest = "&".join(f"{k}={v}" for j, (k, v) in enumerate(query) if j != i)
            return f"{parts.netloc}{parts.path.rstrip('/') or '/'}?{rest}", int(value)
    return None


def url_shape(url: str) -> str:
    """The shape of a URL path: each segment as ``n`` (a number), ``id`` (holds a 3+ digit run),
    ``s`` (a hyphenated slug) or ``w`` (a word), and the last segment's extension.

    ``/news/2024/a01-1001.html`` -> ``/w/n/id.html``; ``/section/politics.html`` -> ``/w/w.html``.
    """
    out = []
    for segment in _segments(url):
        stem, ext = _stem(segment)
        if stem.isdigit():
            cls = "n"
        elif _ID.search(stem) or _HASH_ID.match(stem):
            cls = "id"
        elif stem.count("-") + stem.count("_") >= 2:
            cls = "s"
        else:
            cls = "w"
        out.append(cls + (f".{ext}" if ext else ""))
    return "/" + "/".join(out)


def looks_like_article(url: str) -> bool:
    """A URL shape typical of articles: an id (3+ digits), a date in the path, or a long slug."""
    segments = _segments(url)
    if not segments:
        return False
    path = urlsplit(url).path
    last = _stem(segments[-1])[0]
    if _DATE_PATH.search(path) and len(segments) >= 3:
        return True
    if _ID.search(last) or _HASH_ID.match(last) or _ID.search(urlsplit(url).query):
        return True
    return last.count("-") + last.count("_") >= 3


def looks_like_listing(url: str) -> bool:
    """A URL naming a section/category/tag listing (``/section/…``, ``/قسم/…``, ``/tag/…``)."""
    return any(s.lower() in LISTING_SEGMENTS for s in _segments(url)[:-1]) or (
        len(_segments(url)) == 1 and not looks_like_article(url)
    )


def _norm_text(text: str) -> str:
    return _ARROWS.sub("", " ".join(text.split())).lower() if text else ""


def link_kind(
    url: str,
    text: str,
    *,
    current: str,
    page: int,
    rel_next: bool = False,
    in_nav: bool = False,
    shapes: NavState | None = None,
) -> str:
    """``next`` / ``pager`` / ``listing`` / ``article`` / ``unknown`` for a link on the listing
    page ``current`` (page ``page`` of its section); see the module docstring."""
    raw = " ".join((text or "").split())
    words = _norm_text(raw)
    number = raw.translate(_ARABIC_DIGITS)
    there = page_number(url)
    continues = _continues(url, current)
    if rel_next:
        return "next"
    if continues and (words in NEXT_TEXTS or raw in NEXT_TEXTS):
        return "next"  # "المزيد" pointing elsewhere (a home-page block's section) is no pager
    if continues and number.isdigit() and len(number) <= 4:
        return "next" if int(number) == page + 1 else "pager"
    if continues and there is not None:
        return "next" if there[1] == page + 1 else "pager"
    if words in PAGER_TEXTS or raw in PAGER_TEXTS:
        return "pager"
    if shapes is not None and shapes.matches(url):
        return "article"
    article_like = looks_like_article(url)
    if not article_like and (in_nav or looks_like_listing(url)):
        return "listing"
    if article_like:
        return "article"
    if shapes is not None and shapes.learned():
        return "unlikely"
    return "unknown"


def _listing_key(url: str) -> str:
    """The listing a URL is a page of (its page number removed)."""
    found = page_number(url)
    if found is not None:
        return found[0]
    parts = urlsplit(url)
    return f"{parts.netloc}{parts.path.rstrip('/') or '/'}?{parts.query}"


def _continues(url: str, current: str) -> bool:
    """True when ``url`` can be a further page of the listing ``current``: the same listing
    with another page number or query, a path below it (``/قسم/رياضة/2.html``), or a sibling
    file extending its name (``politics.html`` -> ``politics-2.html``)."""
    if _listing_key(url) == _listing_key(current):
        return True
    here, there = unquote(urlsplit(current).path), unquote(urlsplit(url).path)
    if here in ("", "/"):
        return False
    if there.startswith(here.rstrip("/") + "/"):
        return True
    here_dir, _, here_name = here.rpartition("/")
    there_dir, _, there_name = there.rpartition("/")
    stem = _stem(here_name)[0]
    return bool(stem) and here_dir == there_dir and there_name.startswith(stem)


@dataclass
class NavState:
    """What one crawl learned about a site: article URL shapes (counted) and edition prefixes."""

    shapes: dict[str, int] = field(default_factory=dict)
    editions: set[str] = field(default_factory=set)

    def confirm(self, url: str) -> None:
        """``url`` turned out to be an article: count its shape."""
        shape = url_shape(url)
        self.shapes[shape] = self.shapes.get(shape, 0) + 1

    def learned(self) -> bool:
        return sum(self.shapes.values()) >= LEARN_MIN

    def matches(self, url: str) -> bool:
        """True when ``url`` has the shape of a confirmed article."""
        return url_shape(url) in self.shapes
