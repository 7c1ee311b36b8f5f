"""Word lists for :mod:`newsbot.text.dates` (data only, no logic).

Every key is written as it appears on real pages; :mod:`newsbot.text.dates` folds each key with
the same Arabic normalisation it applies to the input (harakat and tatweel dropped, أ/إ/آ → ا,
ى → ي, ة → ه, Persian ی/ک → ي/ك, lower case), so spelling variants that only differ in those
letters need no separate entry. The lexer is generated from these tables at import time.
"""

from __future__ import annotations

# fmt: off
# Gregorian months: Egyptian/Gulf, Levantine/Iraqi, Algerian/Tunisian, Moroccan, Mauritanian,
# Libyan (1978-2011 names), English and French (Maghreb pages) -> month number.
GREGORIAN_MONTHS: dict[str, int] = {
    # Egyptian / Gulf / Sudanese / Yemeni (Mauritanian pages use the same set, mostly ابريل/مايو)
    "يناير": 1, "فبراير": 2, "فبرایر": 2, "فبرير": 2, "مارس": 3, "أبريل": 4, "ابريل": 4,
    "إبريل": 4, "ابرايل": 4, "مايو": 5, "ماي": 5, "مايـو": 5, "يونيو": 6, "يونيه": 6, "يوليو": 7,
    "يوليه": 7, "أغسطس": 8, "اغسطس": 8, "أغسطوس": 8, "سبتمبر": 9, "أكتوبر": 10, "اكتوبر": 10,
    "أكتوبير": 10, "نوفمبر": 11, "نوفمير": 11, "ديسمبر": 12, "دیسمبر": 12,
    # Levantine / Iraqi (Syriac names)
    "كانون الثاني": 1, "كانون ثاني": 1, "كانون 2": 1, "شباط": 2, "آذار": 3, "اذار": 3, "نيسان": 4,
    "أيار": 5, "ايار": 5, "حزيران": 6, "تموز": 7, "آب": 8, "اب": 8, "أيلول": 9, "ايلول": 9,
    "تشرين الأول": 10, "تشرين أول": 10, "تشرين 1": 10, "تشرين الثاني": 11, "تشرين ثاني": 11,
    "تشرين 2": 11, "كانون الأول": 12, "كانون أول": 12, "كانون 1": 12,
    # Algerian / Tunisian (French-derived)
    "جانفي": 1, "جانفيي": 1, "فيفري": 2, "فيفريي": 2, "أفريل": 4, "افريل": 4, "جوان": 6,
    "جويلية": 7, "جويليه": 7, "أوت": 8, "اوت": 8,
    # Moroccan
    "يوليوز": 7, "غشت": 8, "شتنبر": 9, "نونبر": 11, "دجنبر": 12, "دجمبر": 12,
    # Mauritanian (Maghreb forms mixed with the Egyptian set: "3 دجمبر 2024", "أغشت")
    "أغشت": 8, "اغشت": 8, "دسمبر": 12,
    # Libyan (Jamahiriya calendar names, used until 2011)
    "أي النار": 1, "آي النار": 1, "النوار": 2, "الربيع": 3, "الطير": 4, "الماء": 5, "الصيف": 6,
    "ناصر": 7, "هانيبال": 8, "هانيبعل": 8, "الفاتح": 9, "التمور": 10, "الحرث": 11, "الكانون": 12,
    # English
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
    # French (Maghreb pages)
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
    "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
    "décembre": 12, "decembre": 12,
}

