"""Review pages: ``review/index.html`` and one ``review/<statement_id>.html``
per statement, generated from the published tables.

Each statement page shows the statement text with every mention (actor,
agreement, region), every commitment clause and its trigger highlighted by
colour; hovering a highlight shows its kind, status, committers, ids and, for a
commitment, the rule that made it (``pipeline/extract/commitment_rules.py``) (a
``title`` attribute plus a small inline tooltip); a side list holds every row
of the statement's tables, each linked to its span. Pages are self-contained
(inline CSS and JS, a Content-Security-Policy that allows no network access)
and deterministic. Every piece of text goes through :func:`html.escape`, so a
statement can never inject markup.

Nested and overlapping spans: the text is cut at every span boundary and the
spans are kept on a stack, outermost first. A span that ends inside another
(improper overlap) closes the spans opened after it and reopens them as
continuation pieces (class ``cont``, no ``id``): every row has exactly one
element without ``cont``, carrying ``data-id`` = its primary key.
"""
from __future__ import annotations

import html
import re
from collections import namedtuple
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from pipeline.extract.commitment_rules import explain_trigger

from .csv_io import conformed_tables

REVIEW_DIR = "review"
KINDS = ("commitment", "actor", "agreement", "region", "trigger")
_RANK = {"commitment": 0, "actor": 1, "agreement": 1, "region": 1, "trigger": 2}
_SAFE_NAME = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def esc(value: object) -> str:
    """Text or attribute value, escaped (``None``/NA -> empty)."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return html.escape(str(value), quote=True)


def page_name(statement_id: str) -> str:
    """File name of a statement's page (ids are slugs; anything else is folded to one)."""
    sid = str(statement_id)
    if not _SAFE_NAME.match(sid):
        sid = re.sub(r"[^a-z0-9]+", "-", sid.lower()).strip("-") or "statement"
    return f"{sid}.html"


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str  # one of KINDS
    row_id: str  # primary key of the row (data-id)
    info: str  # hover text


def render_spans(text: str, spans: list[Span]) -> str:
    """``text`` as HTML with every span wrapped in ``<span class="hl hl-<kind>">``
    (nested spans nest; improperly overlapping ones are split, see module doc).
    Spans outside the text or empty are skipped."""
    spans = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    spans.sort(key=lambda s: (s.start, -s.end, _RANK.get(s.kind, 9), s.row_id))
    bounds = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    out: list[str] = []
    stack: list[Span] = []
    nxt = 0
    pos = 0

    def open_tag(s: Span, cont: bool) -> str:
        cls = f"hl hl-{s.kind}" + (" cont" if cont else "")
        ident = "" if cont else f' id="{esc(s.row_id)}"'
        return (f'<span class="{cls}"{ident} data-kind="{esc(s.kind)}" data-id="{esc(s.row_id)}"'
                f' title="{esc(s.info)}">')

    for b in bounds:
        out.append(esc(text[pos:b]))
        pos = b
        ended = [i for i, s in enumerate(stack) if s.end <= b]
        if ended:
            k = ended[0]
            popped = stack[k:]
            del stack[k:]
            out.append("</span>" * len(popped))
            for s in popped:
                if s.end > b:
                    stack.append(s)
                    out.append(open_tag(s, cont=True))
        while nxt < len(spans) and spans[nxt].start == b:
            stack.append(spans[nxt])
            out.append(open_tag(spans[nxt], cont=False))
            nxt += 1
    out.append("</span>" * len(stack))
    return "".join(out)


# --- data -----------------------------------------------------------------------------


def _s(v: object) -> str:
    if v is None or (not isinstance(v, str) and pd.isna(v)):
        return ""
    if isinstance(v, pd.Timestamp):
        return v.strftime("%Y-%m-%d")
    return str(v)


