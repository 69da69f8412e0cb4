"""Reading inputs: formats, decoding and the bad-input cases, without a database."""

from __future__ import annotations

import json
import os

import pytest

from loaders.read import InputError, RawArticle, decode, iter_inputs

ARTICLE = "Libya talks\n\nThe UN envoy said on Monday that talks in Tripoli would resume.\n"


def _collect(paths, **kwargs):
    items = list(iter_inputs([str(p) for p in paths], **kwargs))
    return [i for i in items if isinstance(i, RawArticle)], [i for i in items if isinstance(i, InputError)]


@pytest.mark.parametrize(
    ("data", "kind", "fragment"),
    [
        (b"", "empty", "empty file"),
        (b"   \n\n  ", "empty", "empty file"),
        (b"abc\x00def", "binary", "NUL byte at offset 3"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary", "NUL byte"),
        (bytes(range(128, 256)) * 4, "encoding", "not UTF-8 (byte 0x80 at offset 0)"),
    ],
)
def test_decode_refuses_bad_bytes(data, kind, fragment):
    result = decode(data, "x.txt")
    assert isinstance(result, InputError)
    assert result.error_kind == kind
    assert fragment in result.message


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("Tripoli’s “government”".encode(), "Tripoli’s “government”"),
        ("\ufeffBOM text".encode(), "BOM text"),
        ("Le général Haftar a déclaré que la guerre continuerait à Tripoli et à Benghazi.".encode("cp1252"),
         "Le général Haftar a déclaré que la guerre continuerait à Tripoli et à Benghazi."),
    ],
)
def test_decode_accepts_text(data, expected):
    assert decode(data, "x.txt") == expected


def test_formats_and_directories(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "sub" / "b.html").write_text("<html><body><p>hi</p></body></html>")
    (tmp_path / "c.jsonl").write_text(
        json.dumps({"text": ARTICLE, "url": "https://x.org/1", "source_name": "one"}) + "\n\n"
        + json.dumps({"html": "<p>two</p>", "published": "2020-05-01"}) + "\n"
    )
    (tmp_path / "d.json").write_text(json.dumps([{"text": ARTICLE}, {"text": ARTICLE + "x"}]))
    (tmp_path / "ignored.png").write_bytes(b"\x89PNG")
    articles, errors = _collect([tmp_path])
    assert errors == []
    names = [a.source_name for a in articles]
    assert names == ["a.txt", "one", "c.jsonl:3", "d.json:1", "d.json:2", "sub/b.html"]
    by_name = {a.source_name: a for a in articles}
    assert by_name["one"].url == "https://x.org/1"
    assert by_name["c.jsonl:3"].html == "<p>two</p>" and by_name["c.jsonl:3"].published == "2020-05-01"


def test_malformed_json_line_names_the_line_and_goes_on(tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_text(json.dumps({"text": ARTICLE}) + "\n{not json\n" + json.dumps({"title": "no text"}) + "\n"
                    + json.dumps({"text": ARTICLE + " more"}) + "\n")
    articles, errors = _collect([path])
    assert [a.line_number for a in articles] == [1, 4]
    assert [(e.line_number, e.error_kind) for e in errors] == [(2, "json"), (3, "json")]
    assert str(errors[0]).startswith("batch.jsonl:2: malformed JSON line")
    assert "neither a non-empty 'text' nor 'html'" in str(errors[1])


def test_size_limit(tmp_path):
    (tmp_path / "big.txt").write_text("x" * 2000)
    _, errors = _collect([tmp_path / "big.txt"], max_bytes=1000)
    assert errors[0].error_kind == "too_large"
    assert "2,000 bytes exceeds the 1,000-byte limit" in errors[0].message


def test_missing_path_and_empty_directory(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "empty" / "notes.png").write_bytes(b"x")
    _, errors = _collect([tmp_path / "nope.txt", tmp_path / "empty"])
    assert [e.error_kind for e in errors] == ["unreadable", "empty_directory"]
    assert "no such file or directory" in errors[0].message
    assert "contains no articles" in errors[1].message


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read files whatever their mode")
def test_unreadable_file(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text(ARTICLE)
    path.chmod(0)
    _, errors = _collect([path])
    assert errors[0].error_kind == "unreadable"


def test_manifest_supplies_metadata_and_reports_missing_files(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    manifest = tmp_path / "manifest.csv"
    manifest.write_text("file,url,outlet,published\na.txt,https://www.libyaherald.com/x,Libya Herald,2020-01-02\n"
                        "missing.txt,,,\n")
    articles, errors = _collect([tmp_path / "a.txt"], manifest_path=manifest)
    assert articles[0].url == "https://www.libyaherald.com/x"
    assert articles[0].outlet == "Libya Herald" and articles[0].published == "2020-01-02"
    assert len(errors) == 1 and errors[0].line_number == 3 and "missing.txt" in errors[0].message


def test_stdin_text_and_jsonl():
    import io

    articles, errors = _collect(["-"], stdin=io.BytesIO(ARTICLE.encode()))
    assert errors == [] and articles[0].source_name == "<stdin>" and articles[0].text == ARTICLE
    lines = (json.dumps({"text": ARTICLE}) + "\n" + json.dumps({"text": ARTICLE + "!"})).encode()
    articles, _ = _collect(["-"], stdin=io.BytesIO(lines))
    assert [a.line_number for a in articles] == [1, 2]


def test_raw_hash_is_stable_and_content_sensitive(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "b.txt").write_text(ARTICLE)
    (tmp_path / "c.txt").write_text(ARTICLE + "x")
    articles, _ = _collect([tmp_path])
    hashes = [a.raw_hash for a in articles]
    assert hashes[0] == hashes[1] != hashes[2]


def test_unreadable_entry_inside_a_directory_is_reported_and_the_rest_loads(tmp_path):
    (tmp_path / "good.txt").write_text(ARTICLE)
    (tmp_path / "broken.txt").symlink_to(tmp_path / "gone.txt")  # dangling link: listed, but cannot be read
    articles, errors = _collect([tmp_path])
    assert [a.source_name for a in articles] == ["good.txt"]
    assert errors[0].source_name == "broken.txt" and errors[0].error_kind == "unreadable"
    assert "cannot read" in errors[0].message


def test_jsonl_lines_split_on_newline_only(tmp_path):
    """U+2029 inside a JSON string is text, not a line break."""
    path = tmp_path / "odd.jsonl"
    path.write_text(json.dumps({"text": "Libya\u2029talks in Tripoli resume"}, ensure_ascii=False) + "\r\n"
                    + json.dumps({"text": "Second"}) + "\n", encoding="utf-8")
    articles, errors = _collect([path])
    assert errors == [] and [a.line_number for a in articles] == [1, 2]
    assert "\u2029" in articles[0].text
