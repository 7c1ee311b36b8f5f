"""Country -> (date locale hint, IANA zone) for Arab League states and common hosts of Arabic news.

``region_for_host`` guesses the pair from a site's country-code TLD (``.eg``, ``.com.eg``,
``.tn``, the Arabic IDN TLDs such as ``.مصر``) for sites that have no portal definition.
Locale hints use ``ar-XX``; Arabic services based outside the Arab world get plain ``ar``.
"""

from __future__ import annotations

# fmt: off
# ISO 3166-1 alpha-2 (lower case) -> (locale hint, IANA zone)
REGIONS: dict[str, tuple[str, str]] = {
    # Arab League
    "dz": ("ar-DZ", "Africa/Algiers"), "bh": ("ar-BH", "Asia/Bahrain"),
    "km": ("ar-KM", "Indian/Comoro"), "dj": ("ar-DJ", "Africa/Djibouti"),
    "eg": ("ar-EG", "Africa/Cairo"), "iq": ("ar-IQ", "Asia/Baghdad"),
    "jo": ("ar-JO", "Asia/Amman"), "kw": ("ar-KW", "Asia/Kuwait"),
    "lb": ("ar-LB", "Asia/Beirut"), "ly": ("ar-LY", "Africa/Tripoli"),
    "mr": ("ar-MR", "Africa/Nouakchott"), "ma": ("ar-MA", "Africa/Casablanca"),
    "om": ("ar-OM", "Asia/Muscat"), "ps": ("ar-PS", "Asia/Hebron"),
    "qa": ("ar-QA", "Asia/Qatar"), "sa": ("ar-SA", "Asia/Riyadh"),
    "so": ("ar-SO", "Africa/Mogadishu"), "sd": ("ar-SD", "Africa/Khartoum"),
    "sy": ("ar-SY", "Asia/Damascus"), "tn": ("ar-TN", "Africa/Tunis"),
    "ae": ("ar-AE", "Asia/Dubai"), "ye": ("ar-YE", "Asia/Aden"),
    # Arabic-speaking neighbours and Arabic services abroad
    "eh": ("ar-EH", "Africa/El_Aaiun"), "td": ("ar-TD", "Africa/Ndjamena"),
    "er": ("ar-ER", "Africa/Asmara"), "ss": ("ar-SS", "Africa/Juba"),
    "il": ("ar-IL", "Asia/Jerusalem"), "tr": ("ar", "Europe/Istanbul"),
    "ir": ("ar", "Asia/Tehran"), "gb": ("ar", "Europe/London"), "uk": ("ar", "Europe/London"),
    "fr": ("ar", "Europe/Paris"), "de": ("ar", "Europe/Berlin"), "ru": ("ar", "Europe/Moscow"),
    "cn": ("ar", "Asia/Shanghai"), "us": ("ar", "America/New_York"),
}

# Arabic-script IDN ccTLDs (as written, after IDNA decoding) -> ISO code
IDN_TLDS: dict[str, str] = {
    "مصر": "eg", "السعودية": "sa", "امارات": "ae", "الاردن": "jo", "فلسطين": "ps",
    "تونس": "tn", "الجزائر": "dz", "المغرب": "ma", "قطر": "qa", "سورية": "sy", "سوريا": "sy",
    "عمان": "om", "السودان": "sd", "عراق": "iq", "البحرين": "bh", "موريتانيا": "mr",
    "اليمن": "ye", "ليبيا": "ly", "لبنان": "lb", "الكويت": "kw",
}
# fmt: on


def region_for(country: str | None) -> tuple[str | None, str | None]:
    """(locale hint, IANA zone) for an ISO country code; (None, None) when unknown."""
    found = REGIONS.get((country or "").strip().lower())
    return found if found else (None, None)


def region_for_host(host: str | None) -> tuple[str | None, str | None]:
    """Guess (locale hint, IANA zone) from a host's ccTLD: "www.youm7.com.eg" -> ar-EG, Cairo.

    Generic TLDs (.com, .net, .info, ...) give (None, None): the caller keeps its defaults.
    """
    if not host:
        return None, None
    host = host.strip().lower().rstrip(".")
    if "://" in host:
        host = host.split("://", 1)[1]
    host = host.split("/", 1)[0].split("@")[-1]
    host = host.rsplit(":", 1)[0] if host.count(":") == 1 else host
    tld = host.rsplit(".", 1)[-1]
    if tld.startswith("xn--"):
        try:
            tld = tld.encode("ascii").decode("idna")
        except UnicodeError:
            return None, None
    if not tld.isascii():
        tld = IDN_TLDS.get(tld, "")
    return region_for(tld)
