"""The bundled demo site (newsbot/demo/site) is self-consistent and matches its manifest.

Run over both states: the base site and the site with ``site_updates/`` laid over it (the
two-run incremental scenario, see newsbot/demo/README.md). No crawling here: plain files,
parsel for HTML, ElementTree for XML, and the demo server for the charset routes.
"""

from __future__ import annotations

import json
import re
import shutil
import urllib.request
import xml.etree.ElementTree as ET
from datetime import datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from parsel import Selector
from scrapy.http import HtmlResponse

from newsbot.demo.server import Route, serve_directory
from newsbot.portals.demo import PORTAL

DEMO = Path(__file__).resolve().parents[2] / "newsbot" / "demo"
HOST = "demo.newsbot.example"
NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
}
ARTICLE_KINDS = ("article", "near-duplicate")


@pytest.fixture(scope="module", params=["base", "updated"])
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Path:
    if request.param == "base":
        return DEMO / "site"
    root = tmp_path_factory.mktemp("demo") / "site"
    shutil.copytree(DEMO / "site", root)
    shutil.copytree(DEMO / "site_updates", root, dirs_exist_ok=True)
    return root


@pytest.fixture(scope="module")
def manifest(site: Path) -> dict:
    return json.loads((site / "manifest.json").read_text(encoding="utf-8"))


def file_for(site: Path, link: str, base_path: str = "/") -> Path | None:
    """The site file a link points to (None for another host)."""
    parts = urlsplit(link)
    if parts.scheme and parts.netloc != HOST:
        return None
    path = unquote(parts.path)
    if not path.startswith("/"):
        path = base_path.rsplit("/", 1)[0] + "/" + path
    target = site / path.lstrip("/")
    return target / "index.html" if path.endswith("/") else target


def html(site: Path, page: dict) -> Selector:
    return Selector(text=(site / page["file"]).read_bytes().decode(page.get("encoding", "utf-8")))


def xml_locs(site: Path, name: str) -> list[str]:
    root = ET.parse(site / name).getroot()
    return [e.text or "" for e in root.iter(f"{{{NS['sm']}}}loc")]


def articles(manifest: dict) -> list[dict]:
    return [p for p in manifest["pages"] if p["kind"] in ARTICLE_KINDS]


def by_path(manifest: dict) -> dict[str, dict]:
    return {p["path"]: p for p in manifest["pages"]}


def test_every_manifest_page_exists(site: Path, manifest: dict) -> None:
    missing = [p["path"] for p in manifest["pages"] if not (site / p["file"]).is_file()]
    assert missing == []
    assert manifest["state"] == (
        "updated" if site.name == "site" and site.parent != DEMO else "base"
    )
    counts = manifest["counts"]
    assert counts["article"] >= 16 and counts["near-duplicate"] == 1 and counts["duplicate"] >= 2


def test_feeds_are_wellformed_and_resolve(site: Path, manifest: dict) -> None:
    index = xml_locs(site, "sitemap.xml")
    assert [urlsplit(u).path for u in index] == ["/news-sitemap.xml", "/sitemap-articles.xml"]
    links = xml_locs(site, "news-sitemap.xml") + xml_locs(site, "sitemap-articles.xml")
    rss = ET.parse(site / "rss.xml").getroot()
    links += [i.findtext("link") or "" for i in rss.iter("item")]
    assert len(links) > 30
    unresolved = [u for u in links if not (file_for(site, u) or Path("/nonexistent")).is_file()]
    assert unresolved == []
    known = {p["path"] for p in manifest["pages"]}
    assert {
        urlsplit(u).path + (f"?{urlsplit(u).query}" if urlsplit(u).query else "") for u in links
    } <= known
    robots = (site / "robots.txt").read_text(encoding="utf-8")
    assert "Disallow: /private/" in robots
    for line in re.findall(r"^Sitemap: (\S+)$", robots, re.M):
        assert file_for(site, line).is_file()  # type: ignore[union-attr]


