"""Content fingerprints and MinHash near-duplicates on real Arabic news text."""

from __future__ import annotations

import itertools
import json
import os
from pathlib import Path

import pytest

from newsbot.fingerprints import DEFAULT_THRESHOLD, NearDupHasher, fingerprint, shingles

# A wire story (Niger/Russia, September 2023; the seed article of the demo site).
STORY = [
    "اجتمع نائب وزير الدفاع الروسي يونس بيك إفكوروف، مع وزيري الدفاع المالي ساجيو كامارا، ووزير دفاع النيجر الجنرال ساليفو مودي في باماكو، بحسب ما قالت وسائل إعلام رسمية في مالي.",
    "فقد أظهرت صور بثها تلفزيون مالي استقبال الرئيس الانتقالي العقيد آسيمي غويتا، المسؤول الروسي رفيع المستوى بحضور الوزيرين المالي والنيجري.",
    'وكشفت مصادر في مالي أن الاجتماع الذي عقد بالتزامن مع تصاعد التوتر بين فرنسا والنيجر "بحث التعاون العسكري بين مالي وروسيا وكذلك تعاون نيجري روسي محتمل".',
    "وشددت المصادر على أن زيارة الوفد الروسي الذي يقوده نائب وزير الدفاع الروسي تعكس أهمية الحضور الدبلوماسي والعسكري الروسي في منطقة الساحل لدى موسكو، وحرصها على تكثيف التعاون مع المجالس العسكرية التي استولت على السلطة في غرب إفريقيا.",
    "وتوسيعه ليشمل بعد مالي وبوركينا فاسو جمهورية النيجر الغنية بالموارد الطبيعية والممتدة في مجال جغرافي واسع وحيوي جعل موقعها استراتيجيا بين دول الضفة الجنوبية للمتوسط وبلدان الساحل وكذلك نيجيريا أكبر اقتصاد في القارة الإفريقية.",
    "في غضون ذلك، يتفاقم التوتر في محيط السفارة الفرنسية والقواعد العسكرية الفرنسية في النيجر، وقال شبان ينتمون لمنظمة شعبية معادية لفرنسا إن أي مركبة ستأتي تحمل إمدادات من الآن فصاعدا سيتم حرقها.",
    "إلى ذلك شارك المئات من سكان العاصمة نيامى، مساء الجمعة، في مظاهرة أمام القاعدة العسكرية الفرنسية للمطالبة برحيل القوات الفرنسية من البلاد.",
    "وقالت منظمتان مناهضتان للوجود العسكري الفرنسي في النيجر، إن المظاهرات والمهرجانات الشعبية ستتواصل حتى مغادرة آخر جندي فرنسي.",
]
TITLE = "وسط التوتر مع فرنسا.. تعاون عسكري بين النيجر وروسيا"
BODY = "\n\n".join(STORY)

# The same text as another portal prints it: no hamza, ه for ة, ي for ى, harakat, tatweel.
SPELLING = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ة": "ه", "ى": "ي"})
BODY_SPELLING = BODY.translate(SPELLING).replace("الروسي", "الرُّوسِيّ").replace("النيجر", "النيـــجر")
# ... with its own boilerplate around it.
BODY_SPELLING_BOILERPLATE = (
    "نيامي - وكالات\n\n" + BODY_SPELLING + "\n\nتابعوا آخر الأخبار عبر تطبيق نبض\n\nاقرأ أيضاً"
)
# An agency copy rewritten by an editor: new lead paragraph, one paragraph cut, one added.
BODY_AGENCY = "\n\n".join(
    [
        "نيامي - (أ ف ب): التقى نائب وزير الدفاع الروسي يونس بيك إفكوروف وزيري الدفاع في مالي والنيجر في العاصمة المالية باماكو.",
        *STORY[1:4],
        *STORY[5:],
        "وكانت فرنسا قد أعلنت في وقت سابق أنها ستسحب سفيرها من نيامي.",
    ]
)
UNRELATED = [
    "شهد الدكتور محمد عبد العاطي وزير الموارد المائية والري مراسم توقيع عقد دراسة تحديد السحب الآمن للخزانات الجوفية مع جامعة القاهرة، وتهدف الدراسة إلى تحديد الإمكانات والسحب الآمن المستدام للخزانات الجوفية بجمهورية مصر العربية.",
    "أعلنت وزارة الصحة عن بدء حملة التطعيم ضد شلل الأطفال في جميع المحافظات اعتبارا من يوم الأحد المقبل، وتستهدف الحملة أكثر من ستة عشر مليون طفل دون سن الخامسة، وتستمر أربعة أيام.",
    "ارتفعت أسعار الذهب في الأسواق المحلية خلال تعاملات اليوم، وسجل سعر الجرام عيار واحد وعشرين ألفين وثلاثمائة جنيه، وسط توقعات باستمرار الصعود مع تراجع الدولار في الأسواق العالمية.",
]


def test_fingerprint_ignores_spelling_variants() -> None:
    assert fingerprint(TITLE, BODY) == fingerprint(TITLE.translate(SPELLING), BODY_SPELLING)


@pytest.mark.parametrize(
    ("title", "body"),
    [
        (TITLE, BODY_SPELLING_BOILERPLATE),
        (TITLE, BODY_AGENCY),
        ("تعاون عسكري بين النيجر وروسيا", BODY),
        (TITLE, UNRELATED[0]),
    ],
)
def test_fingerprint_changes_with_content(title: str, body: str) -> None:
    assert fingerprint(title, body) != fingerprint(TITLE, BODY)


