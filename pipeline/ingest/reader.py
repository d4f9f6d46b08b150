"""Raw folder -> Statement objects and rejections (see DATA_MODEL.md, "Inputs: raw/")."""
from __future__ import annotations

import codecs
import hashlib
import os
import re
import stat
from pathlib import Path, PurePosixPath

import yaml

from pipeline.ids import statement_id_for
from pipeline.model import IngestResult, Rejection, Statement

from . import meta
from .markdown import clean_title, markdown_paragraphs
from .text import control_ratio, finish, fold_chars, plain_text_paragraphs, squash

DEFAULT_MAX_BYTES = 2_000_000
TEXT_EXTENSIONS = (".txt", ".md")
HTML_EXTENSIONS = (".html", ".htm")
SUPPORTED = TEXT_EXTENSIONS + HTML_EXTENSIONS
SIDECAR_EXTENSIONS = (".yaml", ".yml")
SIDECAR_MAX_BYTES = 64_000
# Files that operating systems and editors leave around: ignored like hidden files.
JUNK_NAMES = frozenset({"thumbs.db", "desktop.ini", "icon\r"})
SUPPORTED_SAY = "supported: .txt, .md, .html, .htm (plus <stem>.yaml sidecars)"


class IngestError(Exception):
    """A raw file that must be rejected; ``reason`` tells the user what is wrong and how to fix it."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


# ---------------------------------------------------------------------- decoding

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)


def decode(raw: bytes, *, html: bool = False) -> tuple[str, list[str]]:
    """Text of a raw file and the warnings decoding it produced; IngestError if it is not text."""
    warnings: list[str] = []
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            try:
                text = raw.decode(codec)
            except UnicodeDecodeError as e:
                raise IngestError(f"starts with a {codec.upper()} byte-order mark but is not valid {codec.upper()} "
                                  f"(byte {e.start}); re-save the file as UTF-8") from None
            break
    else:
        if b"\x00" in raw:
            raise IngestError("looks binary (it contains NUL bytes), not text; if it is UTF-16 text, "
                              "save it with a byte-order mark or as UTF-8")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            text = None
            declared = _META_CHARSET.search(raw[:4096]) if html else None
            if declared:
                try:
                    text = raw.decode(declared.group(1).decode("ascii"))
                except (LookupError, UnicodeDecodeError):
                    text = None
            if text is None:
                try:
                    text = raw.decode("cp1252")
                except UnicodeDecodeError as e:
                    raise IngestError(f"cannot be decoded: not UTF-8 and not cp1252 text (byte {e.start}); "
                                      "save it as UTF-8") from None
                warnings.append("not UTF-8: decoded as cp1252 (Windows-1252); save the file as UTF-8 "
                                "to be sure of its characters")
    if control_ratio(text) > 0.01:
        raise IngestError("looks binary (too many control characters), not text; "
                          "only text files (" + SUPPORTED_SAY + ") can be read")
    return text, warnings


# ---------------------------------------------------------------- front matter

_FRONT_OPEN = re.compile(r"---[ \t]*\n")
_FRONT_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)


def split_front_matter(text: str) -> tuple[dict, str]:
    """(front matter mapping, body) of a Markdown text; IngestError when it is broken."""
    m = _FRONT_OPEN.match(text)
    if not m:
        return {}, text
    close = _FRONT_CLOSE.search(text, m.end())
    if not close:
        raise IngestError("front matter opened with '---' on the first line is never closed; "
                          "add a line '---' after the metadata (or remove the first '---')")
    block = text[m.end():close.start()]
    body = text[close.end():]
    try:
        data = yaml.load(block, Loader=_FAST_SAFE_LOADER)
    except (yaml.YAMLError, ValueError, TypeError, OverflowError) as e:
        first = " ".join(str(e).split())[:200]
        raise IngestError(f"front matter is not valid YAML ({first}); fix the lines between the '---' lines") \
            from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise IngestError("front matter must be 'key: value' lines (a YAML mapping) between the '---' lines")
    return data, body


_FAST_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


# ------------------------------------------------------------------- sidecars

def sidecar_for(path: Path) -> Path | None:
    found = [p for p in (path.with_suffix(ext) for ext in SIDECAR_EXTENSIONS) if p.is_file()]
    if len(found) > 1:
        raise IngestError(f"has two sidecars ({found[0].name}, {found[1].name}); keep one")
    return found[0] if found else None


def read_sidecar(path: Path, raw_root: str) -> dict:
    name = path.name
    real = os.path.realpath(path)
    if not _inside(real, raw_root):
        raise IngestError(f"sidecar {name} is a link that leads outside the raw folder; copy the file in")
    try:
        st = os.stat(real)
        if not stat.S_ISREG(st.st_mode):
            raise IngestError(f"sidecar {name} is not a regular file")
        if st.st_size > SIDECAR_MAX_BYTES:
            raise IngestError(f"sidecar {name} is {st.st_size} bytes, more than {SIDECAR_MAX_BYTES}; "
                              "a sidecar holds a few metadata lines")
        raw = Path(real).read_bytes()
    except OSError as e:
        raise IngestError(f"sidecar {name} cannot be read ({e.strerror or e})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise IngestError(f"sidecar {name} is not UTF-8 text; save it as UTF-8") from None
    try:
        data = meta.load_plain_yaml(text)
    except (yaml.YAMLError, ValueError, TypeError, OverflowError) as e:
        msg = " ".join(str(e).split())[:240]
        raise IngestError(f"sidecar {name} is not plain, valid YAML ({msg}); use plain 'key: value' lines "
                          "without tags (!!...), anchors or aliases") from None
    try:
        return meta.validate_sidecar(data)
    except ValueError as e:
        raise IngestError(f"sidecar {name} has an invalid value: {e}") from None


# ---------------------------------------------------------------------- files

def _inside(real: str, root_real: str) -> bool:
    return real == root_real or real.startswith(root_real.rstrip(os.sep) + os.sep)


def _relative(path: Path, raw_dir: Path) -> str:
    rel = os.path.relpath(os.path.abspath(path), os.path.abspath(raw_dir))
    if rel == os.curdir or rel.startswith(os.pardir + os.sep) or rel == os.pardir:
        raise IngestError(f"{path} is not inside the raw folder {raw_dir}")
    return PurePosixPath(*Path(rel).parts).as_posix()


def _read_bytes(path: Path, raw_dir: Path, max_bytes: int) -> bytes:
    root_real = os.path.realpath(raw_dir)
    if path.is_symlink():
        real = os.path.realpath(path)
        if not _inside(real, root_real):
            raise IngestError("is a link that leads outside the raw folder; copy the file into the raw folder "
                              "instead of linking to it")
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise IngestError("is a broken link or has disappeared; remove it or point it at a file") from None
    except OSError as e:
        raise IngestError(f"cannot be read ({e.strerror or e})") from None
    if not stat.S_ISREG(st.st_mode):
        raise IngestError("is not a regular file (a folder, device or pipe); put statement files only")
    limit_say = (f"larger than the size limit of {max_bytes:,} bytes; split it, or raise the limit "
                 f"with --max-bytes (e.g. --max-bytes {max(st.st_size, max_bytes) * 2})")
    if st.st_size > max_bytes:
        raise IngestError(f"is {st.st_size:,} bytes, {limit_say}")
    try:
        with open(path, "rb") as fh:
            raw = fh.read(max_bytes + 1)
    except OSError as e:
        raise IngestError(f"cannot be read ({e.strerror or e})") from None
    if len(raw) > max_bytes:
        raise IngestError(f"is {limit_say}")
    return raw


def read_statement_file(path: Path, raw_dir: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Statement:
    """One raw file as a Statement; raises IngestError(reason) when it must be rejected."""
    path, raw_dir = Path(path), Path(raw_dir)
    source_file = _relative(path, raw_dir)
    ext = path.suffix.lower()
    if ext in SIDECAR_EXTENSIONS:
        raise IngestError(f"is a sidecar (metadata for <stem>{ext}), not a statement")
    if ext not in SUPPORTED:
        raise IngestError(f"has an unsupported extension {ext or '(none)'!r}; {SUPPORTED_SAY}")
    statement_id = statement_id_for(path.stem)
    if not statement_id:
        raise IngestError("its name gives an empty statement_id; rename it with letters or digits "
                          "(e.g. canada-japan-2026-03-06.txt)")
    raw = _read_bytes(path, raw_dir, max_bytes)
    text, warnings = decode(raw, html=ext in HTML_EXTENSIONS)

    info: dict = {}
    if ext == ".md":
        front, body = split_front_matter(text.replace("\r\n", "\n").replace("\r", "\n"))
        paragraphs = markdown_paragraphs(body)
        _front_matter_info(front, info, warnings)
    elif ext == ".txt":
        paragraphs = plain_text_paragraphs(fold_chars(text))
    else:
        from .html import html_document
        doc = html_document(text)
        paragraphs = doc.paragraphs
        info.update({k: v for k, v in (("title", doc.title), ("language", doc.language)) if v})
        _take_url(doc.url, "page URL", info, warnings)
        if doc.date_text:
            d = meta.parse_date_or_none(doc.date_text)
            if d:
                info["date"] = d
            else:
                warnings.append(f"page date {doc.date_text!r} is not a date; ignored")

    if paragraphs:
        paragraphs = _take_dateline(paragraphs, info, warnings)

    body_text = finish(paragraphs)
    if not body_text:
        if ext == ".md" and text.lstrip("\ufeff").startswith("---"):
            what = "only front matter"
        elif squash(fold_chars(text)):
            what = "only markup, a dateline or an end marker"
        else:
            what = "empty or whitespace only"
        raise IngestError(f"holds no text ({what}); add the statement's text or remove the file")
    if "date" not in info:
        d = meta.first_sentence_date(body_text)
        if d:
            info["date"] = d
    if "place" not in info:
        place = meta.first_meeting_place(body_text)
        if place:
            info["place"] = place

    sidecar = sidecar_for(path)
    if sidecar is not None:
        info.update(read_sidecar(sidecar, os.path.realpath(raw_dir)))

    return Statement(
        statement_id=statement_id,
        source_file=source_file,
        sha256=hashlib.sha256(raw).hexdigest(),
        text=body_text,
        title=info.get("title"),
        date=info.get("date"),
        place=info.get("place"),
        source=info.get("source"),
        url=info.get("url"),
        language=info.get("language"),
        license=info.get("license"),
        parties=tuple(info.get("parties", ())),
        warnings=tuple(warnings),
    )


def _take_dateline(paragraphs: list[str], info: dict, warnings: list[str]) -> list[str]:
    """Remove a leading crawl line and dateline; their date, place and source fill
    what the file's own metadata (front matter, HTML meta, later the sidecar) left open."""
    head = [squash(p) for p in paragraphs[:2]]
    line = meta.read_dateline("\n".join(head))
    if line.consumed:
        rest = "\n".join(head)[line.consumed:].strip()
        paragraphs = [p for p in rest.split("\n") if p] + paragraphs[2:]
    for key in ("date", "place", "source"):
        value = getattr(line, key)
        if value is not None and key not in info:
            info[key] = value
    if line.warning:
        warnings.append(line.warning)
    return paragraphs


