"""Sentence splitter: abbreviations, initials, numbered items, decimals, quotes, paragraphs."""
from pipeline.extract.sentences import split_sentences


def texts(t):
    return [t[s.start:s.end] for s in split_sentences(t)]


def test_basic_split_and_grounding():
    t = "We met today. They agreed!  Is it done? Yes."
    ss = split_sentences(t)
    assert texts(t) == ["We met today.", "They agreed!", "Is it done?", "Yes."]
    for s in ss:
        assert t[s.start:s.end] == t[s.start:s.end].strip() and s.end > s.start


def test_abbreviations_are_not_boundaries():
    t = ("The U.S. Government and the U.K. delegation met Dr. Ana Pérez, Mr. Lee and Lt. Gen. Ross at St. Paul "
         "with Acme Inc. officials, e.g. on trade, i.e. tariffs. Order No. 7 applies.")
    assert texts(t) == [
        "The U.S. Government and the U.K. delegation met Dr. Ana Pérez, Mr. Lee and Lt. Gen. Ross at St. Paul "
        "with Acme Inc. officials, e.g. on trade, i.e. tariffs.",
        "Order No. 7 applies.",
    ]


def test_abbreviation_at_sentence_end_before_opener():
    t = "Ministers travelled to the U.S. The talks went well. They met in Canada-U.S. Energy talks too."
    assert texts(t) == ["Ministers travelled to the U.S.", "The talks went well.",
                        "They met in Canada-U.S. Energy talks too."]


def test_initials_and_jr():
    t = "President Joseph R. Biden Jr. met Prime Minister Kim. Both spoke."
    assert texts(t) == ["President Joseph R. Biden Jr. met Prime Minister Kim.", "Both spoke."]


def test_decimals_and_numbered_items():
    t = "Growth reached 2.5 percent in 2024.\n\n1. We reaffirm our ties. We welcome this.\n\n(1) Trade and Investment;\n\n(2) Energy Security."
    assert texts(t) == ["Growth reached 2.5 percent in 2024.", "1. We reaffirm our ties.", "We welcome this.",
                        "(1) Trade and Investment;", "(2) Energy Security."]


def test_quotes_stay_with_their_sentence():
    t = 'They called it "historic." The Ministers agreed. He said, "We will act." Then they left.'
    assert texts(t) == ['They called it "historic."', "The Ministers agreed.", 'He said, "We will act."',
                        "Then they left."]


def test_paragraph_index_and_linear_cover():
    t = "First paragraph. Still first.\n\nSecond paragraph.\n\n\nThird one\nwith a line break."
    ss = split_sentences(t)
    assert [s.paragraph_index for s in ss] == [0, 0, 1, 2, 2]
    assert all(a.end <= b.start for a, b in zip(ss, ss[1:]))
    assert all(t[s.start:s.end].strip() for s in ss)


def test_empty_and_blank_text():
    assert split_sentences("") == []
    assert split_sentences("  \n\n  ") == []
