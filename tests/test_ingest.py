"""Ingest: raw folder -> Statement objects and rejections (DATA_MODEL.md, "Inputs: raw/")."""
from __future__ import annotations

import datetime as dt
import os
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipeline.ingest import DEFAULT_MAX_BYTES, IngestError, read_raw_dir, read_statement_file

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
SEED = CORPUS / "raw" / "canada-japan-2026-03-06.txt"

BODY = "We, the Prime Ministers of Canada and Japan, meet today.\n\nWe reaffirm our partnership.\n"


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def one(folder: Path):
    result = read_raw_dir(folder)
    assert not result.rejected, result.rejected
    assert len(result.statements) == 1
    return result.statements[0]


def rejected_reason(folder: Path, source_file: str) -> str:
    result = read_raw_dir(folder)
    reasons = {r.source_file: r.reason for r in result.rejected}
    assert source_file in reasons, (result.rejected, [s.source_file for s in result.statements])
    assert source_file not in {s.source_file for s in result.statements}
    return reasons[source_file]


# ------------------------------------------------------------------- plain text

def test_crawl_line_and_dateline_give_metadata_and_are_removed(tmp_path):
    write(tmp_path, "canada-japan.txt",
          " date 2026-03-06 TOKYO, March 6, 2026 /CNW/ - We, the Prime Ministers of Canada and Japan,\n"
          "meet today.\n\nSecond paragraph.\n")
    s = one(tmp_path)
    assert (s.date, s.place, s.source) == (dt.date(2026, 3, 6), "Tokyo", "CNW")
    assert s.text == "We, the Prime Ministers of Canada and Japan, meet today.\n\nSecond paragraph."
    assert s.title is None and s.statement_id == "canada-japan" and s.source_file == "canada-japan.txt"


@pytest.mark.parametrize("opening, date, place, source", [
    ("WASHINGTON, March 6 (Reuters) - ", None, "Washington", "Reuters"),
    ("WASHINGTON — ", None, "Washington", None),
    ("WASHINGTON, D.C., March 6, 2026 — ", dt.date(2026, 3, 6), "Washington, D.C.", None),
    ("KUALA LUMPUR, 26 October 2025 /Bernama/ - ", dt.date(2025, 10, 26), "Kuala Lumpur", "Bernama"),
    ("March 6, 2026\n\n", dt.date(2026, 3, 6), None, None),
    ("March 6, 2026 - ", dt.date(2026, 3, 6), None, None),
])
def test_dateline_patterns(tmp_path, opening, date, place, source):
    write(tmp_path, "s.txt", opening + BODY)
    s = one(tmp_path)
    assert (s.date, s.place, s.source) == (date, place, source)
    assert s.text.startswith("We, the Prime Ministers")


def test_dateline_without_year_takes_the_crawl_year(tmp_path):
    write(tmp_path, "s.txt", "date 2026-03-06\nTOKYO, March 6 (Kyodo) - " + BODY)
    s = one(tmp_path)
    assert (s.date, s.place, s.source) == (dt.date(2026, 3, 6), "Tokyo", "Kyodo")


def test_ordinary_openings_are_not_datelines(tmp_path):
    write(tmp_path, "a.txt", "On March 17, President Biden hosted the Taoiseach.\n")
    write(tmp_path, "b.txt", "Today, March 6, 2026 - we met in Tokyo.\n")
    r = read_raw_dir(tmp_path)
    assert [s.text for s in r.statements] == ["On March 17, President Biden hosted the Taoiseach.",
                                               "Today, March 6, 2026 - we met in Tokyo."]
    # no dateline was taken: the place comes from the meeting sentence ("we met in Tokyo")
    assert [s.place for s in r.statements] == [None, "Tokyo"]