class _Lookups:
    """Names of entities (whole corpus: small tables) and the rows of one statement
    (set per page, so no lookup over the whole corpus is held)."""

    def __init__(self, t: dict[str, pd.DataFrame]):
        self.actors = {r.actor_id: r for r in t["actors"].itertuples(index=False)}
        self.agreements = {r.agreement_id: r for r in t["agreements"].itertuples(index=False)}
        self.regions = {r.region_id: r for r in t["regions"].itertuples(index=False)}
        self.st_actor: dict = {}
        self.st_agreement: dict = {}
        self.roles: dict[str, dict[str, list[str]]] = {}
        self.text = ""  # the statement of the page (for the rule behind a commitment)

    def set_statement(self, statement_actors: list, statement_agreements: list, commitment_actors: list) -> None:
        self.st_actor = {(r.statement_id, r.actor_id): r for r in statement_actors}
        self.st_agreement = {(r.statement_id, r.agreement_id): r
                             for r in statement_agreements}
        self.roles = {}
        for r in commitment_actors:
            self.roles.setdefault(r.commitment_id, {}).setdefault(r.role, []).append(r.actor_id)

    def actor_name(self, actor_id: str) -> str:
        a = self.actors.get(actor_id)
        return f"{a.name} ({actor_id})" if a is not None else actor_id

    def people(self, commitment_id: str, role: str, *, ids_too: bool = True, names_up_to: int = 0) -> str:
        """Actors in ``role``: "name (id)", or names only (``ids_too=False``), or
        ids only when there are more than ``names_up_to`` of them (if set)."""
        ids = self.roles.get(commitment_id, {}).get(role, [])
        if names_up_to and len(ids) > names_up_to:
            return ", ".join(ids)
        if not ids_too:
            return ", ".join(getattr(self.actors.get(a), "name", a) for a in ids) or "—"
        return ", ".join(self.actor_name(a) for a in ids) or "—"

    def mention_info(self, m) -> str:
        lines = [f"{m.entity_type}: {m.text!s}"]
        if m.entity_type == "actor":
            a = self.actors.get(m.entity_id)
            sa = self.st_actor.get((m.statement_id, m.entity_id))
            lines.append(f"actor {a.name if a is not None else '?'} [{m.entity_id}]"
                         + (f", {a.actor_type}" if a is not None else ""))
            if sa is not None:
                lines.append("party to the statement" if bool(sa.is_party) else "not a party")
        elif m.entity_type == "agreement":
            g = self.agreements.get(m.entity_id)
            sa = self.st_agreement.get((m.statement_id, m.entity_id))
            lines.append(f"agreement {g.name if g is not None else '?'} [{m.entity_id}]"
                         + (f", kind {g.kind}" if g is not None else ""))
            if sa is not None:
                lines.append(f"status: {sa.status}")
        else:
            r = self.regions.get(m.entity_id)
            lines.append(f"region {r.name if r is not None else '?'} [{m.entity_id}]"
                         + (f", {r.region_type}" if r is not None else ""))
        lines.append(f"mention {m.mention_id}, sentence {m.sentence_id}")
        return "\n".join(lines)

    def commitment_info(self, c) -> str:
        return "\n".join([
            f"commitment: {c.kind}" + (" (action)" if bool(c.is_action) else ""),
            f"topic: {_s(c.topic) or '—'}; trigger: {c.trigger}"
            + (f"; time: {c.time_expression}" if _s(c.time_expression) else ""),
            f"committers: {self.people(c.commitment_id, 'committer')}",
            f"addressees: {self.people(c.commitment_id, 'addressee')}",
            f"rule: {explain_trigger(self.text, int(c.trigger_start), c.kind)}",
            f"{c.commitment_id}, sentence {c.sentence_id}",
        ])


