"""Reading inputs: files, directories (recursive), JSON / JSON Lines, a CSV manifest and standard input.

Yields `RawArticle`s, or `InputError`s that name the file (and line) and say why it was skipped. Nothing here
parses article content beyond decoding; bad input never stops the batch.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm"}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES
JSON_FIELDS = ("text", "html", "url", "title", "published", "outlet", "source_name")


@dataclass(slots=True)
class RawArticle:
    source_name: str
    raw_hash: str  # sha256 of the raw input; lets a re-run skip unchanged inputs before any parsing
    text: str | None = None
    html: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    line_number: int | None = None


@dataclass(slots=True)
class InputError:
    source_name: str
    error_kind: str
    message: str
    line_number: int | None = None

    def __str__(self) -> str:
        suffix = f":{self.line_number}"
        has_line = self.line_number and not self.source_name.endswith(suffix)
        where = f"{self.source_name}{suffix}" if has_line else self.source_name
        return f"{where}: {self.message}"


@dataclass(slots=True)
class ManifestRow:
    url: str | None
    outlet: str | None
    published: str | None


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def decode(data: bytes, source_name: str) -> str | InputError:
    """Decode bytes as UTF-8, falling back to charset detection; refuse empty, binary and undecodable input."""
    if not data.strip():
        return InputError(source_name, "empty", "empty file; skipped")
    if b"\x00" in data:
        offset = data.index(b"\x00")
        return InputError(source_name, "binary", f"binary content (NUL byte at offset {offset}); skipped")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        bad = exc.start
    from charset_normalizer import from_bytes

    matches = [m for m in from_bytes(data) if m.chaos < 0.2]
    # Among equally plausible single-byte charsets, Western scrapers almost always mean Windows-1252.
    preferred = [m for m in matches if m.encoding in ("cp1252", "latin_1", "iso8859_15")]
    if preferred or matches:
        return str((preferred or matches)[0])
    return InputError(
        source_name, "encoding", f"not UTF-8 (byte 0x{data[bad]:02x} at offset {bad}) and no charset detected; skipped"
    )


def _read_bytes(path: Path, source_name: str, max_bytes: int) -> bytes | InputError:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return InputError(source_name, "too_large", f"{size:,} bytes exceeds the {max_bytes:,}-byte limit; skipped")
        return path.read_bytes()
    except PermissionError:
        return InputError(source_name, "unreadable", "permission denied; skipped")
    except IsADirectoryError:
        return InputError(source_name, "unreadable", "is a directory; skipped")
    except OSError as exc:
        return InputError(source_name, "unreadable", f"cannot read ({exc.strerror or exc}); skipped")


def read_manifest(path: Path) -> tuple[dict[Path, ManifestRow], list[InputError]]:
    """Manifest CSV with columns file,url,outlet,published; `file` is relative to the manifest's folder."""
    rows: dict[Path, ManifestRow] = {}
    errors: list[InputError] = []
    name = str(path)
    try:
        handle = path.open(newline="", encoding="utf-8-sig")
    except OSError as exc:
        return rows, [InputError(name, "manifest", f"cannot read manifest ({exc.strerror or exc})")]
    with handle:
        reader = csv.DictReader(handle)
        if not reader.fieldnames or "file" not in reader.fieldnames:
            return rows, [InputError(name, "manifest", "manifest needs a header with a 'file' column")]
        for row in reader:
            line = reader.line_num
            file_value = (row.get("file") or "").strip()
            if not file_value:
                errors.append(InputError(name, "manifest", "row has no 'file' value", line))
                continue
            target = (path.parent / file_value).resolve()
            if not target.is_file():
                errors.append(InputError(name, "manifest", f"file {file_value!r} does not exist", line))
                continue
            rows[target] = ManifestRow(
                url=(row.get("url") or "").strip() or None,
                outlet=(row.get("outlet") or "").strip() or None,
                published=(row.get("published") or "").strip() or None,
            )
    return rows, errors


def _has_lone_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _json_article(obj: object, source_name: str, raw_line: bytes, line: int | None) -> RawArticle | InputError:
    if not isinstance(obj, dict):
        return InputError(source_name, "json", "expected a JSON object with 'text' or 'html'", line)
    text, html = obj.get("text"), obj.get("html")
    if not (isinstance(text, str) and text.strip()) and not (isinstance(html, str) and html.strip()):
        return InputError(source_name, "json", "object has neither a non-empty 'text' nor 'html' field", line)

    for key in JSON_FIELDS:
        value = obj.get(key)
        if isinstance(value, str) and ("\x00" in value or _has_lone_surrogate(value)):
            problem = "a NUL character" if "\x00" in value else "an unpaired surrogate escape"
            return InputError(source_name, "json", f"field {key!r} contains {problem}", line)

    def opt(key: str) -> str | None:
        value = obj.get(key)
        return str(value).strip() if value not in (None, "") else None

    given = opt("source_name")
    default_name = f"{source_name}:{line}" if line else source_name
    return RawArticle(
        source_name=given or default_name,
        raw_hash=_sha256(raw_line),
        text=text if isinstance(text, str) and text.strip() else None,
        html=html if isinstance(html, str) and html.strip() else None,
        url=opt("url"),
        title=opt("title"),
        published=opt("published"),
        outlet=opt("outlet"),
        line_number=line,
    )


