"""Related-article links ("اقرأ أيضاً", "مواضيع ذات علاقة" ...) and "مقالات مشابهة" title lists.

Found by the portal's ``related``/``similar`` selectors, or generically: an element whose own text
is a label from ``boilerplate.RELATED_LABELS`` (plus the portal's ``related_labels``), followed by
links in its block. Navigation and most-read widgets are not related blocks.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urljoin, urlsplit

from lxml import etree
from parsel import Selector

from newsbot.extract._deps import boilerplate, clean_text, first_key_word, match_key
from newsbot.extract.container import select_all, select_roots
from newsbot.extract.metadata import looks_like_article_url
from newsbot.extract.tree import first_texts, per_page, tagged

LABEL_TAGS = (
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "span",
    "div",
    "strong",
    "b",
    "p",
    "a",
    "li",
    "header",
    "section",
    "label",
    "em",
    "font",
    "td",
)
_LABEL_TAG_SET = frozenset(LABEL_TAGS)
NOT_RELATED_RE = re.compile(
    r"(?:^|[\s_-])(?:nav\w*|menu|footer|most-?\w*|popular|trending|ticker)(?:$|[\s_-])", re.I
)
MAX_LINKS = 40
NOT_ARTICLE_URL_RE = re.compile(
    r"/(?:topics?|tags?|category|categories|section|sections|author|authors|search|live)/"
    r"(?![^/?#]+/[^/?#]+/[^/?#]{8,})(?![^/?#]+/[^/?#]*[0-9]{4,}[^/?#]*/?(?:$|[?#]))",
    re.I,
)
"""Topic / tag / section pages are not related articles (BBC's "مواضيع ذات صلة" is topics);
an article filed under its section's path ("/section/76-لبنان/<id>/<slug>",
"/Section/<section>/<slug>-1842877") still is one."""


def decode_url(url: str) -> str:
    """Absolute URL in percent-decoded (readable) form, fragment dropped."""
    url = url.split("#")[0]
    try:
        return unquote(url, errors="strict")
    except UnicodeDecodeError:
        return url


def _link(a: etree._Element, base: str) -> tuple[str, str] | None:
    href = (a.get("href") or "").strip()
    if not href or href.startswith(("#", "javascript:", "mailto:", "tel:", "whatsapp:")):
        return None
    url = urljoin(base, href)
    if not url.startswith(("http://", "https://")):
        return None
    text = clean_text(" ".join(a.itertext()))
    title = clean_text(a.get("title") or "")
    if title and (not text or (len(title) > len(text) and text.rstrip(".… ") in title)):
        text = title
    return url, text


def _own_text(el: etree._Element) -> str:
    return clean_text(" ".join(el.itertext()))


_LABEL_LIMIT = 60
"""Characters of stripped text a block heading holds at most (:func:`_label_text`)."""


def _label_text(el: etree._Element, limit: int = _LABEL_LIMIT) -> str | None:
    """The element's text when it is short enough to be a block heading (cheap early exit)."""
    if len(el) > 4:
        return None
    parts: list[str] = []
    size = 0
    for t in el.itertext():
        size += len(t.strip())
        if size > limit:
            return None
        parts.append(t)
    return clean_text(" ".join(parts)) or None


def _label_heads(root: etree._Element) -> list[tuple[etree._Element, str]]:
    """Every possible label element (``LABEL_TAGS``, at most 4 children, some non-blank text,
    its first piece short enough for :func:`_label_text`) with the first word of its text's
    match key (``""``: none), shared by the related and similar-titles readers (an element
    without such text has no :func:`_label_text`)."""
    words: dict[str, str] = {}  # nested boxes often share their first text node
    firsts = first_texts(root)
    out = []
    for el in tagged(root, _LABEL_TAG_SET):
        if len(el) > 4:  # more children: never a label (_label_text)
            continue
        text = firsts.get(el)
        if text is None:
            continue  # no text at all
        if len(text) > _LABEL_LIMIT and len(text.strip()) > _LABEL_LIMIT:
            continue  # its first text alone is too long for _label_text (a paragraph)
        word = words.get(text)
        if word is None:
            word = words[text] = first_key_word(text)
        out.append((el, word))
    return out


def _is_nav(el: etree._Element) -> bool:
    """True inside navigation / footer / most-read widgets (the label's own box may be styled
    like one, e.g. youm7's related heading sits in ``div.most-read``)."""
    for depth, a in enumerate([el, *el.iterancestors()]):
        if not isinstance(a.tag, str):
            continue
        if a.tag in ("nav", "footer", "header") and a is not el:
            return True
        if depth >= 2 and NOT_RELATED_RE.search(f"{a.get('class', '')} {a.get('id', '')}"):
            return True
    return False


