"""Tables of real-shaped date strings and bylines, one list per class of input (issue 11).

Each row is a short string in the shape Arab news sites of the named country print it (facts,
not pages). Read by ``tests/unit/test_class_tables.py`` (every row must pass) and by
``benchmarks/score_classes.py`` (per-class pass rates). Dates are read at ``NOW``.

Date rows: ``(text, page zone or None, anchor day or None, expected)`` where expected is
``"YYYY-MM-DD"`` (a day, no time), ``"YYYY-MM-DDTHH:MM+HH:MM"`` (wall time and offset) or
None (no safe answer: never a wrong instant).
Byline rows: ``(text, site name or None, authors, agencies, dateline)``.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

NOW = datetime(2024, 12, 1, 12, 0, tzinfo=UTC)
D = date

DATE_CLASSES: dict[str, list[tuple[str, str | None, date | None, str | None]]] = {
    "zone_abbreviation": [
        (
            "الأحد 10 نوفمبر 2024 - 14:35 IDT",
            "Asia/Jerusalem",
            None,
            "2024-11-10T14:35+03:00",
        ),  # PS
        ("10/11/2024 02:35 PM EET", "Africa/Cairo", None, "2024-11-10T14:35+02:00"),  # EG
        ("الخميس 5 سبتمبر 2024 09:10 EEST", "Asia/Beirut", None, "2024-09-05T09:10+03:00"),  # LB
        ("2024/11/10 06:44 م GST", "Asia/Dubai", None, "2024-11-10T18:44+04:00"),  # AE
        ("10 نوفمبر 2024 - 14:35 MSK", None, None, "2024-11-10T14:35+03:00"),  # RT Arabic
        ("10 novembre 2024 à 14h35 CET", "Africa/Algiers", None, "2024-11-10T14:35+01:00"),  # DZ fr
        ("10 juillet 2024 14:35 CEST", "Africa/Tunis", None, "2024-07-10T14:35+02:00"),  # TN fr
        ("10 نوفمبر 2024 14:35 BST", None, None, "2024-11-10T14:35+01:00"),  # London desks
        ("Nov 10, 2024 14:35 WET", "Africa/Casablanca", None, "2024-11-10T14:35+00:00"),  # MA
        ("الأحد 10 نوفمبر 2024 - 14:35 KSA", None, None, "2024-11-10T14:35+03:00"),  # SA
    ],
    "ambiguous_zone_by_country": [
        ("10 نوفمبر 2024 14:35 AST", "Asia/Riyadh", None, "2024-11-10T14:35+03:00"),  # SA
        ("10 نوفمبر 2024 14:35 AST", "Asia/Kuwait", None, "2024-11-10T14:35+03:00"),  # KW
        ("10 نوفمبر 2024 14:35 AST", "Asia/Baghdad", None, "2024-11-10T14:35+03:00"),  # IQ
        ("10 نوفمبر 2024 14:35 IST", "Asia/Hebron", None, "2024-11-10T14:35+02:00"),  # PS
        ("10 نوفمبر 2024 14:35 IST", "Asia/Gaza", None, "2024-11-10T14:35+02:00"),  # PS
        ("10 نوفمبر 2024 14:35 AST", None, None, None),  # no country: Arabia or Atlantic?
        ("10 نوفمبر 2024 14:35 IST", "Africa/Cairo", None, None),  # Israel or India?
    ],
    "zone_words_and_offsets": [
        ("الأحد 10 نوفمبر 2024 (GMT+0400) 14:35", None, None, "2024-11-10T14:35+04:00"),  # OM
        ("14:35 (GMT+04:00) 10/11/2024", None, None, "2024-11-10T14:35+04:00"),
        ("10 نوفمبر 2024 14:35 GMT+3", "Asia/Baghdad", None, "2024-11-10T14:35+03:00"),  # IQ
        ("10-11-2024 | 14:35 بتوقيت القدس", None, None, "2024-11-10T14:35+02:00"),  # PS
        (
            "10 تشرين الثاني 2024 - 12:35 بتوقيت غرينتش",
            "Asia/Damascus",
            None,
            "2024-11-10T12:35+00:00",
        ),  # SY
        (
            "10 نوفمبر 2024 الساعة 14:35 بتوقيت مكة المكرمة",
            None,
            None,
            "2024-11-10T14:35+03:00",
        ),  # SA
        (
            "الأحد 10 نوفمبر 2024 - 12:35 ت.غ",
            "Asia/Riyadh",
            None,
            "2024-11-10T12:35+00:00",
        ),  # aawsat
        ("10 نوفمبر 2024 | 01:35 م بتوقيت الخرطوم", None, None, "2024-11-10T13:35+02:00"),  # SD
        ("GMT 17:27 10.11.2024", "Asia/Beirut", None, "2024-11-10T17:27+00:00"),  # sputnik
    ],
    "date_then_time": [
        (
            "نشر في 10 نوفمبر 2024 الساعة 2:35 مساءً",
            "Asia/Riyadh",
            None,
            "2024-11-10T14:35+03:00",
        ),  # SA
        (
            "الأحد 10 نوفمبر 2024 | الساعة: 14:35",
            "Africa/Cairo",
            None,
            "2024-11-10T14:35+02:00",
        ),  # EG
        (
            "تاريخ النشر: 10/11/2024 - التوقيت: 14:35",
            "Asia/Amman",
            None,
            "2024-11-10T14:35+03:00",
        ),  # JO
        ("الجمعة، 22 جويلية 2022 09:29", "Africa/Tunis", None, "2022-07-22T09:29+01:00"),  # TN
        ("10 نونبر 2024 - 14:35", "Africa/Casablanca", None, "2024-11-10T14:35+01:00"),  # MA
        (
            "تم نشره في الأربعاء 25 شباط / فبراير 2009. 03:00 صباحاً",
            "Asia/Amman",
            None,
            "2009-02-25T03:00+02:00",
        ),  # JO
        ("10 نوفمبر 2024 - آخر تحديث 16:20", "Africa/Cairo", None, "2024-11-10"),  # untied: a day
        ("نشر بتاريخ 10 نوفمبر 2024 | تحديث: 18:05", "Asia/Dubai", None, "2024-11-10"),  # untied
    ],
    "rtl_reordered": [
        ("05 09:40 2022 جويلية", "Africa/Algiers", None, "2022-07-05T09:40+01:00"),  # DZ
        ("10 14:35 2024 نوفمبر", "Africa/Cairo", None, "2024-11-10T14:35+02:00"),  # EG
        ("2024 دجنبر 01 10:15", "Africa/Casablanca", None, "2024-12-01T10:15+01:00"),  # MA
        ("22 2022 جويلية", "Africa/Tunis", None, "2022-07-22"),  # TN
        ("منذ ساعات 3", "Africa/Cairo", None, "2024-12-01T11:00+02:00"),
        ("قبل دقائق 10", "Asia/Riyadh", None, "2024-12-01T14:50+03:00"),
        ("منذ أيام 4", "Asia/Amman", None, "2024-11-27"),
        ("منذ 3 ساعات", "Africa/Cairo", None, "2024-12-01T11:00+02:00"),  # the usual order
    ],
    "time_only": [
        ("آخر تحديث 09:25 GMT", None, D(2024, 12, 1), "2024-12-01T09:25+00:00"),
        ("07:15 مساء", "Africa/Cairo", D(2024, 11, 30), "2024-11-30T19:15+02:00"),
        ("07:15 مساء", "Africa/Cairo", D(2024, 12, 1), None),  # later than now: not that day
        ("07:15 مساء", "Africa/Cairo", None, None),  # no day to tie it to: None
        ("10:05 ص", "Asia/Riyadh", D(2024, 12, 1), "2024-12-01T10:05+03:00"),
        ("الساعة 09:40", "Asia/Baghdad", None, None),
    ],
    "never_silently_wrong": [
        ("10 نوفمبر 2024 14:35 ADT", "Asia/Riyadh", None, None),  # an unknown zone
        ("10 نوفمبر 2024 14:35 XYZT", None, None, None),
        ("قبل 48 ساعة من الانتخابات", "Africa/Cairo", None, None),  # a sentence
        ("حتى 30 يونيو", "Africa/Cairo", None, None),
        ("الدورة 79 للجمعية العامة", None, None, None),
        ("1445", "Asia/Riyadh", None, None),
    ],
}

BYLINE_CLASSES: dict[str, list[tuple[str, str | None, list[str], list[str], str | None]]] = {
    "outlet_by_shape": [
        ("كشـ24", None, [], ["كشـ24"], None),  # MA
        ("الجزائر 24", None, [], ["الجزائر 24"], None),  # DZ
        ("لبنان 24", None, [], ["لبنان 24"], None),  # LB
        ("Kech24", None, [], ["Kech24"], None),  # MA
        ("صحراء ميديا", None, [], ["صحراء ميديا"], None),  # MR
        ("الحدث TV", None, [], ["الحدث TV"], None),
        ("بغداد اليوم", None, [], ["بغداد اليوم"], None),  # IQ
        ("الإخبارية السورية", None, [], ["الإخبارية السورية"], None),  # SY
        ("سما الإخبارية", None, [], ["سما الإخبارية"], None),  # PS
        ("الصومال الجديد", None, [], ["الصومال الجديد"], None),  # SO
        ("Le Matin", None, [], ["Le Matin"], None),  # MA
        ("Hespress FR", None, [], ["Hespress FR"], None),  # MA
        ("Tunisie Numérique", None, [], ["Tunisie Numérique"], None),  # TN
        ("Agence France-Presse", None, [], ["Agence France-Presse"], None),
        ("المصدر: صحيفة الرأي الكويتية", None, [], ["صحيفة الرأي الكويتية"], None),  # KW
        ("المصدر: الشرق الأوسط", None, [], ["الشرق الأوسط"], None),
    ],
    "house_labels": [
        ("خاص عكاظ", None, [], ["عكاظ"], None),  # SA
        ("خاص - سبق", None, [], ["سبق"], None),  # SA
        ("متابعات صدى البلد", None, [], ["صدى البلد"], None),  # EG
        ("متابعات - الخليج أونلاين", None, [], ["الخليج أونلاين"], None),
        ("متابعات - مدار21", None, [], ["مدار21"], None),  # MA
        ("خاص لـ«عكاظ»", None, [], ["عكاظ"], None),  # SA
        ("خاص بالقدس العربي", None, [], ["القدس العربي"], None),
        ("متابعة: أحمد سمير", None, ["أحمد سمير"], [], None),  # a person after the label
        ("صدى الشعب – سليمان أبو خرمة", None, ["سليمان أبو خرمة"], ["صدى الشعب"], None),  # JO
        ("عنب بلدي – حسن إبراهيم", None, ["حسن إبراهيم"], ["عنب بلدي"], None),  # SY
    ],
    "site_name_context": [
        ("الشروق", "بوابة الشروق", [], ["الشروق"], None),  # EG
        ("شبكة رصد", "شبكة رصد الإخبارية", [], ["شبكة رصد"], None),  # EG
        ("كود", "كود", [], ["كود"], None),  # MA (goud.ma)
        ("النيلين", "موقع النيلين", [], ["النيلين"], None),  # SD
        ("أقلام", "أقلام", [], ["أقلام"], None),  # MR (aqlame)
        ("أحمد ولد محمد", "أقلام", ["أحمد ولد محمد"], [], None),  # MR: a person on that site
    ],
    "dateline_and_outlet_either_order": [
        ("هسبريس - الرباط", None, [], ["هسبريس"], "الرباط"),  # MA
        ("الرباط - هسبريس", None, [], ["هسبريس"], "الرباط"),
        ("العين الإخبارية - أبوظبي", None, [], ["العين الإخبارية"], "أبوظبي"),  # AE
        ("عدن - عدن الغد", None, [], ["عدن الغد"], "عدن"),  # YE
        ("تونس - الصباح نيوز", None, [], ["الصباح نيوز"], "تونس"),  # TN
        ("نواكشوط - الأخبار", None, [], ["الأخبار"], "نواكشوط"),  # MR
        ("مقديشو - الصومال الجديد", None, [], ["الصومال الجديد"], "مقديشو"),  # SO
        ("مسقط - العمانية", None, [], ["العمانية"], "مسقط"),  # OM
        ("المنامة - بنا", None, [], ["بنا"], "المنامة"),  # BH
        ("الخرطوم - سونا", None, [], ["سونا"], "الخرطوم"),  # SD
        ("طرابلس - بوابة الوسط", None, [], ["بوابة الوسط"], "طرابلس"),  # LY
        ("الدوحة - قنا", None, [], ["قنا"], "الدوحة"),  # QA
        ("الكويت - كونا", None, [], ["كونا"], "الكويت"),  # KW
        ("عمان - بترا", None, [], ["بترا"], "عمان"),  # JO
        ("الرياض - واس", None, [], ["واس"], "الرياض"),  # SA
        ("بغداد - واع", None, [], ["واع"], "بغداد"),  # IQ
        ("دمشق - سانا", None, [], ["سانا"], "دمشق"),  # SY
        ("بيروت - الوكالة الوطنية للإعلام", None, [], ["الوكالة الوطنية للإعلام"], "بيروت"),  # LB
        ("رام الله - وفا", None, [], ["وفا"], "رام الله"),  # PS
        ("الجزائر - وأج", None, [], ["وأج"], "الجزائر"),  # DZ
        ("القاهرة - أ ش أ", None, [], ["أ ش أ"], "القاهرة"),  # EG
        ("جيبوتي (وكالات)", None, [], ["وكالات"], "جيبوتي"),  # DJ
    ],
    "city_country_and_several_cities": [
        ("غزة (فلسطين) - رامي خليل", None, ["رامي خليل"], [], "غزة"),
        ("موروني (جزر القمر) - وكالات", None, [], ["وكالات"], "موروني"),  # KM
        ("الدوحة – بنغازي: أحمد الفيتوري", None, ["أحمد الفيتوري"], [], "الدوحة"),
        ("دمشق، سوريا (CNN)", None, [], ["CNN"], "دمشق"),
        ("القاهرة الجديدة - محمد علي", None, ["محمد علي"], [], "القاهرة الجديدة"),  # EG
        ("دبي الإمارات - وام", None, [], ["وام"], "دبي"),  # AE
        ("الرياض السعودية", None, [], [], "الرياض"),
    ],
    "markup_verbs_separators": [
        ('<a href="/author/12">أحمد سمير</a>', None, ["أحمد سمير"], [], None),
        (
            '<a href="/writer/7">سارة علي</a> و<a href="/writer/8">منى حسن</a>',
            None,
            ["سارة علي", "منى حسن"],
            [],
            None,
        ),
        ("يكتب: محمد عبد الرحمن", None, ["محمد عبد الرحمن"], [], None),
        ("محمد عبد الرحمن يكتب:", None, ["محمد عبد الرحمن"], [], None),
        ("سارة علي تكتب: عن الحرب والسلام", None, ["سارة علي"], [], None),
        (
            "حاتم زكريا يكتب: التصويت لفلسطين وتغيير النظام الدولي",
            None,
            ["حاتم زكريا"],
            [],
            None,
        ),  # EG
        ("هدى أبو هاشم وآية الجعبري", None, ["هدى أبو هاشم", "آية الجعبري"], [], None),
        ("أحمد سمير _ القاهرة", None, ["أحمد سمير"], [], "القاهرة"),
        ("أحمد سمير .. القاهرة", None, ["أحمد سمير"], [], "القاهرة"),
        ("بيروت ـ علي حسن", None, ["علي حسن"], [], "بيروت"),
        ("نواف العتيبي | الكويت", None, ["نواف العتيبي"], [], "الكويت"),
        ("الرياض / فهد الشمري", None, ["فهد الشمري"], [], "الرياض"),
        ("القاهرة – محمود حسن", None, ["محمود حسن"], [], "القاهرة"),
    ],
    "two_names_and_stuck_dates": [
        ("كتب محمد الفيتوري أحمد العتيبي", None, ["محمد الفيتوري", "أحمد العتيبي"], [], None),
        ("كتب سامي الشمري خالد المطيري", None, ["سامي الشمري", "خالد المطيري"], [], None),
        ("كتب محمد السيد أحمد علي", None, ["محمد السيد أحمد علي"], [], None),  # one 4-part name
        ("محمد علي 12 نوفمبر 2024", None, ["محمد علي"], [], None),
        ("بقلم: هدى الزين 2024-11-10", None, ["هدى الزين"], [], None),
        ("كتبت: رنا حسن 10/11/2024 02:35 م", None, ["رنا حسن"], [], None),
    ],
    "persons_never_agencies": [
        ("فاطمة الزهراء المنصوري", None, ["فاطمة الزهراء المنصوري"], [], None),
        ("عبد الله بن سالم", None, ["عبد الله بن سالم"], [], None),
        ("Ahmed Al Mansouri", None, ["Ahmed Al Mansouri"], [], None),
        ("يوسف لخضر", "هسبريس", ["يوسف لخضر"], [], None),
        ("سعيد اليوم", None, [], [], None),  # a given name + اليوم: no outlet (and no guess)
    ],
}