def test_date_from_the_first_sentence_when_nothing_else_gives_one(tmp_path):
    write(tmp_path, "a.txt", "On this historic occasion of March 12, 2021, we met. It was May 1, 2020 before.\n")
    write(tmp_path, "b.txt", "We met. It was May 1, 2020 before.\n")
    a, b = read_raw_dir(tmp_path).statements
    assert a.date == dt.date(2021, 3, 12) and b.date is None


def test_txt_paragraphs_hard_wraps_and_spaces(tmp_path):
    write(tmp_path, "s.txt", "\ufeffFirst line\r\nwrapped   here.\r\n\r\n \t \r\n\u00a0Second\u00a0para\u2011graph.  \r\n")
    assert one(tmp_path).text == "First line wrapped here.\n\nSecond para-graph."


# --------------------------------------------------------------------- markdown

MD = """---
title: "Joint Statement on\\u00a0AUKUS"
date: '2021-09-15'
source_url: https://example.org/aukus
tags: statements-releases
---
\u00a0
As leaders of *Australia*, the **United Kingdom**, and the
United States, we resolve to [deepen](https://x.org/a_b) ties.\u00a0 We
met on\u00a0Monday.

**Combating COVID-19**  
The top priority is \\_ending\\_ the pandemic.

-   The President and the Taoiseach agreed to cooperate in global
    efforts to defeat the pandemic.
-   They committed to working with __COVAX__.

1.  We reaffirm the unwavering commitment to peace and security between
    our two countries.

<!-- -->

2.  We signed the Terms of Reference.

## Heading *two*

In the 21<sup>st</sup> century, ***nations*** cannot redraw borders
by force in February
2023. This stays one paragraph.

\\###
"""


def test_markdown_front_matter_hard_wraps_and_markup(tmp_path):
    write(tmp_path, "aukus.md", MD)
    s = one(tmp_path)
    assert s.title == "Joint Statement on AUKUS"
    assert s.date == dt.date(2021, 9, 15) and s.url == "https://example.org/aukus"
    assert s.text.split("\n\n") == [
        ("As leaders of Australia, the United Kingdom, and the United States, we resolve to deepen ties. "
         "We met on Monday."),
        "Combating COVID-19",
        "The top priority is _ending_ the pandemic.",
        "The President and the Taoiseach agreed to cooperate in global efforts to defeat the pandemic.",
        "They committed to working with COVAX.",
        "1. We reaffirm the unwavering commitment to peace and security between our two countries.",
        "2. We signed the Terms of Reference.",
        "Heading two",
        ("In the 21st century, nations cannot redraw borders by force in February 2023. "
         "This stays one paragraph."),
    ]
    assert "tags" not in s.text and "---" not in s.text and "#" not in s.text


def test_markdown_unterminated_front_matter_is_rejected(tmp_path):
    write(tmp_path, "broken.md", "---\ntitle: Broken\ndate: 2021-01-01\n\nWe met today.\n")
    reason = rejected_reason(tmp_path, "broken.md")
    assert "front matter" in reason and "---" in reason


def test_markdown_invalid_front_matter_yaml_is_rejected(tmp_path):
    write(tmp_path, "bad.md", "---\ntitle: [unclosed\n---\nWe met today.\n")
    assert "front matter is not valid YAML" in rejected_reason(tmp_path, "bad.md")


def test_markdown_with_only_front_matter_holds_no_text(tmp_path):
    write(tmp_path, "only.md", "---\ntitle: Nothing\n---\n\n\u00a0\n\\###\n")
    assert "no text" in rejected_reason(tmp_path, "only.md")


# ------------------------------------------------------------------------- HTML