def _take_url(url: str | None, where: str, info: dict, warnings: list[str]) -> None:
    """Keep ``url`` as the statement's URL when it is http(s); warn and drop it otherwise."""
    if not url or not url.strip():
        return
    safe = meta.http_url(url)
    if safe:
        info["url"] = safe
    else:
        warnings.append(f"{where} {url.strip()[:80]!r} is not an http(s) URL; dropped")


def _front_matter_info(front: dict, info: dict, warnings: list[str]) -> None:
    def text_value(*keys: str) -> str | None:
        for k in keys:
            v = front.get(k)
            if isinstance(v, str) and v.strip():
                return v
        return None

    title = text_value("title")
    if title:
        info["title"] = clean_title(title) or None
        if not info["title"]:
            del info["title"]
    _take_url(text_value("source_url", "url"), "front matter source_url", info, warnings)
    for key, names in (("place", ("place",)), ("language", ("language", "lang")), ("license", ("license",))):
        v = text_value(*names)
        if v:
            info[key] = squash(fold_chars(v))
    for key in ("date", "published_time", "published"):
        v = front.get(key)
        if v is None or v == "":
            continue
        try:
            info["date"] = meta.parse_date(v)
            break
        except ValueError as e:
            warnings.append(f"front matter {key}: {e}; ignored")


