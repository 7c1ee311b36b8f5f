"""ArticleLoader: the one place where per-field input/output rules of an ``Article`` live.

Values are added layer by layer (JSON-LD, metadata, portal selectors, generic fallbacks); the
output processors keep the first usable one (``TakeFirst``) or merge lists. The loader context
carries ``portal``, ``locale``, ``timezone`` and ``stats``; a processor error is re-raised by
itemloaders naming the field and value.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from typing import Any, ClassVar

from itemadapter import ItemAdapter
from itemloaders.common import wrap_loader_context
from itemloaders.processors import Identity, MapCompose, TakeFirst
from itemloaders.utils import arg_to_iter
from scrapy.loader import ItemLoader
from w3lib.url import safe_url_string

from newsbot.items import Article
from newsbot.text.arabic import clean_text, strip_title_suffix

_ENTITY = re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{2,6}|#x[0-9a-fA-F]{2,5});")


def _unescape(text: str) -> str:
    """Decode entities left in the text by sites that escape twice (``&amp;nbsp;``)."""
    return html.unescape(text) if _ENTITY.search(text) else text


def _clean(value: Any) -> str | None:
    if value is None:
        return None
    text = clean_text(_unescape(str(value)))
    return text or None


def _clean_body(value: Any) -> str | None:
    if not value:
        return None
    text = clean_text(_unescape(str(value)), keep_paragraphs=True)
    return text or None


def _title(value: Any, loader_context: dict[str, Any]) -> str | None:
    text = _clean(value)
    if not text:
        return None
    names = [n for n in loader_context.get("site_names", ()) if n]
    stripped = strip_title_suffix(text, names)
    return stripped or text


def _url(value: Any) -> str | None:
    """An absolute http(s) URL, percent-encoded only where it is not ASCII (host case kept)."""
    text = _clean(value)
    if not text or not text.startswith(("http://", "https://")):
        return None
    return text if text.isascii() and " " not in text else safe_url_string(text)


def _name(value: Any) -> str | None:
    text = _clean(value)
    if not text or len(text) > 80 or text.startswith("http"):
        return None
    return text


def _tag(value: Any) -> str | None:
    text = _clean(value)
    if not text or len(text) > 200 or text.startswith("http"):
        return None
    return text


class UniqueList:
    """Output processor: every non-empty value once, in first-seen order (Arabic text cleaned)."""

    def __call__(self, values: Iterable[Any]) -> list[Any]:
        seen: set[str] = set()
        out = []
        for v in values:
            if v in (None, "", [], {}):
                continue
            key = repr(v) if not isinstance(v, str) else v
            if key not in seen:
                seen.add(key)
                out.append(v)
        return out


class FirstNonEmptyList:
    """Output processor for list fields filled layer by layer: the first layer's list wins.

    Each ``add_value`` of a whole list is wrapped as one value (a tuple), so the layers stay apart.
    """

    def __call__(self, values: Iterable[Any]) -> list[Any]:
        for v in values:
            if isinstance(v, tuple) and v:
                return UniqueList()(v)
        return []


def _layer(value: Any) -> Any:
    """Input processor that keeps a whole list as one layer (a tuple)."""
    if isinstance(value, (list, tuple)):
        items = tuple(x for x in value if x not in (None, "", [], {}))
        return items or None
    return value


_UNSET = object()


def _fast_processor(proc: Any) -> Any:
    """``Identity`` for an ``Identity()`` input processor; for ``MapCompose(f)`` (one function,
    no default context) a ``(value, context) -> f's result`` callable; else None (slow path)."""
    if type(proc) is Identity:
        return Identity
    if type(proc) is not MapCompose or len(proc.functions) != 1 or proc.default_loader_context:
        return None
    func = proc.functions[0]
    if wrap_loader_context(func, {}) is func:  # f takes no loader_context
        return lambda v, _ctx: func(v)
    return lambda v, ctx: func(v, loader_context=ctx or {})