HTML = """<!doctype html><html lang="en"><head><title>Joint Statement | Example Ministry</title>
<meta name="date" content="2024-05-16"><link rel="canonical" href="https://example.org/js">
<style>p { color: red }</style><script>var secret = "SCRIPT";</script></head>
<body><nav><a href="/">Home NAVTEXT</a></nav><header>HEADERTEXT</header>
<article><h1>U.S.-Canada Joint&nbsp;Statement</h1>
<p>Canada and the United States<br>are pleased &amp; proud.</p><!-- COMMENT -->
<div>A <b>bold</b> move.<div>Nested block.</div></div>
<ol><li>First item</li><li>Second item</li></ol>
<table><tr><td>cell one</td><td>cell two</td></tr></table>
<noscript>NOSCRIPT</noscript><template>TEMPLATE</template><p hidden>HIDDEN</p></article>
<footer>FOOTERTEXT</footer><script>alert("SCRIPT2")</script></body></html>"""


def test_html_scripts_styles_and_nav_are_dropped(tmp_path):
    write(tmp_path, "page.html", HTML)
    s = one(tmp_path)
    for junk in ("SCRIPT", "color", "NAVTEXT", "HEADERTEXT", "FOOTERTEXT", "COMMENT", "NOSCRIPT",
                 "TEMPLATE", "HIDDEN", "<"):
        assert junk not in s.text
    assert s.text.split("\n\n") == ["U.S.-Canada Joint Statement", "Canada and the United States",
                                    "are pleased & proud.", "A bold move.", "Nested block.",
                                    "1. First item", "2. Second item", "cell one cell two"]
    assert s.title == "U.S.-Canada Joint Statement"
    assert (s.date, s.url, s.language) == (dt.date(2024, 5, 16), "https://example.org/js", "en")


def test_html_title_from_title_tag_without_site_suffix(tmp_path):
    write(tmp_path, "p.htm", "<html><head><title>Joint Statement | Ministry</title></head><body><p>Text.</p>")
    assert one(tmp_path).title == "Joint Statement"


# ------------------------------------------------------------------ hostile inputs

def test_empty_and_whitespace_only_files_are_rejected(tmp_path):
    write(tmp_path, "empty.txt", b"")
    write(tmp_path, "blank.md", " \n\t\n\u00a0\n\n")
    r = read_raw_dir(tmp_path)
    assert not r.statements
    assert {x.source_file for x in r.rejected} == {"empty.txt", "blank.md"}
    assert all("no text" in x.reason for x in r.rejected)


def test_random_binary_bytes_are_rejected(tmp_path):
    rng = random.Random(7)
    write(tmp_path, "noise.txt", bytes(rng.randrange(256) for _ in range(4096)))
    write(tmp_path, "nonul.txt", bytes(rng.choice([b for b in range(1, 256)]) for _ in range(4096)))
    r = read_raw_dir(tmp_path)
    assert not r.statements and len(r.rejected) == 2


def test_cp1252_with_curly_quotes_is_decoded_with_a_warning(tmp_path):
    write(tmp_path, "win.txt", "We \u201cwelcome\u201d the Parties\u2019 work \u2013 caf\u00e9.".encode("cp1252"))
    s = one(tmp_path)
    assert s.text == "We \u201cwelcome\u201d the Parties\u2019 work \u2013 caf\u00e9."
    assert any("cp1252" in w for w in s.warnings)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-8-sig"])
def test_utf16_and_utf8_with_bom_are_accepted(tmp_path, encoding):
    text = "Déclaration commune \u2014 \u201cPartners\u201d.\n\nDeuxième paragraphe."
    data = text.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    write(tmp_path, "bom.txt", data)
    s = one(tmp_path)
    assert s.text == text and not s.warnings


def test_utf16_without_bom_is_rejected_as_binary_with_a_hint(tmp_path):
    write(tmp_path, "u16.txt", "We met today.".encode("utf-16-le"))
    assert "byte-order mark" in rejected_reason(tmp_path, "u16.txt")


def test_same_text_under_two_names_keeps_the_first(tmp_path):
    write(tmp_path, "a.txt", BODY)
    write(tmp_path, "b.md", BODY.replace("\n\n", "\n\n\n").upper().lower().replace("we,", "We,"))
    r = read_raw_dir(tmp_path)
    assert [s.source_file for s in r.statements] == ["a.txt"]
    assert r.rejected[0].source_file == "b.md" and "a.txt" in r.rejected[0].reason