# ---------------------------------------------------------------------- folder

def _walk(raw_dir: Path, root_real: str) -> tuple[list[Path], list[Rejection]]:
    """Candidate statement files under raw_dir (recursively), and folder links rejected."""
    files: list[Path] = []
    rejected: list[Rejection] = []
    stack = [raw_dir]
    while stack:
        folder = stack.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError as e:
            rel = _relative(Path(folder), raw_dir) if Path(folder) != raw_dir else "."
            rejected.append(Rejection(rel, f"folder cannot be read ({e.strerror or e})"))
            continue
        for entry in entries:
            name = entry.name
            if name.startswith(".") or name.lower() in JUNK_NAMES or name.endswith("~"):
                continue
            path = Path(entry.path)
            try:
                is_link = entry.is_symlink()
                is_dir = entry.is_dir(follow_symlinks=False)
            except OSError:
                is_link, is_dir = False, False
            if is_dir:
                stack.append(path)
                continue
            if is_link and os.path.isdir(path):
                # Links to folders are not followed: outside ones are rejected, inside ones
                # would only repeat files that are read where they are.
                if not _inside(os.path.realpath(path), root_real):
                    rejected.append(Rejection(_relative(path, raw_dir),
                                              "is a link to a folder outside the raw folder; copy the files "
                                              "into the raw folder instead of linking to them"))
                continue
            if path.suffix.lower() in SIDECAR_EXTENSIONS:
                continue
            files.append(path)
    return files, rejected


