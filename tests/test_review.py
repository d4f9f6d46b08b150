"""Review pages (pipeline.publish.review) and the chart (pipeline.publish.chart):
highlights match the tables, statement text cannot inject markup, the pages
render in headless Chromium, the PNG is byte-reproducible."""
from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest

from pipeline.metadata.example import example_tables
from pipeline.publish.chart import (
    CHART_PATHS,
    agreement_status_by_year,
    commitments_per_year,
    regions_ranked,
    write_charts,
)
from pipeline.publish.review import Span, page_name, render_spans, write_review

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
SCREENS = Path(os.environ.get("JOINT_STATEMENTS_SCREENS", "/work/screens"))  # screenshots kept for a look
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


class Highlights(HTMLParser):
    """Collects the highlight spans (class ``hl``) and the text outside tags."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.spans: list[dict[str, str]] = []
        self.tags: Counter[str] = Counter()
        self.text_parts: list[str] = []
        self._in_text = 0

    def handle_starttag(self, tag, attrs):
        self.tags[tag] += 1
        a = {k: v or "" for k, v in attrs}
        if tag == "span" and "hl" in a.get("class", "").split():
            self.spans.append(a)
        if tag == "div" and a.get("id") == "text":
            self._in_text = 1
        elif self._in_text:
            self._in_text += tag != "br"

    def handle_endtag(self, tag):
        if self._in_text:
            self._in_text -= 1

    def handle_data(self, data):
        if self._in_text:
            self.text_parts.append(data)

    def first_pieces(self, kind: str) -> list[str]:
        return [s["data-id"] for s in self.spans if s["data-kind"] == kind and "cont" not in s["class"].split()]


def parse(html_text: str) -> Highlights:
    p = Highlights()
    p.feed(html_text)
    return p


def assert_highlights_match(page_html: str, tables: dict[str, pd.DataFrame], sid: str) -> Highlights:
    h = parse(page_html)
    m = tables["mentions"][tables["mentions"].statement_id == sid]
    for kind in ("actor", "agreement", "region"):
        assert sorted(h.first_pieces(kind)) == sorted(m[m.entity_type == kind].mention_id), kind
    c = tables["commitments"][tables["commitments"].statement_id == sid]
    assert sorted(h.first_pieces("commitment")) == sorted(c.commitment_id)
    st = tables["statements"].set_index("statement_id").loc[sid]
    assert "".join(h.text_parts) == st["text"]  # the whole text, verbatim, once
    return h


# --- rendering --------------------------------------------------------------------------


def test_render_nested_and_overlapping_spans():
    text = "abcdefghij"
    spans = [Span(0, 10, "commitment", "c0", "outer"), Span(2, 4, "actor", "m0", "inner"),
             Span(3, 7, "region", "m1", "overlaps m0"), Span(8, 8, "actor", "empty", "")]
    out = render_spans(text, spans)
    h = parse(f'<div id="text">{out}</div>')
    assert "".join(h.text_parts) == text
    assert out.count("<span") == out.count("</span>")
    assert [s["data-id"] for s in h.spans] == ["c0", "m0", "m1", "m1"]  # m1 split at m0's end
    assert [("cont" in s["class"]) for s in h.spans] == [False, False, False, True]
    assert 'id="empty"' not in out
    # properly nested: each span once, commitment outermost
    out = render_spans(text, [Span(2, 4, "actor", "a", ""), Span(0, 10, "commitment", "c", "")])
    assert out.startswith('<span class="hl hl-commitment" id="c"') and out.count("<span") == 2


def malicious_tables() -> dict[str, pd.DataFrame]:
    """The example tables with markup in the text of one statement (offsets shifted consistently)."""
    t = example_tables()
    sid = "us-canada-na-statement"
    st = t["statements"]
    i = st.index[st.statement_id == sid][0]
    old = st.at[i, "text"]
    cut = old.index("\n\n") + 2
    inject = '<script>alert(1)</script><b>bold</b> "q" & \'s\' '
    st.at[i, "text"] = old[:cut] + inject + old[cut:]
    st.at[i, "title"] = "<i>Title</i> & <script>alert(2)</script>"
    t["actors"].loc[t["actors"].actor_id == "USA", "name"] = 'United <img src=x onerror="alert(3)"> States'
    shift = len(inject)
    for name in ("sentences", "commitments", "mentions"):
        df = t[name]
        rows = (df.statement_id == sid) & (df.char_start >= cut)
        df.loc[rows, "char_start"] += shift
        df.loc[rows, "char_end"] += shift
        if name == "commitments":
            df.loc[rows, "trigger_start"] += shift
    s = t["sentences"]
    first = s.index[(s.statement_id == sid) & (s.char_start == cut + shift)][0]
    s.at[first, "char_start"] = cut
    s.at[first, "text"] = inject + s.at[first, "text"]
    return t


def test_markup_in_statement_is_shown_as_text(tmp_path):
    t = malicious_tables()
    from pipeline.checks import check_tables

    assert all(o.passed for o in check_tables(t)), [o.message for o in check_tables(t) if not o.passed]
    paths = write_review(t, tmp_path)
    page = (tmp_path / "review" / page_name("us-canada-na-statement")).read_text(encoding="utf-8")
    assert "<script>alert" not in page and "<b>bold" not in page and "<img" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&lt;b&gt;bold&lt;/b&gt;" in page
    h = assert_highlights_match(page, t, "us-canada-na-statement")
    assert h.tags["script"] == 1 and h.tags["b"] == 0 and h.tags["img"] == 0 and h.tags["i"] == 0
    index = paths[0].read_text(encoding="utf-8")
    assert "&lt;i&gt;Title&lt;/i&gt;" in index and "<i>" not in index
    # a party's name with markup, in the party cell and the party filter, is text too
    assert "<img" not in index and 'United &lt;img src=x onerror=&quot;alert(3)&quot;&gt; States (USA)' in index


def test_pages_for_every_statement_and_deterministic(tmp_path):
    t = example_tables()
    a = write_review(t, tmp_path / "a")
    b = write_review({k: v.iloc[::-1].reset_index(drop=True) for k, v in t.items()}, tmp_path / "b")
    assert [p.name for p in a] == ["index.html", "canada-japan-2026.html", "us-canada-na-statement.html"]
    assert [p.read_bytes() for p in a] == [p.read_bytes() for p in b]
    page = a[1].read_text(encoding="utf-8")
    assert_highlights_match(page, t, "canada-japan-2026")
    assert "Content-Security-Policy" in page and "http://" not in page.replace("http-equiv", "")
    assert "https://" not in page and 'src="' not in page  # nothing loaded from anywhere
    assert 'title="commitment: instruction (action)' in page and "addressees: Ministers (ministers)" in page
    assert "status: planned" in page  # agreement status on hover
    assert 'data-ref="canada-japan-2026:c2"' in page  # side list row linked to its span
    index = a[0].read_text(encoding="utf-8")
    assert 'class="legend"' not in index and 'type="checkbox"' not in index  # no legend that does nothing
    assert "2 statements, 2026 ·" in index and 'id="filters" hidden' in index  # the script shows the filters
    assert 'id="charts"' not in index  # no charts written beside the pages: none embedded


def test_one_statement_reads_right(tmp_path):
    """One statement (and one sentence, one word): no "1 statements"."""
    t = example_tables()
    sid = "canada-japan-2026"
    one = {k: (v[v.statement_id == sid] if "statement_id" in v.columns else v) for k, v in t.items()}
    one["statements"] = one["statements"].assign(n_sentences=1, n_words=1)
    write_charts(one, tmp_path)
    paths = write_review(one, tmp_path)
    index, page = (p.read_text(encoding="utf-8") for p in paths)
    assert "1 statement, 2026 ·" in index and "1 statements" not in index
    assert "1 sentence ·" in page and "1 word ·" in page and "1 sentences" not in page
    assert all(f'<img src="../{p}"' in index for p in CHART_PATHS)  # the charts beside it are embedded
    assert "img-src 'self'" in index and "img-src 'none'" in page  # images from the package only


# --- chart ------------------------------------------------------------------------------


def test_charts_are_byte_reproducible_pngs(tmp_path):
    t = example_tables()
    a = write_charts(t, tmp_path / "a")
    b = write_charts({k: v.iloc[::-1].reset_index(drop=True) for k, v in t.items()}, tmp_path / "b")
    assert a == [tmp_path / "a" / p for p in CHART_PATHS]
    for pa, pb in zip(a, b):
        data = pa.read_bytes()
        assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 5000
        assert data == pb.read_bytes(), pa.name
        assert b"Software" not in data and b"tIME" not in data and b"matplotlib" not in data
    empty = {k: v.iloc[0:0] for k, v in t.items()}
    assert all(p.is_file() for p in write_charts(empty, tmp_path / "c"))  # nothing to show: still charts
    # names are text, never mathtext: a lone "$" would make matplotlib raise
    odd = {k: v.copy() for k, v in t.items()}
    odd["agreements"]["name"] = "US$ 5 billion fund " + odd["agreements"]["name"].astype(str)
    odd["regions"]["name"] = "$\\frac{$ " + odd["regions"]["name"].astype(str)
    assert all(p.is_file() for p in write_charts(odd, tmp_path / "d"))


def test_chart_data_aggregates_by_year_and_rank():
    t = example_tables()
    counts, per_year, undated = commitments_per_year(t)
    years = pd.to_datetime(t["statements"].set_index("statement_id")["date"]).dt.year
    c = t["commitments"].assign(year=lambda d: d.statement_id.map(years))
    assert years.isna().any() and years.notna().any()  # the example has a dated and an undated statement
    assert undated == int(c.year.isna().sum()) > 0  # undated commitments are counted, not put in a year
    assert int(counts.to_numpy().sum()) == int(c.year.notna().sum()) > 0
    for (year, kind), n in c.dropna(subset=["year"]).groupby(["year", "kind"]).size().items():
        assert counts.loc[int(year), kind] == n
    assert per_year.to_dict() == years.dropna().astype(int).value_counts().to_dict()

    cells, n = agreement_status_by_year(t, top=1)
    sa = t["statement_agreements"]
    assert n == sa.agreement_id.nunique() and cells.agreement_id.nunique() == 1
    top = cells.agreement_id.iloc[0]
    assert int(cells.n.sum()) == int((sa.agreement_id == top).sum()) == int(sa.agreement_id.value_counts().max())
    ranked, n = regions_ranked(t)
    assert n == t["statement_regions"].region_id.nunique()
    assert ranked.statements.is_monotonic_decreasing and ranked.latitude.notna().all()


# --- a dev build in headless Chromium ------------------------------------------------------


@pytest.fixture(scope="module")
def dev_build(tmp_path_factory):
    raw = CORPUS / "raw"
    if not raw.is_dir():
        pytest.skip(f"no corpus at {raw}")
    from pipeline.build import run_build
    from pipeline.metadata import TABLES
    from pipeline.publish import read_table_csv

    out = tmp_path_factory.mktemp("review_build") / "datapackage"
    report = run_build(raw, out)
    assert report.published, report
    tables = {n: read_table_csv(n, out / t.csv_path) for n, t in TABLES.items()}
    for name in ("commitments", "mentions"):
        for col in ("char_start", "char_end") + (("trigger_start",) if name == "commitments" else ()):
            tables[name][col] = tables[name][col].astype(int)
    return out, tables


def chromium(args: list[str], tmp: Path) -> subprocess.CompletedProcess:
    profile = tmp / "profile"
    profile.mkdir(exist_ok=True)
    cmd = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           f"--user-data-dir={profile}", *args]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=90, check=True)


def test_dev_build_has_review_pages_and_chart(dev_build):
    out, tables = dev_build
    assert all((out / p).is_file() for p in CHART_PATHS)
    for sid in tables["statements"].statement_id:
        page = (out / "review" / page_name(sid)).read_text(encoding="utf-8")
        assert_highlights_match(page, tables, sid)


@pytest.mark.skipif(CHROMIUM is None, reason="no chromium binary (apt-get install chromium)")
def test_review_pages_in_headless_chromium(dev_build, tmp_path):
    out, tables = dev_build
    index = chromium(["--dump-dom", (out / "review" / "index.html").as_uri()], tmp_path).stdout
    for sid in tables["statements"].statement_id:
        assert f'href="{page_name(sid)}"' in index
    sid = tables["commitments"].statement_id.value_counts().sort_index().idxmax()
    page = out / "review" / page_name(sid)
    dom = chromium(["--dump-dom", page.as_uri()], tmp_path).stdout
    assert_highlights_match(dom, tables, sid)  # what the browser built, not just the file


# A script added to a copy of a page (the pages allow inline scripts, nothing else): it checks the
# layout at the window's width, then drives the index's filters and sorting, and leaves the results
# in an attribute that --dump-dom shows.
PROBE_JS = r"""
(function () {
  var out = {viewport: document.documentElement.clientWidth, pageWidth: document.documentElement.scrollWidth,
             tables: 0, cells: 0, clipped: [], columns: {}};
  document.querySelectorAll('table').forEach(function (table) {
    if (!table.getClientRects().length) return;  // not rendered (a closed <details>)
    out.tables += 1;
    var box = table.closest('aside') || document.documentElement;
    var right = box.getBoundingClientRect().left + box.clientWidth;
    var name = (table.closest('section') || table).id;
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
      out.columns[name + ':' + th.textContent.trim()] = Math.round(th.getBoundingClientRect().width);
    });
    table.querySelectorAll('th, td').forEach(function (cell) {
      out.cells += 1;
      if (cell.getBoundingClientRect().right > right + 1 || cell.scrollWidth > cell.clientWidth + 1)
        out.clipped.push(name + ': ' + cell.textContent.slice(0, 60));
    });
  });
  var bar = document.getElementById('filters');
  if (bar) {
    var rows = Array.prototype.slice.call(document.querySelectorAll('#statements tbody tr'));
    var visible = function () { return rows.filter(function (r) { return !r.hidden; }).length; };
    var set = function (id, value, event) {
      var el = document.getElementById(id); el.value = value; el.dispatchEvent(new Event(event));
    };
    var year = document.getElementById('year'), party = document.getElementById('party');
    out.filters = {shown: !bar.hidden && bar.getClientRects().length > 0, rows: rows.length,
                   years: year.options.length - 1, parties: party.options.length - 1};
    set('year', year.options[1].value, 'change');
    out.filters.year = [year.value, visible(), document.getElementById('shown').textContent];
    set('year', '', 'change');
    set('party', party.options[1].value, 'change');
    out.filters.party = [party.value, visible()];
    set('party', '', 'change');
    set('q', 'no-such-words-anywhere', 'input');
    out.filters.nothing = visible();
    set('q', '', 'input');
    out.filters.all = visible();
    var th = Array.prototype.filter.call(document.querySelectorAll('#statements th'),
                                         function (h) { return h.textContent === 'commitments'; })[0];
    var col = th.cellIndex, firstValue = function () {
      return parseInt(document.querySelector('#statements tbody tr').cells[col].textContent, 10);
    };
    th.querySelector('button').click();
    out.sort = [th.getAttribute('aria-sort'), firstValue()];
    th.querySelector('button').click();
    out.sort.push(th.getAttribute('aria-sort'), firstValue());
  }
  document.documentElement.setAttribute('data-probe', JSON.stringify(out));
})();
"""


def probe(page: Path, tmp: Path, width: int = 1280) -> dict:
    """Layout (and, on the index, filter and sort) results of ``page`` in headless Chromium
    at ``width`` px, from a copy of the page beside it with :data:`PROBE_JS` added."""
    html_text = page.read_text(encoding="utf-8")
    at = html_text.rindex("</body>")
    copy = page.with_name(f"probe-{page.name}")
    copy.write_text(html_text[:at] + f"<script>{PROBE_JS}</script>\n" + html_text[at:], encoding="utf-8")
    try:
        dom = chromium([f"--window-size={width},900", "--dump-dom", copy.as_uri()], tmp).stdout
    finally:
        copy.unlink()
    found = re.search(r'data-probe="([^"]*)"', dom)
    assert found, dom[:500]
    return json.loads(html.unescape(found.group(1)))


@pytest.mark.skipif(CHROMIUM is None, reason="no chromium binary (apt-get install chromium)")
def test_index_and_statement_page_fit_at_1280_px(dev_build, tmp_path):
    out, tables = dev_build
    st = tables["statements"]
    index = probe(out / "review" / "index.html", tmp_path)
    assert 1200 <= index["viewport"] <= 1280 and index["pageWidth"] <= index["viewport"], index
    assert index["tables"] == 1 and index["cells"] >= 8 * (len(st) + 1) and index["clipped"] == [], index
    f = index["filters"]
    assert f["shown"] and f["rows"] == len(st) and f["all"] == len(st) and f["nothing"] == 0
    years = pd.to_datetime(st["date"]).dt.year
    assert f["years"] == years.nunique() + int(years.isna().any())
    year, n, shown = f["year"]
    assert n == int((years == int(year)).sum()) > 0 and shown == (
        f"showing {n} of {len(st)} statements" if n < len(st) else f"showing all {len(st)} statements")
    sa = tables["statement_actors"]
    parties = sa[sa.is_party.astype(bool)]
    assert f["parties"] == parties.actor_id.nunique()
    party, n = f["party"]
    assert n == int((parties.actor_id == party).sum()) == int(parties.actor_id.value_counts().max())
    per_statement = tables["commitments"].statement_id.value_counts().reindex(st.statement_id, fill_value=0)
    assert index["sort"] == ["ascending", per_statement.min(), "descending", per_statement.max()]
    assert all(w >= 40 for w in index["columns"].values()), index["columns"]  # no column squeezed away

    sid = per_statement.idxmax()
    page = probe(out / "review" / page_name(sid), tmp_path)
    assert page["pageWidth"] <= page["viewport"] and page["clipped"] == [], page["clipped"][:10]
    assert page["tables"] >= 4 and "filters" not in page
    assert page["columns"]["list-commitments:clause"] >= 180, page["columns"]  # the clause column is readable

    for name, target, height in (("review_index.png", out / "review" / "index.html", 1400),
                                 ("review_statement.png", out / "review" / page_name(sid), 900)):
        shot = tmp_path / name
        chromium([f"--screenshot={shot}", f"--window-size=1280,{height}", target.as_uri()], tmp_path)
        data = shot.read_bytes()
        assert data.startswith(b"\x89PNG") and len(data) > 20000
        if SCREENS.is_dir():
            (SCREENS / name).write_bytes(data)


def test_malicious_page_in_headless_chromium(tmp_path):
    if CHROMIUM is None:
        pytest.skip("no chromium binary")
    t = malicious_tables()
    write_review(t, tmp_path)
    dom = chromium(["--dump-dom", (tmp_path / "review" / page_name("us-canada-na-statement")).as_uri()],
                   tmp_path).stdout
    h = parse(dom)
    assert h.tags["b"] == 0 and h.tags["img"] == 0 and h.tags["script"] == 1
    assert "<script>alert(1)</script><b>bold</b>" in "".join(h.text_parts)
    index = parse(chromium(["--dump-dom", (tmp_path / "review" / "index.html").as_uri()], tmp_path).stdout)
    assert index.tags["img"] == 0 and index.tags["i"] == 0 and index.tags["script"] == 1