# Hijri months -> month number (Umm al-Qura conversion in dates.py).
HIJRI_MONTHS: dict[str, int] = {
    "محرم": 1, "المحرم": 1, "صفر": 2, "ربيع الأول": 3, "ربيع أول": 3, "ربيع الاول": 3, "ربيع 1": 3,
    "ربيع الثاني": 4, "ربيع ثاني": 4, "ربيع الآخر": 4, "ربيع الاخر": 4, "ربيع آخر": 4, "ربيع 2": 4,
    "جمادى الأولى": 5, "جمادى الأول": 5, "جمادى أولى": 5, "جمادى الاولى": 5, "جمادى 1": 5,
    "جمادى الآخرة": 6, "جمادى الاخرة": 6, "جمادى الآخر": 6, "جمادى الثانية": 6, "جمادى الأخيرة": 6, "جمادى الثاني": 6,
    "جمادى آخرة": 6, "جمادى 2": 6, "رجب": 7, "شعبان": 8, "رمضان": 9, "شوال": 10, "ذو القعدة": 11,
    "ذي القعدة": 11, "ذو القعده": 11, "ذوالقعدة": 11, "ذي القعده": 11, "ذو الحجة": 12,
    "ذي الحجة": 12, "ذوالحجة": 12,
}

# Hijri era markers written after the year ("1445 هـ", "1445هـ", "١٤٤٥ للهجرة").
HIJRI_MARKERS: tuple[str, ...] = ("هـ", "ه", "هجري", "هجرية", "للهجرة", "هجريا", "ه.")
# Gregorian era markers ("2024 م" is the era, "10:30 م" is p.m.: dates.py decides by position).
GREGORIAN_MARKERS: tuple[str, ...] = ("ميلادي", "ميلادية", "للميلاد", "ميلاديا")

# Time-of-day words -> meridiem kind.
AMPM_WORDS: dict[str, str] = {
    "ص": "am", "صباحا": "am", "صباحاً": "am", "صباحًا": "am", "صباح": "am", "الصبح": "am",
    "ق.ظ": "am", "فجرا": "am", "فجراً": "am", "الفجر": "am", "ضحى": "am", "مساء": "pm",
    "مساءً": "pm", "مساءا": "pm", "مساءاً": "pm", "المساء": "pm", "عصرا": "pm", "عصراً": "pm",
    "العصر": "pm", "ب.ظ": "pm", "ظهرا": "noon", "ظهراً": "noon", "الظهر": "noon", "ليلا": "night",
    "ليلاً": "night", "الليل": "night", "am": "am", "a.m.": "am", "a.m": "am", "pm": "pm",
    "p.m.": "pm", "p.m": "pm", "بعد الظهر": "pm", "بعد الظهيرة": "pm", "قبل الظهر": "am",
}