def statement_spans(text: str, mentions: list, commitments: list, lk: _Lookups) -> list[Span]:
    spans = [Span(int(m.char_start), int(m.char_end), str(m.entity_type), str(m.mention_id), lk.mention_info(m))
             for m in mentions]
    for c in commitments:
        spans.append(Span(int(c.char_start), int(c.char_end), "commitment", str(c.commitment_id),
                          lk.commitment_info(c)))
        ts, trig = int(c.trigger_start), str(c.trigger)
        if text[ts:ts + len(trig)].lower() == trig.lower():
            spans.append(Span(ts, ts + len(trig), "trigger", f"{c.commitment_id}:trigger",
                              f"trigger of {c.commitment_id}: {trig} ({c.kind})"))
    return spans


# --- HTML -----------------------------------------------------------------------------

CSS = """
:root { --actor:#cfe2ff; --actor-b:#3d7be0; --agreement:#c8f0d2; --agreement-b:#1f9e4a;
        --region:#ffdcae; --region-b:#e07b00; --commitment:#fff3b0; --commitment-b:#c9a400; }
* { box-sizing: border-box; }
body { font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0; color: #1b1b1b; }
header { padding: 12px 20px; background: #f4f5f7; border-bottom: 1px solid #ddd; }
header h1 { font-size: 20px; margin: 0 0 4px; }
header .meta { color: #555; font-size: 13px; }
header a { color: #2a5db0; }
main { display: grid; grid-template-columns: minmax(0, 11fr) minmax(0, 9fr); gap: 0; }
#text { padding: 16px 24px; white-space: pre-wrap; overflow-wrap: anywhere; line-height: 2.0; }
aside { border-left: 1px solid #ddd; padding: 12px 14px; font-size: 12.5px; height: 100vh;
        overflow-y: auto; overflow-x: hidden; position: sticky; top: 0; }
aside h2 { font-size: 14px; margin: 14px 0 6px; }
aside table { border-collapse: collapse; width: 100%; table-layout: fixed; }
aside td, aside th { border-bottom: 1px solid #eee; padding: 2px 4px; vertical-align: top; text-align: left;
                     overflow-wrap: anywhere; }
aside th { overflow-wrap: normal; }
aside td .sub { color: #666; }
col.w-id { width: 3.2em; } col.w-kind { width: 10em; } col.w-who { width: 8.5em; } col.w-n { width: 6.5em; }
col.w-type { width: 7.5em; } col.w-code { width: 30%; }
aside tr.row { cursor: pointer; }
aside tr.row:hover, aside tr.row.active { background: #eef3ff; }
.legend { display: flex; flex-wrap: wrap; gap: 10px; margin-top: 6px; font-size: 13px; }
.legend label { display: inline-flex; align-items: center; gap: 4px; cursor: pointer; }
.sw { display: inline-block; width: 14px; height: 14px; border-radius: 3px; vertical-align: middle; }
.hl { border-radius: 3px; }
.hl-actor { background: var(--actor); box-shadow: inset 0 -2px var(--actor-b); }
.hl-agreement { background: var(--agreement); box-shadow: inset 0 -2px var(--agreement-b); }
.hl-region { background: var(--region); box-shadow: inset 0 -2px var(--region-b); }
.hl-commitment { background: var(--commitment); border-bottom: 2px solid var(--commitment-b); padding: 2px 0; }
.hl-trigger { font-weight: 700; text-decoration: underline dotted; }
.sw.actor { background: var(--actor); border: 1px solid var(--actor-b); }
.sw.agreement { background: var(--agreement); border: 1px solid var(--agreement-b); }
.sw.region { background: var(--region); border: 1px solid var(--region-b); }
.sw.commitment { background: var(--commitment); border: 1px solid var(--commitment-b); }
.sw.trigger { background: #fff; border: 1px dotted #333; }
body.hide-actor .hl-actor, body.hide-agreement .hl-agreement, body.hide-region .hl-region,
body.hide-commitment .hl-commitment { background: none; box-shadow: none; border-bottom: none; }
body.hide-trigger .hl-trigger { font-weight: inherit; text-decoration: none; }
.hl.flash { outline: 3px solid #e0245e; }
#tip { position: fixed; display: none; max-width: 420px; background: #222; color: #fff; padding: 6px 8px;
       border-radius: 4px; font-size: 12px; white-space: pre-wrap; pointer-events: none; z-index: 10; }
code { font-size: 12px; }
"""