def test_listings_paginate_and_resolve(site: Path, manifest: dict) -> None:
    for pages in manifest["listings"].values():
        first = Selector(text=(site / pages[0].lstrip("/") / "index.html").read_text("utf-8"))
        nxt = first.css("nav.pagination a.next::attr(href)").get()
        assert nxt == pages[1]
        last = Selector(text=(site / pages[1].lstrip("/") / "index.html").read_text("utf-8"))
        assert last.css("nav.pagination a.next").get() is None
        for path in pages:
            sel = Selector(text=(site / path.lstrip("/") / "index.html").read_text("utf-8"))
            hrefs = sel.css("div.listing-items h3.card-title a::attr(href)").getall()
            assert hrefs
            assert [h for h in hrefs if not file_for(site, h, path).is_file()] == []  # type: ignore[union-attr]
    eco = Selector(text=(site / "section/economy/index.html").read_text("utf-8"))
    assert "منذ ساعتين" in eco.css("span.card-time::text").getall()


def test_news_sitemap_dates_match_pages(site: Path, manifest: dict) -> None:
    pages = by_path(manifest)
    root = ET.parse(site / "news-sitemap.xml").getroot()
    seen = []
    for url in root.findall("sm:url", NS):
        path = urlsplit(url.findtext("sm:loc", namespaces=NS) or "").path
        news = url.find("news:news", NS)
        assert news is not None
        pub = news.findtext("news:publication_date", namespaces=NS) or ""
        assert news.findtext("news:publication/news:language", namespaces=NS) == "ar"
        title = news.findtext("news:title", namespaces=NS)
        lastmod = url.findtext("sm:lastmod", namespaces=NS) or ""
        page = pages[path]
        assert pub[:10] == page["published"], path
        assert title == page["title"]
        assert datetime.fromisoformat(lastmod) >= datetime.fromisoformat(pub)
        if page.get("modified"):
            assert lastmod[:10] == page["modified"]
        seen.append(pub)
    assert seen != sorted(seen) and seen != sorted(seen, reverse=True), "must be mixed order"
    for url in ET.parse(site / "sitemap-articles.xml").getroot().findall("sm:url", NS):
        path = urlsplit(url.findtext("sm:loc", namespaces=NS) or "").path
        lastmod = url.findtext("sm:lastmod", namespaces=NS)
        page = pages[path]
        if page["kind"] in ARTICLE_KINDS:
            assert (lastmod or "")[:10] == (page.get("modified") or page["published"] or "")


def test_rss_pubdates_match_pages(site: Path, manifest: dict) -> None:
    pages = by_path(manifest)
    for item in ET.parse(site / "rss.xml").getroot().iter("item"):
        path = urlsplit(item.findtext("link") or "").path
        when = parsedate_to_datetime(item.findtext("pubDate") or "")
        assert when.tzinfo is not None
        assert when.date().isoformat() == pages[path]["published"], path


def test_article_pages_parse_and_match_manifest(site: Path, manifest: dict) -> None:
    pages = articles(manifest)
    assert len({p["title"] for p in pages}) == len(pages)
    for page in pages:
        sel = html(site, page)
        assert sel.css("title::text").get(), page["path"]
        assert sel.css("h1::text").get() == page["title"], page["path"]
        container = sel.css("div.entry-content, div.article-body")
        assert len(container) == 1, page["path"]
        texts = [t.strip() for t in container.css("p::text").getall()]
        words = sum(len(p.split()) for p in page["body_paragraphs"])
        assert 150 <= words <= 420, f"{page['path']}: {words} words"
        idx = [texts.index(p) for p in page["body_paragraphs"]]
        assert idx == sorted(idx), f"{page['path']}: body paragraphs out of order"
        visible = " ".join(sel.css("span.post-date::text, div.news-date::text").getall())
        assert (page["date_visible"] or "") in visible
        meta = sel.css("meta[property='article:published_time']::attr(content)").get()
        assert bool(meta) == page["date_in_meta"], page["path"]
        if meta:
            assert datetime.fromisoformat(meta).date().isoformat() == page["published"]
        if page["published"] is None:
            assert not re.search(r"/\d{4}/\d{2}/\d{2}/", page["path"])