# "بتوقيت <city/country>" -> IANA zone. Ambiguous names (عمان = Amman or Oman, طرابلس = Tripoli
# in Libya or Lebanon) are left out on purpose.
ZONE_PLACES: dict[str, str] = {
    "مكة المكرمة": "Asia/Riyadh", "مكة": "Asia/Riyadh", "مكه المكرمه": "Asia/Riyadh",
    "الرياض": "Asia/Riyadh", "السعودية": "Asia/Riyadh", "جدة": "Asia/Riyadh",
    "القاهرة": "Africa/Cairo", "مصر": "Africa/Cairo", "بيروت": "Asia/Beirut",
    "لبنان": "Asia/Beirut", "دمشق": "Asia/Damascus", "سوريا": "Asia/Damascus",
    "سورية": "Asia/Damascus", "الأردن": "Asia/Amman", "بغداد": "Asia/Baghdad",
    "العراق": "Asia/Baghdad", "القدس": "Asia/Jerusalem", "فلسطين": "Asia/Hebron",
    "غزة": "Asia/Gaza", "رام الله": "Asia/Hebron", "الإمارات": "Asia/Dubai", "دبي": "Asia/Dubai",
    "أبوظبي": "Asia/Dubai", "أبو ظبي": "Asia/Dubai", "الدوحة": "Asia/Qatar", "قطر": "Asia/Qatar",
    "الكويت": "Asia/Kuwait", "البحرين": "Asia/Bahrain", "المنامة": "Asia/Bahrain",
    "مسقط": "Asia/Muscat", "صنعاء": "Asia/Aden", "اليمن": "Asia/Aden", "عدن": "Asia/Aden",
    "الخرطوم": "Africa/Khartoum", "السودان": "Africa/Khartoum", "الرباط": "Africa/Casablanca",
    "المغرب": "Africa/Casablanca", "الدار البيضاء": "Africa/Casablanca",
    "الجزائر": "Africa/Algiers", "تونس": "Africa/Tunis", "ليبيا": "Africa/Tripoli",
    "نواكشوط": "Africa/Nouakchott", "موريتانيا": "Africa/Nouakchott",
}
# Zone abbreviations printed after a time ("06:44 م GST" on alarabiya.net). Named IANA zones
# where the abbreviation is a place's whole-year name; fixed UTC offsets (hours) where it states
# standard or summer time (IDT is +3 whatever the date).
ZONE_ABBREVIATIONS: dict[str, str] = {"KSA": "Asia/Riyadh", "TRT": "Europe/Istanbul"}
ZONE_ABBREVIATION_OFFSETS: dict[str, float] = {
    "GST": 4, "WET": 0, "WEST": 1, "CET": 1, "CEST": 2, "EET": 2, "EEST": 3, "MSK": 3, "MSD": 4,
    "IDT": 3, "BST": 1, "CAT": 2, "EAT": 3, "WAT": 1, "SAST": 2, "IRST": 3.5, "IRDT": 4.5,
    "AFT": 4.5, "PKT": 5, "JST": 9, "KST": 9, "HKT": 8, "SGT": 8, "AEST": 10, "AEDT": 11,
    "EST": -5, "EDT": -4, "CDT": -5, "MST": -7, "MDT": -6, "PST": -8, "PDT": -7,
}
# Abbreviations naming several zones -> (IANA zone names or "Region/" prefixes of the page's own
# zone, offset). The page's country decides; a page of no listed country gets None, not a guess.
_ARAB_ASIA = (
    "Asia/Riyadh", "Asia/Kuwait", "Asia/Baghdad", "Asia/Qatar", "Asia/Bahrain", "Asia/Aden",
)
AMBIGUOUS_ZONE_ABBREVIATIONS: dict[str, tuple[tuple[tuple[str, ...], float], ...]] = {
    # Arabia Standard Time on Gulf/Iraqi/Yemeni pages, Atlantic Standard Time in the Americas
    "AST": ((_ARAB_ASIA, 3), (("America/", "Atlantic/"), -4)),
    # Israel Standard Time on Palestinian/Israeli pages, India, Irish summer time
    "IST": (
        (("Asia/Jerusalem", "Asia/Hebron", "Asia/Gaza", "Asia/Tel_Aviv"), 2),
        (("Asia/Kolkata", "Asia/Calcutta"), 5.5),
        (("Europe/Dublin",), 1),
    ),
    # US Central vs China
    "CST": ((("America/",), -6), (("Asia/Shanghai", "Asia/Hong_Kong", "Asia/Taipei"), 8)),
}
# Names of Greenwich/UTC (zero offset; an offset may follow: "GMT+3", "غرينتش +2").
UTC_WORDS: tuple[str, ...] = (
    "gmt", "utc", "ت.غ", "ت غ", "غرينتش", "غرينيتش", "جرينتش", "جرينيتش", "غرنتش", "قرينتش",
    "غرينيش", "جرينيش", "التوقيت العالمي", "التوقيت العالمي الموحد",
)