def _read_json(data: str, raw: bytes, source_name: str, is_lines: bool) -> Iterator[RawArticle | InputError]:
    if not is_lines:
        try:
            parsed = json.loads(data)
        except json.JSONDecodeError as exc:
            yield InputError(source_name, "json", f"malformed JSON ({exc.msg} at line {exc.lineno})", exc.lineno)
            return
        items = parsed if isinstance(parsed, list) else [parsed]
        for index, obj in enumerate(items, start=1):
            line = index if isinstance(parsed, list) else None
            yield _json_article(obj, source_name, json.dumps(obj, sort_keys=True).encode(), line)
        return
    # JSON Lines are split on "\n" only: str.splitlines() would also split inside strings at U+2028/U+2029.
    for line_number, line in enumerate(data.split("\n"), start=1):
        line = line.rstrip("\r")
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(source_name, "json", f"malformed JSON line ({exc.msg})", line_number)
            continue
        yield _json_article(obj, source_name, line.encode(), line_number)


def read_file(path: Path, max_bytes: int, display_name: str | None = None,
              manifest: dict[Path, ManifestRow] | None = None) -> Iterator[RawArticle | InputError]:
    name = display_name or path.name
    data = _read_bytes(path, name, max_bytes)
    if isinstance(data, InputError):
        yield data
        return
    text = decode(data, name)
    if isinstance(text, InputError):
        yield text
        return
    suffix = path.suffix.lower()
    if suffix in JSON_SUFFIXES:
        stripped = text.lstrip()
        is_lines = suffix != ".json" or not stripped.startswith("[") and stripped.count("\n{") > 0
        yield from _read_json(text, data, name, is_lines)
        return
    meta = (manifest or {}).get(path.resolve())
    article = RawArticle(source_name=name, raw_hash=_sha256(data))
    if suffix in HTML_SUFFIXES:
        article.html = text
    else:
        article.text = text
    if meta:
        article.url, article.outlet, article.published = meta.url, meta.outlet, meta.published
    yield article


def _walk(directory: Path) -> Iterator[Path]:
    for root, dirs, files in os.walk(directory, onerror=None):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for file_name in sorted(files):
            path = Path(root) / file_name
            if path.suffix.lower() in ARTICLE_SUFFIXES and not file_name.startswith("."):
                yield path


def iter_inputs(
    paths: Iterable[str],
    *,
    manifest_path: Path | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: object = None,
) -> Iterator[RawArticle | InputError]:
    """Every article (or input error) under `paths`, in a stable order. "-" reads standard input."""
    manifest: dict[Path, ManifestRow] = {}
    if manifest_path is not None:
        manifest, errors = read_manifest(manifest_path)
        yield from errors
    paths = list(paths)
    if manifest and not paths:
        paths = [str(p) for p in manifest]
    seen: set[Path] = set()
    for raw_path in paths:
        if raw_path == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            data = stream.read()
            if isinstance(data, str):
                data = data.encode("utf-8")
            text = decode(data, "<stdin>")
            if isinstance(text, InputError):
                yield text
            elif text.lstrip().startswith("{"):
                yield from _read_json(text, data, "<stdin>", True)
            else:
                kind = "html" if text.lstrip()[:15].lower().startswith(("<!doctype", "<html")) else "text"
                yield RawArticle(source_name="<stdin>", raw_hash=_sha256(data), **{kind: text})
            continue
        path = Path(raw_path)
        if not path.exists():
            yield InputError(raw_path, "unreadable", "no such file or directory")
            continue
        if path.is_dir():
            if not os.access(path, os.R_OK | os.X_OK):
                yield InputError(raw_path, "unreadable", "permission denied; skipped")
                continue
            found = False
            for file_path in _walk(path):
                if file_path.resolve() in seen:
                    continue
                seen.add(file_path.resolve())
                found = True
                yield from read_file(file_path, max_bytes, str(file_path.relative_to(path)), manifest)
            if not found:
                yield InputError(raw_path, "empty_directory",
                                 "directory contains no articles (.txt, .html, .json, .jsonl)")
            continue
        if path.resolve() in seen:
            continue
        seen.add(path.resolve())
        yield from read_file(path, max_bytes, path.name, manifest)