def test_jsonld_variants(site: Path, manifest: dict) -> None:
    kinds = {}
    for page in articles(manifest):
        blocks = html(site, page).css("script[type='application/ld+json']::text").getall()
        kinds[page["jsonld"]] = kinds.get(page["jsonld"], 0) + 1
        assert bool(blocks) == (page["jsonld"] != "none"), page["path"]
        for block in blocks:
            if page["jsonld"] == "broken":
                with pytest.raises(json.JSONDecodeError):
                    json.loads(block)
                continue
            data = json.loads(block)
            art = next(n for n in data.get("@graph", [data]) if n["@type"] == "NewsArticle")
            assert art["headline"] == page["title"]
            assert art["datePublished"][:10] == page["published"]
            if page["jsonld"] == "local":
                assert len(art["datePublished"]) == 19  # no offset: portal time zone applies
    assert set(kinds) == {"none", "plain", "graph", "broken", "local"}
    assert kinds["none"] > len(articles(manifest)) // 3


def test_portal_selectors_find_manifest_facts(site: Path, manifest: dict) -> None:
    sels = PORTAL.layout_for().selectors

    def first(sel: Selector, options: tuple[str, ...]) -> list[str]:
        for css in options:
            found = sel.xpath(css[6:]) if css.startswith("xpath:") else sel.css(css)
            if found:
                return found if "::" in css or "text()" in css else [found]  # type: ignore[list-item]
        return []

    for page in articles(manifest):
        sel = html(site, page)
        assert [t.get().strip() for t in first(sel, sels.title)] == [page["title"]]
        byline = [t.get().strip() for t in first(sel, sels.byline)]
        assert byline == ([page["byline_visible"]] if page["byline_visible"] else [])
        assert [t.get() for t in first(sel, sels.tags)] == page["tags"]
        src = [t.get().strip() for t in first(sel, sels.credited_source)]
        assert src == ([page["credited_source"]] if page["credited_source"] else [])
        blocks = first(sel, sels.related)
        links = [a for b in blocks for a in b.css("a::attr(href)").getall()]
        local = [urlsplit(h).path for h in links if not h.startswith("http")]
        assert local == page["related"], page["path"]
        assert [h for h in links if h.startswith("http")] == page["related_offsite"]
        targets = [file_for(site, h) for h in links]
        assert [t for t in targets if t is not None and not t.is_file()] == []
        similar = [
            li.strip() for b in first(sel, sels.similar) for li in b.css("li::text").getall()
        ]
        assert similar == page["similar_titles"]
        for block in first(sel, sels.similar):
            assert block.css("a").get() is None
        # one related block at most; the most-read widget and footer are never inside it
        assert len(blocks) == (1 if page["related"] or page["related_offsite"] else 0)
        for block in blocks:
            assert "الأكثر قراءة" not in block.get() and "site-footer" not in block.get()


def test_seed_article(site: Path, manifest: dict) -> None:
    seed = by_path(manifest)[manifest["seed"]]
    assert seed["title"] == "وسط التوتر مع فرنسا.. تعاون عسكري بين النيجر وروسيا"
    assert seed["date_visible"] == "تاريخ النشر: 16th, September 2023 GMT"
    assert seed["published"] == "2023-09-16" and seed["credited_source"] == "العربية"
    assert seed["tags"] == ["روسي", "مالي", "روسيا", "العربية"]
    assert len(seed["similar_titles"]) == 10 and seed["jsonld"] == "none"
    assad = by_path(manifest)[seed["related"][0]]
    assert assad["published"].startswith("2025-07") and assad["discovered_by"] == ["related"]
    assert assad["credited_source"] == "وسائل إعلام فرنسية"
    chain = manifest["related_chains"][0]
    assert chain[:2] == [seed["path"], assad["path"]] and assad["related"] == [chain[2]]
    text = (site / seed["file"]).read_text("utf-8")
    for marker in ("مادة اعلانية", "العرب والعالم", "(رويترز))", "كلمات دلالية:", "إقرأ أيضاً:"):
        assert marker in text


def test_duplicates_point_to_canonical(site: Path, manifest: dict) -> None:
    pages = by_path(manifest)
    dups = [p for p in manifest["pages"] if p["kind"] == "duplicate"]
    assert {d["reason"] for d in dups} == {"amp", "utm"}
    for dup in dups:
        main = pages[dup["duplicate_of"]]
        canonical = Selector(text=(site / dup["file"]).read_text("utf-8"))
        href = canonical.css("link[rel=canonical]::attr(href)").get()
        assert href == main["url"]
        assert dup["path"] in main["aliases"]


def _shingles(text: str) -> set[tuple[str, ...]]:
    words = text.split()
    return {tuple(words[i : i + 3]) for i in range(len(words) - 2)}