def test_fingerprint_of_nothing_is_none() -> None:
    assert fingerprint(None, "") is None
    assert fingerprint("  ", None) is None


def test_shingles_are_word_trigrams_of_the_match_key() -> None:
    grams = shingles("أَعلنت وزارة الصحة عن بدء حملة")
    assert "اعلنت وزاره الصحه".encode() in grams
    assert len(grams) == 4
    assert shingles("كلمتان فقط") == {"كلمتان فقط".encode()}
    assert shingles("") == set()


HASHER = NearDupHasher()


def _score(a: str, b: str) -> float:
    sa, sb = HASHER.signature(a), HASHER.signature(b)
    assert sa is not None and sb is not None
    return HASHER.similarity(sa.sketch, sb.sketch)


@pytest.mark.parametrize(
    ("variant", "at_least"),
    [
        (BODY_SPELLING, 0.95),
        (BODY_SPELLING_BOILERPLATE, 0.85),
        (BODY_AGENCY, 0.55),
    ],
)
def test_near_duplicates_score_above_the_default_threshold(variant: str, at_least: float) -> None:
    score = _score(BODY, variant)
    assert score >= at_least >= DEFAULT_THRESHOLD
    # and they share at least one LSH band, so the store finds them
    sa, sb = HASHER.signature(BODY), HASHER.signature(variant)
    assert sa is not None and sb is not None
    assert set(sa.bands) & set(sb.bands)


@pytest.mark.parametrize("other", UNRELATED)
def test_unrelated_stories_score_far_below_the_threshold(other: str) -> None:
    assert _score(BODY, other) < 0.1


def test_signature_shape_and_determinism() -> None:
    sig = HASHER.signature(BODY)
    again = NearDupHasher().signature(BODY)
    assert sig is not None and again is not None
    assert len(sig.sketch) == HASHER.num_perm
    assert len(sig.bands) == HASHER.b
    assert HASHER.b * HASHER.r <= HASHER.num_perm
    assert sig.bands == again.bands and sig.sketch == again.sketch
    assert all(-(2**63) <= b < 2**63 for b in sig.bands)  # SQLite INTEGER
    assert HASHER.signature("") is None


def test_other_parameters_never_share_band_keys() -> None:
    other = NearDupHasher(threshold=0.8)
    a, b = HASHER.signature(BODY), other.signature(BODY)
    assert a is not None and b is not None
    assert not set(a.bands) & set(b.bands)


def test_threshold_must_be_a_fraction() -> None:
    with pytest.raises(ValueError):
        NearDupHasher(threshold=1.5)


def _realworld_bodies() -> dict[str, str]:
    root = Path(
        os.environ.get("NEWSBOT_REALWORLD_DIR")
        or Path(__file__).resolve().parents[3] / "shared" / "realworld"
    )
    if not (root / "expected").is_dir():
        pytest.skip(f"realworld pages not found in {root} (set NEWSBOT_REALWORLD_DIR)")
    out = {}
    for path in sorted((root / "expected").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        text = " ".join(
            [data.get("body_starts_with") or "", *(data.get("body_contains") or [])]
        ).strip()
        if len(text.split()) > 20:
            out[data["id"]] = text
    return out


def test_no_false_near_duplicates_among_real_pages() -> None:
    """Fifteen real articles from thirteen sites: no pair is a near duplicate."""
    bodies = _realworld_bodies()
    sigs = {k: HASHER.signature(v) for k, v in bodies.items()}
    for a, b in itertools.combinations(sigs, 2):
        sa, sb = sigs[a], sigs[b]
        assert sa is not None and sb is not None
        assert not HASHER.is_near(sa.sketch, sb.sketch), (a, b)


@pytest.mark.parametrize("threshold", [0.3, 0.5, 0.8])
def test_minhash_and_bands_are_datasketchs(threshold: float) -> None:
    """The numpy MinHash and LSH parameters equal datasketch's: band keys stored by earlier
    crawls (computed with datasketch) still match."""
    from datasketch import MinHash, MinHashLSH

    hasher = NearDupHasher(threshold=threshold)
    grams = shingles(BODY)
    reference = MinHash(num_perm=hasher.num_perm, seed=hasher.seed)
    reference.update_batch(list(grams))
    assert reference.hashvalues.tolist() == hasher.minhash(grams).tolist()
    lsh = MinHashLSH(threshold, hasher.num_perm, weights=(0.2, 0.8))
    assert (hasher.b, hasher.r) == (lsh.b, lsh.r)


def test_signatures_of_real_pages_are_datasketchs() -> None:
    """On every real article body (thirteen sites): the word 3-grams are the plain sliding
    window over the match key, and the MinHash values datasketch's (stored keys stay valid)."""
    from datasketch import MinHash

    from newsbot.text.arabic import match_key

    bodies = _realworld_bodies()
    assert len(bodies) >= 10
    for name, body in bodies.items():
        words = match_key(body).split()
        window = {" ".join(words[i : i + 3]).encode() for i in range(len(words) - 2)}
        assert shingles(body) == window, name
        reference = MinHash(num_perm=HASHER.num_perm, seed=HASHER.seed)
        reference.update_batch(list(window))
        sig = HASHER.signature(body)
        assert sig is not None
        assert sig.hashvalues.tolist() == reference.hashvalues.tolist(), name