class ArticleLoader(ItemLoader):
    """Loader for :class:`newsbot.items.Article` (see module docstring)."""

    default_item_class = Article
    default_input_processor = MapCompose(_clean)
    default_output_processor = TakeFirst()
    _field_meta: ClassVar[dict[tuple[type, str], Any]] = {}
    _fast_in: ClassVar[dict[tuple[type, str], Any]] = {}
    _out: ClassVar[dict[tuple[type, str], Any]] = {}

    title_in = MapCompose(_title)
    description_in = MapCompose(_clean)
    body_in = MapCompose(_clean_body)
    url_in = MapCompose(_url)
    fetched_url_in = MapCompose(_url)
    lead_image_in = MapCompose(_url)
    site_name_in = MapCompose(_name)
    section_in = MapCompose(_name)
    dateline_in = MapCompose(_name)
    credited_source_in = MapCompose(_name)
    published_in = Identity()
    modified_in = Identity()
    is_free_in = Identity()
    word_count_in = Identity()
    depth_in = Identity()
    version_in = Identity()

    authors_in = Identity()
    authors_out = FirstNonEmptyList()
    agencies_in = Identity()
    agencies_out = FirstNonEmptyList()
    tags_in = Identity()
    tags_out = FirstNonEmptyList()
    images_in = Identity()
    images_out = FirstNonEmptyList()
    related_in = Identity()
    related_out = FirstNonEmptyList()
    similar_titles_in = Identity()
    similar_titles_out = FirstNonEmptyList()

    def _get_item_field_attr(self, field_name: str, key: Any, default: Any = None) -> Any:
        """Field metadata, read once per item class and field (itemloaders reads it from the
        dataclass again for every added value)."""
        cache_key = (type(self.item), field_name)
        meta = self._field_meta.get(cache_key)
        if meta is None:
            meta = self._field_meta[cache_key] = ItemAdapter(self.item).get_field_meta(field_name)
        return meta.get(key, default)

    def add_value(
        self,
        field_name: str | None,
        value: Any,
        *processors: Any,
        re: Any = None,
        **kw: Any,
    ) -> ArticleLoader:
        """itemloaders' ``add_value``; a plain call (a field name, no processors, no ``re``)
        skips its ``get_value`` step, which then returns the value unchanged."""
        if processors or re is not None or kw or not field_name:
            return super().add_value(field_name, value, *processors, re=re, **kw)
        if value is not None:
            self._add_value(field_name, value)
        return self

    def _add_value(self, field_name: str, value: Any) -> None:
        """itemloaders' ``_add_value`` (same collected values), one dict look-up."""
        processed = self._process_input_value(field_name, arg_to_iter(value))
        if processed:
            values = self._values
            got = values.get(field_name)
            if got is None:
                got = values[field_name] = []
            got += arg_to_iter(processed)

    def _output_processor(self, field_name: str) -> Any:
        key = (type(self), field_name)
        proc = self._out.get(key)
        if proc is None:
            proc = self._out[key] = self.get_output_processor(field_name)
        return proc

    def get_output_value(self, field_name: str) -> Any:
        """itemloaders' ``get_output_value``, the field's output processor looked up once per
        loader class and field (same value, same error)."""
        proc = wrap_loader_context(self._output_processor(field_name), self.context)
        value = self._values.get(field_name, [])
        try:
            return proc(value)
        except Exception as e:
            raise ValueError(
                f"Error with output processor: field={field_name!r} "
                f"value={value!r} error='{type(e).__name__}: {e!s}'"
            ) from e

    def _process_input_value(self, field_name: str, value: Any) -> Any:
        """itemloaders' input step, without rebuilding the processor wrappers for every value
        when the field's input processor is ``Identity()`` or ``MapCompose(f)`` (same values out).
        Other processors, and any processor error, go through itemloaders (which re-raises
        naming the field and the value)."""
        key = (type(self), field_name)
        fast = self._fast_in.get(key, _UNSET)
        if fast is _UNSET:
            fast = self._fast_in[key] = _fast_processor(self.get_input_processor(field_name))
        if fast is None:
            return super()._process_input_value(field_name, value)
        if fast is Identity:
            return value
        try:
            out: list[Any] = []
            for v in arg_to_iter(value):
                out += arg_to_iter(fast(v, self.context))
            return out
        except Exception:
            return super()._process_input_value(field_name, value)

    def decided(self, field_name: str) -> bool:
        """True when nothing added to ``field_name`` from now on can change its output: a
        ``TakeFirst`` field already holding a usable value, a layered list field already holding
        a non-empty layer. A caller may then skip computing a fallback value (same item). False
        for any other output processor."""
        if not isinstance(self._output_processor(field_name), (TakeFirst, FirstNonEmptyList)):
            return False
        value = self.get_output_value(field_name)
        return value is not None and value != []

    def add_layer(self, field_name: str, values: Iterable[Any] | None) -> None:
        """Add a whole list as one layer of a list field (see :class:`FirstNonEmptyList`)."""
        items = _layer(list(values or []))
        if items:
            cleaned = tuple(
                _tag(v)
                if field_name == "tags"
                else _name(v)
                if field_name in ("authors", "agencies")
                else v
                for v in items
            )
            cleaned = tuple(v for v in cleaned if v)
            if cleaned:
                self.add_value(field_name, [cleaned])