JS = """
(function () {
  var tip = document.getElementById('tip');
  document.querySelectorAll('.legend input').forEach(function (box) {
    box.addEventListener('change', function () {
      document.body.classList.toggle('hide-' + box.value, !box.checked);
    });
  });
  if (tip) {
    document.addEventListener('mouseover', function (e) {
      var el = e.target.closest ? e.target.closest('.hl') : null;
      if (!el) { tip.style.display = 'none'; return; }
      var parts = [], n = el;
      while (n && n.classList && n.classList.contains('hl')) {
        parts.push(n.getAttribute('title')); n = n.parentElement;
      }
      tip.textContent = parts.join('\\n\\n');
      tip.style.display = 'block';
      document.querySelectorAll('tr.row.active').forEach(function (r) { r.classList.remove('active'); });
      var row = document.querySelector('tr.row[data-ref="' + CSS.escape(el.dataset.id) + '"]');
      if (row) row.classList.add('active');
    });
    document.addEventListener('mousemove', function (e) {
      tip.style.left = Math.min(e.clientX + 14, window.innerWidth - 440) + 'px';
      tip.style.top = (e.clientY + 16) + 'px';
    });
  }
  document.querySelectorAll('tr.row').forEach(function (row) {
    row.addEventListener('click', function () {
      var el = document.getElementById(row.dataset.ref);
      if (!el) return;
      el.scrollIntoView({block: 'center'});
      el.classList.add('flash');
      setTimeout(function () { el.classList.remove('flash'); }, 1200);
    });
  });
})();
"""

CSP = ("default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
       "img-src 'none'; connect-src 'none'; form-action 'none'; base-uri 'none'")

LEGEND_LABELS = {"actor": "actor mention", "agreement": "agreement mention", "region": "region mention",
                 "commitment": "commitment clause", "trigger": "commitment trigger"}


def _page(title: str, body: str, *, script: str = f'<div id="tip"></div>\n<script>{JS}</script>\n',
          css: str = "", csp: str = CSP) -> str:
    """A whole page: ``body``, then ``script`` (HTML: the statement page's by default), with
    ``css`` after the shared CSS, under the Content-Security-Policy ``csp``."""
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        f"<title>{esc(title)}</title>\n<style>{CSS}{css}</style>\n</head>\n<body>\n{body}\n"
        + script + "</body>\n</html>\n"
    )


def _legend(counts: Mapping[str, int] | None = None) -> str:
    items = []
    for k in KINDS:
        n = f" ({counts.get(k, 0)})" if counts is not None else ""
        items.append(f'<label><input type="checkbox" value="{k}" checked><span class="sw {k}"></span>'
                     f"{esc(LEGEND_LABELS[k])}{n}</label>")
    return '<div class="legend" id="legend">' + "".join(items) + "</div>"


def _cell(value: object) -> str:
    """A cell's HTML: a value, or a tuple of values shown as lines (the later ones grey);
    a line may break after an underscore (``environment_<wbr>climate``)."""
    if isinstance(value, tuple):
        lines = [esc(_s(v)).replace("_", "_<wbr>") for v in value if _s(v)]
        return "<br>".join(lines[:1] + [f'<span class="sub">{x}</span>' for x in lines[1:]])
    return esc(_s(value)).replace("_", "_<wbr>")