def _text_key(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).casefold().encode("utf-8")).hexdigest()


def read_raw_dir(raw_dir: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> IngestResult:
    """Every statement file under raw_dir (subfolders included); never raises for a bad file.

    Statements are sorted by source_file (the path relative to raw_dir, POSIX
    form). Of two files with the same statement_id or the same normalised text
    the first by source_file is kept and the later ones are rejected.
    """
    raw_dir = Path(raw_dir)
    result = IngestResult()
    files, rejected = _walk(raw_dir, os.path.realpath(raw_dir))
    items = sorted(((_relative(p, raw_dir), p) for p in files), key=lambda t: t[0])
    by_id: dict[str, str] = {}
    by_text: dict[str, str] = {}
    for source_file, path in items:
        try:
            st = read_statement_file(path, raw_dir, max_bytes)
        except IngestError as e:
            rejected.append(Rejection(source_file, e.reason))
            continue
        except Exception as e:  # noqa: BLE001 - a bad file must never stop the others
            rejected.append(Rejection(source_file, f"could not be read ({type(e).__name__}: {e}); "
                                                   "check that it is a text, Markdown or HTML file"))
            continue
        kept = by_id.get(st.statement_id)
        if kept is not None:
            rejected.append(Rejection(source_file, f"has the same statement_id {st.statement_id!r} as {kept}, "
                                                   f"which is kept; rename one of them"))
            continue
        key = _text_key(st.text)
        kept = by_text.get(key)
        if kept is not None:
            rejected.append(Rejection(source_file, f"has the same text as {kept}, which is kept; "
                                                   "remove the duplicate"))
            continue
        by_id[st.statement_id] = source_file
        by_text[key] = source_file
        result.statements.append(st)
    result.rejected = sorted(rejected, key=lambda r: r.source_file)
    return result


__all__ = [
    "DEFAULT_MAX_BYTES",
    "IngestError",
    "decode",
    "read_raw_dir",
    "read_statement_file",
    "split_front_matter",
]
