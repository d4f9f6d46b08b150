"""The speed-ups of the extractors find what the plain scans find (invented sentences)."""
from __future__ import annotations

import itertools
import random
import re

from pipeline.extract.actor_bodies import _COMPANY_FORMS, _COMPANY_RE, _SUBNATIONAL_RE, _SUBNATIONAL_WORDS
from pipeline.extract.agreement_lexicon import _norm
from pipeline.extract.agreement_patterns import (
    _CALLED,
    _PARTNERS,
    _PRST,
    _SIGNED_LOWER,
    _TWO_PLUS_TWO,
    _UNSC,
    _scan,
)
from pipeline.extract.commitment_lexicon import _WORD, load
from pipeline.extract.nlp import doc_text, make_doc
from pipeline.extract.regions import PhraseIndex, words


def _plain_finditer(lex, text, start, end):
    """The trigger scan with the one big pattern (what ``Lexicon.finditer`` speeds up)."""
    last = start
    for w in _WORD.finditer(text, start, end):
        if w.start() < last or w.group(0).lower() not in lex.first_words:
            continue
        m = lex.regex.match(text, w.start(), end)
        if m:
            last = m.end()
            yield m


def _sig(lex, ms):
    return [(m.span(), m.lastgroup, m.group(lex.trigger_group[m.lastgroup])) for m in ms]


def test_trigger_lexicon_by_initial_finds_what_the_whole_pattern_finds():
    lex = load()
    sentences = [
        "We will continue to work together and we reaffirm our commitment to the Harbour Accord.",
        "The two sides AGREED TO ESTABLISH a working group; they'll meet again and won't delay.",
        "Norvia welcomes the talks, strongly supports the plan and is committed to further steps.",
        "\u017fupport and \u212aeep: odd letters that match case-insensitively.",
    ]
    for text in sentences:
        assert _sig(lex, lex.finditer(text, 0, len(text))) == _sig(lex, _plain_finditer(lex, text, 0, len(text)))
    rnd = random.Random(7)
    vocab = sorted(lex.first_words) + ["to", "the", "we", "and", "co-host", "don't", "\u0130ncrease", "\u0131s"]
    for _ in range(3000):
        ws = [rnd.choice(vocab) for _ in range(rnd.randint(1, 7))]
        ws = [w.upper() if rnd.random() < 0.1 else w.capitalize() if rnd.random() < 0.2 else w for w in ws]
        text = "".join(w + rnd.choice([" ", "  ", "\n", "-", "'", ", "]) for w in ws)
        assert _sig(lex, lex.finditer(text, 0, len(text))) == _sig(lex, _plain_finditer(lex, text, 0, len(text)))


def test_norm_is_memoised_and_unchanged():
    assert _norm("The  Harbour\u2013Ridge Accord\u2019s Plan!") == "harbour-ridge accord's plan"
    assert _norm("The  Harbour\u2013Ridge Accord\u2019s Plan!") == "harbour-ridge accord's plan"


def test_prefilter_hints_are_in_every_match():
    texts = [
        "They signed a memorandum of understanding on customs data exchange with Norvia.",
        "a new framework called Blue Harbour Compact",
        "UN Security Council Resolution 2254 and UNSCR 1540",
        "the Statement by the President of the Security Council (S/PRST/2021/4)",
        "Partners in the Blue Lagoon initiative; the 2+2 dialogue",
        "Lomiko Metals, Inc. and Harbour Mining Co., Ltd. with the Kurdistan Regional Government",
    ]
    pairs = [(_CALLED, ("called", "named", "known as", "entitled", "dubbed")), (_UNSC, ("esolution", "UNSC")),
             (_SIGNED_LOWER, ("sign", "conclud", "ink", "enter")), (_PRST, ("Security",)),
             (_PARTNERS, ("Partners",)), (_TWO_PLUS_TWO, ("+",)),
             (_COMPANY_RE, _COMPANY_FORMS), (_SUBNATIONAL_RE, _SUBNATIONAL_WORDS)]
    for rx, hints in pairs:
        found = [m.group() for t in texts for m in rx.finditer(t)]
        assert found, rx.pattern
        assert all(any(h in f for h in hints) for f in found), rx.pattern
        assert [m.group() for t in texts for m in _scan(rx, t, hints)] == found
    assert list(_scan(_TWO_PLUS_TWO, "no plus sign here", ("+",))) == []


def test_words_keep_dash_and_space_fixes():
    ws = words("the Indo- Pacific and the Mekong\u2013U.S. partnership")
    assert [w for w, _, _ in ws] == ["the", "Indo-Pacific", "and", "the", "Mekong-U.S.", "partnership"]
    text = "the Indo- Pacific"
    assert all(text[s:e].replace(" ", "") == w for w, s, e in ws[:2])


def test_phrase_index_matches_left_to_right_longest_first():
    idx = PhraseIndex()
    idx.add("South China Sea", "scs")
    idx.add("China", "chn")
    idx.add("Sea of Japan", "soj")
    ws = words("the South China Sea and China and the Sea of Japan, China Sea")
    got = [(i, j, v) for i, j, v in idx.matches(ws)]
    assert [v for _, _, v in got] == ["scs", "chn", "soj", "chn"]
    assert all(j > i for i, j, _ in got) and all(a[1] <= b[0] for a, b in itertools.pairwise(got))


def test_make_doc_caches_the_text():
    text = "We met in Harbourtown on 3 May.\n\nThey agreed\u2014again\u2014to talk."
    doc = make_doc(text)
    assert doc_text(doc) == text == doc.text
    assert re.sub(r"\s+", " ", doc_text(doc)) == re.sub(r"\s+", " ", doc.text)