def _table(title: str, headers: list[str], rows: list[tuple[str | None, list[object]]], section: str,
           cols: list[str] | None = None) -> str:
    """A side-list table; each row is (referenced span id or None, cells). ``cols``:
    a width class per column (``w-id``...; "" = the rest), so the table never
    grows wider than the side list (fixed layout, long ids wrap)."""
    out = [f'<section id="list-{section}"><h2>{esc(title)} ({len(rows)})</h2>']
    if rows:
        out.append("<table>")
        if cols:
            out.append("<colgroup>" + "".join(f'<col class="{c}">' if c else "<col>" for c in cols) + "</colgroup>")
        out.append("<thead><tr>" + "".join(f"<th>{esc(h)}</th>" for h in headers) + "</tr></thead><tbody>")
        for ref, cells in rows:
            attrs = f' class="row" data-ref="{esc(ref)}"' if ref else ""
            out.append(f"<tr{attrs}>" + "".join(f"<td>{_cell(c)}</td>" for c in cells) + "</tr>")
        out.append("</tbody></table>")
    out.append("</section>")
    return "".join(out)


def plural(n: object, word: str) -> str:
    """``1 statement``, ``2 statements``, ``1,234 words``."""
    k = int(n) if _s(n) else 0
    return f"{k:,} {word}{'' if k == 1 else 's'}"


def _short(text: str, n: int = 70) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


PER_STATEMENT = ("mentions", "commitments", "statement_actors", "statement_agreements", "statement_regions",
                 "sentences")


class _ByStatement:
    """Row positions of each statement in every per-statement table, found once
    (not filtered once per page); a page takes its rows when it is written, so
    the tables are never held twice."""

    def __init__(self, t: dict[str, pd.DataFrame]):
        self._columns = {name: _ColumnRows(t[name]) for name in (*PER_STATEMENT, "commitment_actors")}
        self._positions = {name: t[name].groupby("statement_id", sort=False).indices for name in PER_STATEMENT}
        ca = t["commitment_actors"]
        self._roles = ca.groupby("commitment_id", sort=False).indices if len(ca) else {}

    def get(self, name: str, sid: str) -> list:
        rows = self._positions[name].get(sid)
        return self._columns[name].rows(rows if rows is not None else np.zeros(0, dtype=np.intp))

    def commitment_actors(self, commitment_ids) -> list:
        found = [self._roles[c] for c in commitment_ids if c in self._roles]
        return self._columns["commitment_actors"].rows(np.concatenate(found) if found else np.zeros(0, np.intp))


class _ColumnRows:
    """A table's rows as named tuples, made for a few positions at a time from
    its column arrays (no copy of the table; much faster than DataFrame.iloc
    plus itertuples once per page)."""

    def __init__(self, df: pd.DataFrame):
        self._arrays = [df[c].array for c in df.columns]
        self._row = namedtuple("Row", list(df.columns))

    def rows(self, positions: np.ndarray) -> list:
        if not len(positions):
            return []
        first, last = int(positions[0]), int(positions[-1])
        if last - first + 1 == len(positions) and np.all(np.diff(positions) == 1):  # contiguous: a slice
            columns = [a[first:last + 1].tolist() for a in self._arrays]
        else:
            columns = [a.take(positions).tolist() for a in self._arrays]
        return [self._row._make(values) for values in zip(*columns)]