def test_same_statement_id_keeps_the_first(tmp_path):
    write(tmp_path, "Canada Japan.txt", BODY)
    write(tmp_path, "canada-japan.md", "Other text.\n")
    r = read_raw_dir(tmp_path)
    assert [s.source_file for s in r.statements] == ["Canada Japan.txt"]
    assert "canada-japan" in r.rejected[0].reason and "Canada Japan.txt" in r.rejected[0].reason


def test_sidecar_with_python_tag_is_rejected_and_nothing_runs(tmp_path):
    marker = tmp_path / "pwned"
    write(tmp_path, "raw/s.txt", BODY)
    write(tmp_path, "raw/s.yaml", f'title: !!python/object/apply:os.system ["touch {marker}"]\n')
    reason = rejected_reason(tmp_path / "raw", "s.txt")
    assert "s.yaml" in reason and "tag" in reason
    assert not marker.exists()


@pytest.mark.parametrize("sidecar", [
    "title: !!str 2021\n", "title: &a T\nplace: *a\n", "date: 2026-02-30\n", "date: '2026-02-30'\n",
    "date: March 2026\n", "parties: CAN\n", "parties: [CAN, 3]\n", "title: [a, b]\n", "partys: [CAN]\n",
    "url: not a url\n", "- a list\n", "title: 'unclosed\n",
])
def test_bad_sidecars_are_rejected_naming_the_sidecar(tmp_path, sidecar):
    write(tmp_path, "s.txt", BODY)
    write(tmp_path, "s.yaml", sidecar)
    assert "sidecar s.yaml" in rejected_reason(tmp_path, "s.txt")


def test_sidecar_overrides_inferred_values(tmp_path):
    write(tmp_path, "s.txt", " date 2026-03-06 TOKYO, March 6, 2026 /CNW/ - " + BODY)
    write(tmp_path, "s.yaml", "title: Joint Statement by Canada and Japan\ndate: 2026-03-07\n"
                              "place: Ottawa\nparties: [CAN, JPN, CAN]\nlanguage: en\nlicense: CC-BY-4.0\n"
                              "url: https://example.org/s\n")
    s = one(tmp_path)
    assert (s.title, s.date, s.place, s.source) == ("Joint Statement by Canada and Japan",
                                                    dt.date(2026, 3, 7), "Ottawa", "CNW")
    assert s.parties == ("CAN", "JPN") and s.language == "en" and s.license == "CC-BY-4.0"
    assert s.url == "https://example.org/s"


def test_file_over_the_size_limit_is_rejected(tmp_path):
    write(tmp_path, "big.txt", "word " * 300)
    r = read_raw_dir(tmp_path, max_bytes=1000)
    assert not r.statements and "--max-bytes" in r.rejected[0].reason and "1,000" in r.rejected[0].reason
    assert read_raw_dir(tmp_path, max_bytes=2000).statements


def test_name_with_spaces_and_accents_folds_to_ascii_id(tmp_path):
    write(tmp_path, "Déclaration de Paris 2025 (finale).txt", BODY)
    s = one(tmp_path)
    assert s.statement_id == "declaration-de-paris-2025-finale"
    assert s.source_file == "Déclaration de Paris 2025 (finale).txt"


def test_unsupported_extension_is_rejected_saying_what_is_supported(tmp_path):
    write(tmp_path, "s.pdf", b"%PDF-1.4")
    reason = rejected_reason(tmp_path, "s.pdf")
    assert ".pdf" in reason and ".txt" in reason and ".html" in reason


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symlinks")
def test_symlink_leading_outside_is_rejected_inside_is_read(tmp_path):
    raw = tmp_path / "raw"
    outside = write(tmp_path, "secret.txt", "Outside text.\n")
    write(raw, "inside.txt", BODY)
    os.symlink(outside, raw / "leak.txt")
    os.symlink(raw / "inside.txt", raw / "alias.txt")
    os.symlink(tmp_path, raw / "up")
    r = read_raw_dir(raw)
    reasons = {x.source_file: x.reason for x in r.rejected}
    assert "outside the raw folder" in reasons["leak.txt"] and "outside" in reasons["up"]
    assert "same text as alias.txt" in reasons["inside.txt"]  # the link comes first by name
    assert [s.source_file for s in r.statements] == ["alias.txt"]
    assert all("Outside text" not in s.text for s in r.statements)