def _key(text: str) -> str:
    text = re.sub("[\u064b-\u0652\u0640]", "", text)
    text = re.sub("[أإآ]", "ا", text).replace("ة", "ه").replace("ى", "ي")
    return text


def test_near_duplicate_is_near_only_after_normalising(manifest: dict) -> None:
    pages = by_path(manifest)
    near = next(p for p in manifest["pages"] if p["kind"] == "near-duplicate")
    orig = pages[near["duplicate_of"]]
    a, b = " ".join(orig["body_paragraphs"]), " ".join(near["body_paragraphs"])
    raw = len(_shingles(a) & _shingles(b)) / len(_shingles(a) | _shingles(b))
    norm = len(_shingles(_key(a)) & _shingles(_key(b))) / len(
        _shingles(_key(a)) | _shingles(_key(b))
    )
    assert raw < 0.5 < 0.75 < norm


def test_charset_routes_decode_through_the_demo_server(manifest: dict) -> None:
    routes = {unquote(p): Route(**spec) for p, spec in manifest["routes"].items()}
    pages = [p for p in articles(manifest) if p["encoding"] != "utf-8"]
    assert {p["charset_in"] for p in pages} == {"meta", "header"}
    with serve_directory(DEMO / "site", routes) as (_server, base):
        for page in pages:
            with urllib.request.urlopen(base + page["path"]) as resp:
                body, ctype = resp.read(), resp.headers["Content-Type"]
            with pytest.raises(UnicodeDecodeError):
                body.decode("utf-8")
            response = HtmlResponse(base + page["path"], body=body, headers={"Content-Type": ctype})
            assert response.css("h1::text").get() == page["title"]
            assert (b"windows-1256" in body) == (page["charset_in"] == "meta")


def test_robots_disallowed_page_is_linked_but_not_in_feeds(site: Path, manifest: dict) -> None:
    private = next(p for p in manifest["pages"] if p.get("must_not_fetch"))
    assert private["path"].startswith("/private/") and (site / private["file"]).is_file()
    feeds = "".join(
        (site / f).read_text("utf-8")
        for f in ("rss.xml", "news-sitemap.xml", "sitemap-articles.xml")
    )
    assert private["path"] not in feeds
    listing = (site / "section/arab-world/page/2/index.html").read_text("utf-8")
    assert private["path"] in listing


def test_update_overlay_changes_one_article_and_adds_one() -> None:
    updates = json.loads((DEMO / "site_updates" / "manifest.json").read_text("utf-8"))
    changed = {p["update"]: p for p in updates["pages"] if p.get("update")}
    assert set(changed) == {"new", "modified"}
    assert (DEMO / "site_updates" / changed["new"]["file"]).is_file()
    assert not (DEMO / "site" / changed["new"]["file"]).exists()
    old = (DEMO / "site" / changed["modified"]["file"]).read_text("utf-8")
    new = (DEMO / "site_updates" / changed["modified"]["file"]).read_text("utf-8")
    assert "article:modified_time" not in old and "article:modified_time" in new
    assert (
        changed["modified"]["body_paragraphs"][-1] in new
        and changed["modified"]["body_paragraphs"][-1] not in old
    )


def test_server_backlog_holds_a_full_crawl_burst():
    """A crawl opens up to CONCURRENT_REQUESTS connections at once; socketserver's default
    backlog (5) dropped SYNs under load and caused spurious connect timeouts in e2e tests."""
    from scrapy.utils.project import get_project_settings

    from newsbot.demo.server import _Server

    assert _Server.request_queue_size >= get_project_settings().getint("CONCURRENT_REQUESTS")


def test_demo_keeps_its_store_when_the_user_chose_one(monkeypatch) -> None:
    """A per-run store only when nothing says where the seen-store lives (REDIS_URL does)."""
    from scrapy.settings import Settings

    from newsbot.spiders.demo import state_is_explicit

    monkeypatch.delenv("REDIS_URL", raising=False)
    assert not state_is_explicit(Settings({"NEWSBOT_STATE_DIR": ".newsbot-state"}))
    assert state_is_explicit(Settings({"REDIS_URL": "redis://127.0.0.1:6379/0"}))
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:6379/0")
    assert state_is_explicit(Settings())