def _links_after(label: etree._Element, scope: etree._Element, base: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    seen_label = False
    label_els = list(label.iter())  # keep the proxies alive: id() is only stable while they live
    label_desc = {id(x) for x in label_els}
    for el in scope.iter():
        if el is label:
            seen_label = True
            continue
        if not seen_label or id(el) in label_desc or not isinstance(el.tag, str):
            continue
        heading = el.tag in ("h1", "h2", "h3", "h4", "h5", "h6") and el.find(".//a") is None
        if heading and _own_text(el) and not el.xpath("ancestor::a"):
            break  # the next section starts
        if el.tag == "a":
            got = _link(el, base)
            if got:
                out.append(got)
        if len(out) > MAX_LINKS:
            break
    return out


def _merge(links: list[tuple[str, str]], page_url: str) -> list[dict[str, str | None]]:
    """Deduplicate by decoded URL; keep the longest title seen; drop the page itself."""
    page = decode_url(page_url)
    order: list[str] = []
    titles: dict[str, str] = {}
    for url, title in links:
        key = decode_url(url)
        if key == page or urlsplit(key).path in ("", "/"):
            continue
        if key not in titles:
            order.append(key)
            titles[key] = title
        elif len(title) > len(titles[key]):
            titles[key] = title
    return [{"url": u, "title": titles[u] or None} for u in order]


def generic_related(
    sel: Selector, base: str, extra_labels: tuple[str, ...] = ()
) -> list[tuple[str, str]]:
    """Links under related-block labels anywhere on the page."""
    root = sel.root
    found: list[tuple[str, str]] = []
    if not isinstance(root, etree._Element):
        return found
    firsts = boilerplate.related_first_words(tuple(extra_labels))
    for el, word in per_page("label_heads", root, _label_heads):
        if word and word not in firsts:
            continue  # a related label's key starts with one of these words
        text = _label_text(el)
        if not text or len(text) > 40:
            continue
        if not boilerplate.is_related_label(text, extra_labels):
            continue
        if _is_nav(el):
            continue
        scope, links = el, []
        for _ in range(5):
            parent = scope.getparent()
            if parent is None:
                break
            scope = parent
            links = _article_links(_links_after(el, scope, base), base)
            if links:
                # The block may be one of a run of sibling items (<dl>/<li> per link).
                sib = scope.getnext()
                while (
                    sib is not None
                    and sib.tag == scope.tag
                    and sib.get("class") == scope.get("class")
                ):
                    links += _article_links(
                        [got for a in sib.iter("a") if (got := _link(a, base))], base
                    )
                    sib = sib.getnext()
                break
        found.extend(links)
    return found


def _same_shape(url: str, base: str) -> bool:
    """``url`` is built like the (article) page's own URL: same host, same first path segment,
    same depth ("/saudia/ab12cd34" next to "/saudia/zz11yy22": short-id article URLs)."""
    a, b = urlsplit(url), urlsplit(base)
    sa, sb = a.path.strip("/").split("/"), b.path.strip("/").split("/")
    return (
        a.hostname == b.hostname
        and len(sa) == len(sb) >= 2
        and sa[0] == sb[0]
        and sa[-1] != sb[-1]
        and bool(ID_SEGMENT_RE.search(sa[-1]))
    )


ID_SEGMENT_RE = re.compile(r"^(?=[^/]*\d)[\w-]{6,}$")
"""A last path segment carrying an id (digits among letters): "7g2xk1bzmh", "ab12cd34"."""


def _article_links(links: list[tuple[str, str]], base: str = "") -> list[tuple[str, str]]:
    """Links that look like articles: a headline-like text and an article-like URL."""
    return [
        lk
        for lk in links
        if len(lk[1].split()) >= 3
        and not NOT_ARTICLE_URL_RE.search(lk[0])
        and (looks_like_article_url(decode_url(lk[0])) or (base and _same_shape(lk[0], base)))
    ]


def selector_related(sel: Selector, queries: tuple[str, ...], base: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    for q in queries:
        for root in select_roots(sel, q):
            if not isinstance(root, etree._Element):
                continue
            anchors = [root] if root.tag == "a" else root.iter("a")
            for a in anchors:
                got = _link(a, base)
                if got and (got[1] or a.get("title")):
                    out.append(got)
    return out


def related_links(
    sel: Selector,
    base: str,
    page_url: str,
    *,
    selectors: tuple[str, ...] = (),
    extra_labels: tuple[str, ...] = (),
    inline: list[dict[str, str]] | None = None,
) -> list[dict[str, str | None]]:
    """Related links: portal selectors (when they match) else labelled blocks, plus inline ones."""
    links = selector_related(sel, selectors, base) if selectors else []
    if not links:
        links = generic_related(sel, base, extra_labels)
    links = [(r["url"], r.get("title") or "") for r in inline or []] + links
    return _merge([lk for lk in links if lk[1]], page_url)


_SIMILAR_FIRST_WORDS = frozenset(
    match_key(w).split()[0] for w in boilerplate.SIMILAR_LABELS if match_key(w)
)
"""First words of the "مقالات مشابهة" labels: a cheap test before reading an element's text."""


def similar_titles(sel: Selector, selectors: tuple[str, ...] = ()) -> list[str]:
    """Titles listed under "مقالات مشابهة"-style headings (selectors first, then labels)."""
    out: list[str] = []
    for q in selectors:
        for box in select_all(sel, q):
            items = box.xpath(".//li") or box.xpath("./*")
            out.extend(
                t for t in (clean_text(" ".join(i.xpath(".//text()").getall())) for i in items) if t
            )
        if out:
            return out
    root = sel.root
    if not isinstance(root, etree._Element):
        return out
    for el, word in per_page("label_heads", root, _label_heads):
        if word and word not in _SIMILAR_FIRST_WORDS:
            continue
        text = _label_text(el)
        if not text or len(text) > 40 or not boilerplate.is_similar_label(text):
            continue
        nxt = el.getnext()
        while nxt is not None and not isinstance(nxt.tag, str):
            nxt = nxt.getnext()
        if nxt is None:
            continue
        items = nxt.findall(".//li") or list(nxt)
        out.extend(t for t in (_own_text(i) for i in items) if t)
        if out:
            break
    return out