def test_hidden_files_sidecars_and_junk_are_ignored(tmp_path):
    write(tmp_path, "s.txt", BODY)
    write(tmp_path, ".hidden.txt", "Hidden.\n")
    write(tmp_path, ".git/config.txt", "Hidden folder.\n")
    write(tmp_path, "orphan.yaml", "title: no statement\n")
    write(tmp_path, "s.txt~", "backup\n")
    r = read_raw_dir(tmp_path)
    assert [s.source_file for s in r.statements] == ["s.txt"] and not r.rejected


def test_subfolders_are_read_with_relative_posix_paths(tmp_path):
    write(tmp_path, "2021/b.txt", "Bee.\n")
    write(tmp_path, "2021/b.yaml", "place: Paris\n")
    write(tmp_path, "a.txt", "Ay.\n")
    r = read_raw_dir(tmp_path)
    assert [(s.source_file, s.statement_id, s.place) for s in r.statements] == [
        ("2021/b.txt", "b", "Paris"), ("a.txt", "a", None)]


def test_read_statement_file_raises_ingest_error_with_reason(tmp_path):
    path = write(tmp_path, "empty.txt", b"")
    with pytest.raises(IngestError) as info:
        read_statement_file(path, tmp_path)
    assert "no text" in info.value.reason
    s = read_statement_file(write(tmp_path, "ok.txt", BODY), tmp_path, max_bytes=DEFAULT_MAX_BYTES)
    assert s.sha256 == __import__("hashlib").sha256(BODY.encode()).hexdigest()


def test_output_is_deterministic_and_sorted(tmp_path):
    for name in ("c.txt", "a.md", "b.html"):
        write(tmp_path, name, f"Text of {name}.\n")
    first, second = read_raw_dir(tmp_path), read_raw_dir(tmp_path)
    assert first == second
    assert [s.source_file for s in first.statements] == ["a.md", "b.html", "c.txt"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(), ext=st.sampled_from([".txt", ".md", ".html"]))