# Relative-date vocabulary.
RELATIVE_MARKERS: tuple[str, ...] = ("منذ", "قبل", "من قبل")  # "منذ 3 ساعات", "قبل 5 دقائق"
AGO_WORDS: tuple[str, ...] = ("ago", "مضت", "مضى", "خلت")  # "3 hours ago", "3 ساعات مضت"
# unit word -> (unit, implied count or None when a number must precede it)
RELATIVE_UNITS: dict[str, tuple[str, int | None]] = {
    "ثانية": ("seconds", 1), "ثانيتين": ("seconds", 2), "ثانيتان": ("seconds", 2),
    "ثوان": ("seconds", None), "ثواني": ("seconds", None), "ثوانٍ": ("seconds", None),
    "دقيقة": ("minutes", 1), "دقيقتين": ("minutes", 2), "دقيقتان": ("minutes", 2),
    "دقائق": ("minutes", None), "دقايق": ("minutes", None), "ساعة": ("hours", 1),
    "ساعتين": ("hours", 2), "ساعتان": ("hours", 2), "ساعات": ("hours", None), "يوم": ("days", 1),
    "يومين": ("days", 2), "يومان": ("days", 2), "أيام": ("days", None), "أسبوع": ("weeks", 1),
    "اسبوع": ("weeks", 1), "أسبوعين": ("weeks", 2), "أسبوعان": ("weeks", 2),
    "أسابيع": ("weeks", None), "شهر": ("months", 1), "شهرين": ("months", 2),
    "شهران": ("months", 2), "أشهر": ("months", None), "شهور": ("months", None),
    "سنة": ("years", 1), "عام": ("years", 1), "سنتين": ("years", 2), "سنتان": ("years", 2),
    "عامين": ("years", 2), "عامان": ("years", 2), "سنوات": ("years", None),
    "سنين": ("years", None), "أعوام": ("years", None), "second": ("seconds", 1),
    "seconds": ("seconds", None), "sec": ("seconds", None), "secs": ("seconds", None),
    "minute": ("minutes", 1), "minutes": ("minutes", None), "min": ("minutes", None),
    "mins": ("minutes", None), "hour": ("hours", 1), "hours": ("hours", None),
    "hr": ("hours", None), "hrs": ("hours", None), "day": ("days", 1), "days": ("days", None),
    "week": ("weeks", 1), "weeks": ("weeks", None), "month": ("months", 1),
    "months": ("months", None), "year": ("years", 1), "years": ("years", None),
}
# Number words used in relative phrases ("منذ ثلاث ساعات", "an hour ago").
NUMBER_WORDS: dict[str, int] = {
    "واحد": 1, "واحدة": 1, "ثلاث": 3, "ثلاثة": 3, "أربع": 4, "أربعة": 4, "خمس": 5, "خمسة": 5,
    "ست": 6, "ستة": 6, "سبع": 7, "سبعة": 7, "ثماني": 8, "ثمان": 8, "ثمانية": 8, "تسع": 9,
    "تسعة": 9, "عشر": 10, "عشرة": 10, "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4,
    "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}
# Fractions of a unit ("منذ نصف ساعة", "منذ ساعة ونصف").
FRACTION_WORDS: dict[str, float] = {"نصف": 0.5, "ربع": 0.25, "half": 0.5}
AND_FRACTION_WORDS: dict[str, float] = {"ونصف": 0.5, "ونص": 0.5, "وربع": 0.25}
AND_WORDS: tuple[str, ...] = ("و", "and")  # "منذ ساعة و 20 دقيقة"
# "just now": the instant itself.
NOW_PHRASES: tuple[str, ...] = (
    "الآن", "الان", "حالا", "حالاً", "منذ لحظات", "منذ لحظة", "قبل لحظات", "قبل لحظة", "منذ قليل",
    "قبل قليل", "منذ دقائق", "قبل دقائق", "منذ بضع دقائق", "قبل بضع دقائق", "منذ ثوان قليلة",
    "منذ ثوان", "منذ ثواني", "قبل ثوان", "just now", "now", "right now",
)
# Day anchors -> offset in days from today.
DAY_WORDS: dict[str, int] = {
    "اليوم": 0, "today": 0, "أمس": -1, "الأمس": -1, "البارحة": -1, "بالأمس": -1, "yesterday": -1,
    "أول أمس": -2, "أول من أمس": -2, "أول أمس الأول": -2, "غدا": 1, "غداً": 1, "tomorrow": 1,
}
# Maghreb/Mauritanian "فاتح ماي 2024" = 1 May 2024.
# Ordinal days ("الثامن يوليو 2024", "الموافق للثامن من يوليو"); "لل" forms are derived.
DAY_WORDS_AS_NUMBERS: dict[str, int] = {
    "فاتح": 1, "الأول": 1, "الثاني": 2, "الثالث": 3, "الرابع": 4, "الخامس": 5, "السادس": 6,
    "السابع": 7, "الثامن": 8, "التاسع": 9, "العاشر": 10, "الحادي عشر": 11, "الثاني عشر": 12,
    "الثالث عشر": 13, "الرابع عشر": 14, "الخامس عشر": 15, "السادس عشر": 16, "السابع عشر": 17,
    "الثامن عشر": 18, "التاسع عشر": 19, "العشرين": 20, "الحادي والعشرين": 21,
    "الواحد والعشرين": 21, "الثاني والعشرين": 22, "الثالث والعشرين": 23, "الرابع والعشرين": 24,
    "الخامس والعشرين": 25, "السادس والعشرين": 26, "السابع والعشرين": 27,
    "الثامن والعشرين": 28, "التاسع والعشرين": 29, "الثلاثين": 30, "الحادي والثلاثين": 31,
    "الواحد والثلاثين": 31,
}
# "الساعة 10 صباحاً": the number after it is an hour.
HOUR_WORDS: tuple[str, ...] = ("الساعة", "at")

# Labels that start the "updated" part of a line: a date before them is the publication date,
# whatever follows is the update ("نشر في: ... | آخر تحديث: ...").
UPDATE_LABELS: tuple[str, ...] = (
    "آخر تحديث", "اخر تحديث", "تحديث", "التحديث", "تم التحديث", "تاريخ التحديث", "محدث",
    "آخر تعديل", "تعديل", "التعديل", "عدلت في", "عدل في", "عدلت", "عدل", "تم التعديل",
    "updated", "update", "last updated", "modified", "last modified", "mis à jour", "mis a jour",
)
# Weekdays, labels and fillers that carry no date information.
WEEKDAYS: tuple[str, ...] = (
    "الأحد", "الإثنين", "الاثنين", "الأثنين", "الثلاثاء", "الثلاثا", "الأربعاء", "الاربعاء",
    "الخميس", "الجمعة", "السبت", "أحد", "إثنين", "ثلاثاء", "أربعاء", "خميس", "جمعة", "سبت",
    "monday", "mon", "tuesday", "tue", "tues", "wednesday", "wed", "thursday", "thu", "thur",
    "thurs", "friday", "fri", "saturday", "sat", "sunday", "sun", "lundi", "mardi", "mercredi",
    "jeudi", "vendredi", "samedi", "dimanche",
)
FILLER_WORDS: tuple[str, ...] = (
    # labels
    "نشر", "نشرت", "نُشر", "ينشر", "منشور", "تم", "نشره", "نشرها", "النشر", "تاريخ", "بتاريخ",
    "التاريخ", "آخر", "اخر", "تحديث", "التحديث", "محدث", "حدث", "تعديل", "التعديل", "عدل",
    "الإضافة", "إضافة", "أضيف", "أضيفت", "الإصدار", "في", "يوم", "الموافق", "الموافق:", "من",
    "نشرت", "نشرت في", "نُشرت", "تم نشره", "تم النشر", "على الساعة",
    "لشهر", "لسنة", "لعام", "العام", "توقيت", "بتوقيت", "التوقيت", "بالتوقيت", "المحلي", "محلي", "حوالي", "حوالى", "نحو", "تقريبا", "about", "around",
    "حسب", "على", "published", "publié", "publie", "le", "updated", "update", "posted", "last",
    "modified", "on", "date", "the", "of", "st", "nd", "rd", "th", "er", "t", "time", "local",
    "mis", "à", "jour",
)
# fmt: on