def statement_page(st, t: dict[str, pd.DataFrame], lk: _Lookups, parts: _ByStatement | None = None) -> str:
    """HTML of one statement's review page (``st``: a row of ``statements``)."""
    sid = st.statement_id
    text = _s(st.text)
    parts = parts or _ByStatement(t)
    m = parts.get("mentions", sid)
    c = parts.get("commitments", sid)
    lk.set_statement(parts.get("statement_actors", sid), parts.get("statement_agreements", sid),
                     parts.commitment_actors([r.commitment_id for r in c]))
    lk.text = text
    spans = statement_spans(text, m, c, lk)
    counts = {k: sum(1 for s in spans if s.kind == k) for k in KINDS}
    meta = " · ".join(x for x in [
        _s(st.date), _s(st.place), _s(st.source), f"file {_s(st.source_file)}",
        plural(st.n_sentences, "sentence"), plural(st.n_words, "word"), f"id {sid}"] if x)
    side = [
        _table("Commitments", ["#", "kind, topic, trigger, time", "committers → addressees", "clause"], [
            (r.commitment_id, [r.commitment_id.rsplit(":", 1)[-1],
                               (r.kind, r.topic, f"“{_s(r.trigger)}”", r.time_expression),
                               (lk.people(r.commitment_id, "committer", ids_too=False, names_up_to=3),
                                "→ " + lk.people(r.commitment_id, "addressee", ids_too=False, names_up_to=3)
                                if lk.roles.get(r.commitment_id, {}).get("addressee") else ""),
                               _short(_s(r.text), 120)])
            for r in c], "commitments", ["w-id", "w-kind", "w-who", ""]),
        _table("Mentions", ["#", "type", "entity", "text"], [
            (r.mention_id, [r.mention_id.rsplit(":", 1)[-1], r.entity_type, r.entity_id, r.text])
            for r in m], "mentions", ["w-id", "w-type", "", ""]),
    ]
    sa = parts.get("statement_actors", sid)
    side.append(_table("Actors", ["actor", "name", "type", "party", "mentions"], [
        (None, [r.actor_id, getattr(lk.actors.get(r.actor_id), "name", ""),
                getattr(lk.actors.get(r.actor_id), "actor_type", ""), "yes" if bool(r.is_party) else "no",
                r.mentions]) for r in sa], "actors", ["w-code", "", "w-type", "w-n", "w-n"]))
    sg = parts.get("statement_agreements", sid)
    side.append(_table("Agreements", ["agreement", "name", "kind", "status", "mentions"], [
        (None, [r.agreement_id, getattr(lk.agreements.get(r.agreement_id), "name", ""),
                getattr(lk.agreements.get(r.agreement_id), "kind", ""), r.status, r.mentions])
        for r in sg], "agreements", ["w-code", "", "w-type", "w-type", "w-n"]))
    sr = parts.get("statement_regions", sid)
    side.append(_table("Regions", ["region", "name", "type", "mentions"], [
        (None, [r.region_id, getattr(lk.regions.get(r.region_id), "name", ""),
                getattr(lk.regions.get(r.region_id), "region_type", ""), r.mentions])
        for r in sr], "regions", ["w-code", "", "w-type", "w-n"]))
    sents = parts.get("sentences", sid)
    side.append("<details><summary>Sentences</summary>" + _table("Sentences", ["#", "paragraph", "start", "end"], [
        (None, [r.sentence_index, r.paragraph_index, r.char_start, r.char_end])
        for r in sents], "sentences") + "</details>")
    body = (
        f'<header><div class="meta"><a href="index.html">← all statements</a></div>'
        f"<h1>{esc(st.title)}</h1><div class=\"meta\">{esc(meta)}</div>{_legend(counts)}</header>\n"
        f'<main><div id="text">{render_spans(text, spans)}</div>\n'
        f'<aside id="rows">{"".join(side)}</aside></main>'
    )
    return _page(f"Review: {_s(st.title)}", body)


def write_review(tables: Mapping[str, pd.DataFrame], out_dir: Path) -> list[Path]:
    """Write ``review/index.html`` and ``review/<statement_id>.html`` for every
    statement into ``out_dir``; returns the paths written (index first, then
    statements in statement_id order). The index embeds the charts found in
    ``out_dir/charts`` (written before the review pages)."""
    from .review_index import index_page  # it builds on this module's page shell

    t = conformed_tables(tables)
    lk = _Lookups(t)
    folder = Path(out_dir) / REVIEW_DIR
    folder.mkdir(parents=True, exist_ok=True)
    index = folder / "index.html"
    index.write_text(index_page(t, Path(out_dir)), encoding="utf-8", newline="\n")
    written = [index]
    parts = _ByStatement(t)
    for st in t["statements"].itertuples(index=False):
        path = folder / page_name(st.statement_id)
        path.write_text(statement_page(st, t, lk, parts), encoding="utf-8", newline="\n")
        written.append(path)
    return written