def test_arbitrary_text_never_raises(tmp_path_factory, text, ext):
    folder = tmp_path_factory.mktemp("raw")
    (folder / f"s{ext}").write_bytes(text.encode("utf-8"))
    result = read_raw_dir(folder)
    assert len(result.statements) + len(result.rejected) == 1
    for s in result.statements:
        assert s.text and s.text == s.text.strip() and "\n\n\n" not in s.text and "\r" not in s.text


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=512))
def test_arbitrary_bytes_never_raise(tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("raw")
    (folder / "s.txt").write_bytes(data)
    (folder / "s.yaml").write_bytes(data[:64])
    result = read_raw_dir(folder)
    assert len(result.statements) + len(result.rejected) == 1


# ------------------------------------------------------------------- real corpus

@pytest.mark.skipif(not SEED.exists(), reason="shared corpus not available")
def test_real_corpus_ingests_without_rejection_and_with_dates():
    statements = []
    for sub in ("raw", "unlabeled"):
        result = read_raw_dir(CORPUS / sub)
        assert not result.rejected, result.rejected
        statements += result.statements
    assert len(statements) == 26
    for s in statements:
        assert s.date is not None, s.source_file
        assert s.text == s.text.strip() and "\n\n\n" not in s.text
        for junk in ("**", "\\#", "###", "<!--", "<sup>", "<u>", "](", "\u00a0", "  ", " \n", "\n "):
            assert junk not in s.text, (s.source_file, junk)
        assert not s.text.startswith("-"), s.source_file
    by_id = {s.statement_id: s for s in statements}
    seed = by_id["canada-japan-2026-03-06"]
    assert (seed.date, seed.place, seed.source) == (dt.date(2026, 3, 6), "Tokyo", "CNW")
    assert seed.text.startswith("We, the Prime Ministers of Canada and Japan")
    assert "\n\n(6) People-to-People, Academic, and Cultural Exchanges.\n\n" in seed.text
    ireland = by_id["us-ireland-2021-03-17-biden-martin"].text
    assert "\n\nCombating COVID-19\n\nThe top priority" in ireland
    gcc = by_id["us-gcc-2022-07-16-jeddah-summit"].text
    assert gcc.startswith("At the invitation of the Custodian")
    kl = by_id["cambodia-thailand-2025-10-26-kuala-lumpur-declaration"].text
    assert "\n\n1. We reaffirm the unwavering commitment to peace and security between our two countries" in kl
    assert "Inflation Reduction Actinto law" in by_id["us-canada-2024-05-16-energy-task-force"].text
    assert by_id["aukus-2021-09-15-leaders-statement"].title == "Joint Leaders Statement on AUKUS"


@pytest.mark.parametrize("opening", [" date 2026-03-06\n\nTOKYO, March 6, 2026 /CNW/ - ",
                                     "date: 2026-03-06\n\nTOKYO, March 6, 2026 /CNW/\n\n"])
def test_crawl_line_and_dateline_in_their_own_paragraphs(tmp_path, opening):
    write(tmp_path, "s.txt", opening + BODY)
    s = one(tmp_path)
    assert (s.date, s.place, s.source) == (dt.date(2026, 3, 6), "Tokyo", "CNW")
    assert s.text == BODY.strip()


@pytest.mark.parametrize(("opening", "place"), [
    ("The two leaders met today in Port Veras, Ostland, to discuss trade.", "Port Veras"),
    ("Ministers gathered virtually and in person in Lindholm on 4 May 2031.", "Lindholm"),
    ("The third meeting of the Council took place in San Aurelio, Velmar, on 2 April.", "San Aurelio"),
    ("The leaders will meet in Lindholm next year.", None),           # a meeting to come
    ("The talks were held in May and will resume in Port Veras.", None),  # a month is no place
    ("Citizens gathered and debated in Ostlandic coffeehouses.", None),   # an adjective, not a name
    ("The hostages held by the group in Northfield must be released.", None),
    ("President Ruiz welcomed Prime Minister Holm to the Blue House today.", "Blue House"),  # a venue
    ("The leaders convened at Camp Verdant to open a new era.", "Camp Verdant"),
    ("The leaders met in Port Veras at the Amber Palace.", "Port Veras"),  # the city before the venue
    ("They welcomed the ruling of the Court of Arbitration.", None),
])
def test_place_from_the_meeting_sentence(opening, place):
    from pipeline.ingest.meta import first_meeting_place

    assert first_meeting_place(opening) == place


def test_only_http_urls_are_published(tmp_path):
    write(tmp_path, "a.md", "---\ntitle: A\nsource_url: \"javascript:alert(1)\"\n---\nCanada and Japan met.\n")
    write(tmp_path, "b.md", "---\ntitle: B\nsource_url: https://example.org/b\n---\nCanada and Japan met again.\n")
    r = read_raw_dir(tmp_path)
    a, b = r.statements
    assert a.url is None and any("not an http(s) URL" in w for w in a.warnings)
    assert b.url == "https://example.org/b" and not b.warnings
    write(tmp_path, "c.txt", "Canada and Japan met once more.\n")
    write(tmp_path, "c.yaml", "url: \"javascript://example.org/%0Aalert(1)\"\n")
    assert "not an http(s) URL" in rejected_reason(tmp_path, "c.txt")
