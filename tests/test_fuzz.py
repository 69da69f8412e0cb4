"""Property tests (Hypothesis) over the pure pipeline: clean_text, html_to_document and extract, plus an end-to-end
load into PostgreSQL.

Inputs: random Unicode of every category (surrogates included), very long lines, unbalanced and mixed quotation
marks, HTML with script/style/iframe/comments, right-to-left text mixed with English, zero-width characters,
NUL and other control characters, realistic sentences built from gazetteer names, reporting verbs and quotes, and a
fixed megabyte of one repeated sentence.

Properties: nothing raises; no call takes 10 s or more (a per-example hang guard: the call runs in this process
and SIGALRM aborts it at the limit); every extracted span is a valid non-empty range of the body and a statement's
quote is not blank; the values the database constrains (types, kinds, sides, confidences, date precisions) are
in range; clean_text leaves no NBSP, zero-width or control characters and keeps lines verbatim; script and style
content never reaches html_to_document's text. The database test checks the same on the stored rows with SQL.

The number of examples Hypothesis ran is printed at the end of the module ("hypothesis examples run: ...").
"""

from __future__ import annotations

import collections
import json
import shutil
import signal
import tempfile
import threading
import time
from pathlib import Path

import psycopg
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from loaders.clean import clean_text, normalise_unicode
from loaders.extract import extract
from loaders.gazetteer import load_gazetteer
from loaders.html import html_to_document
from loaders.model import ACTOR_TYPES, EVENT_TYPES, PRECISIONS, SIDES, STATEMENT_KINDS, Extraction, FuzzyDate

LIMIT_SECONDS = 10.0
EXAMPLES: collections.Counter[str] = collections.Counter()
DB_TOTALS: dict[str, int] = {}  # rows in the fuzzed database after the last end-to-end example (cumulative)
SLOW_SETTINGS = dict(deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                                           HealthCheck.filter_too_much])


# ------------------------------------------------------------------------------------------------ the hang guard
class HangError(AssertionError):
    pass


def guarded(fn, *args, limit: float = LIMIT_SECONDS, **kwargs):
    """Run fn in this process; fail if it takes `limit` seconds or more (SIGALRM interrupts a real hang)."""
    use_alarm = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    previous = None
    if use_alarm:
        def on_alarm(signum, frame):
            raise HangError(f"{getattr(fn, '__name__', fn)} still running after {limit:.0f} s")

        previous = signal.signal(signal.SIGALRM, on_alarm)
        signal.setitimer(signal.ITIMER_REAL, limit)
    started = time.perf_counter()
    try:
        result = fn(*args, **kwargs)
    finally:
        if use_alarm:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
    elapsed = time.perf_counter() - started
    assert elapsed < limit, f"{getattr(fn, '__name__', fn)} took {elapsed:.1f} s (limit {limit:.0f} s)"
    return result


@pytest.fixture(scope="module", autouse=True)
def _report_example_count(request):
    yield
    total = sum(n for name, n in EXAMPLES.items() if name != "extract_calls" and not name.startswith("fixed_"))
    detail = ", ".join(f"{name}={n}" for name, n in sorted(EXAMPLES.items()) if name != "extract_calls")
    line = (f"hypothesis examples run: {total}; extract() called on {EXAMPLES['extract_calls']} non-empty bodies "
            f"({detail}); rows checked in the database: {dict(DB_TOTALS) or 'none'}")
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    if reporter is None or capture is None:  # pragma: no cover
        print(line)
        return
    with capture.global_and_fixture_disabled():
        reporter.write_line("")
        reporter.write_line(line)


def count(name: str) -> None:
    EXAMPLES[name] += 1


# ---------------------------------------------------------------------------------------------------- checkers
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
FORBIDDEN_AFTER_CLEAN = set("\u00a0" + ZERO_WIDTH + "\x00") | {chr(c) for c in range(0x20) if chr(c) not in "\n\t"}


def check_span(body: str, start: int, end: int, what: str) -> None:
    assert isinstance(start, int) and isinstance(end, int), (what, start, end)
    assert 0 <= start < end <= len(body), f"{what}: span [{start}, {end}) outside a body of {len(body)} chars"


def check_extraction(body: str, result: Extraction) -> None:
    for ref in result.actors.values():
        assert ref.name and ref.actor_type in ACTOR_TYPES, ref
        assert ref.side is None or ref.side in SIDES, ref
    for m in result.mentions:
        check_span(body, m.char_start, m.char_end, f"mention {m}")
        assert body[m.char_start:m.char_end] == m.surface_form, m
    for s in result.statements:
        check_span(body, s.char_start, s.char_end, f"statement quote {s}")
        check_span(body, s.evidence_start, s.evidence_end, f"statement evidence {s}")
        assert body[s.char_start:s.char_end].strip(), f"blank quote: {s}"
        assert s.kind in STATEMENT_KINDS, s
        assert 0 <= s.confidence <= 1, s
        assert s.said is None or s.said.precision in PRECISIONS, s
        assert s.speaker_name or s.speaker_description or s.is_anonymous, s
    for e in result.events:
        check_span(body, e.evidence_start, e.evidence_end, f"event {e}")
        assert e.event_type in EVENT_TYPES and 0 <= e.confidence <= 1, e
        assert e.occurred is None or e.occurred.precision in PRECISIONS, e
    for g in result.allegations:
        check_span(body, g.evidence_start, g.evidence_end, f"allegation {g}")
        assert g.supplier_name and 0 <= g.confidence <= 1, g
    for f in result.support:
        check_span(body, f.evidence_start, f.evidence_end, f"support {f}")
        assert f.supporter_name and f.supported_name and 0 <= f.confidence <= 1, f


def check_clean(raw: str):
    cleaned = guarded(clean_text, raw)
    for part in (cleaned.body, cleaned.title or "", cleaned.standfirst or ""):
        bad = set(part) & FORBIDDEN_AFTER_CLEAN
        assert not bad, f"clean_text left {sorted(map(hex, map(ord, bad)))}"
    # Kept lines are copied verbatim from the (normalised) input.
    lines = {line.strip() for line in normalise_unicode(raw).split("\n")}
    for paragraph in cleaned.body.split("\n\n"):
        if paragraph:
            assert paragraph in lines, paragraph[:200]
    return cleaned


HEADLINE = "Libya talks in Tripoli resume\n\n"
PUBLISHED = FuzzyDate(__import__("datetime").date(2020, 1, 19), "day")


def check_pipeline(raw: str, published: FuzzyDate | None = PUBLISHED, headline: bool = False) -> Extraction | None:
    """clean_text -> extract, the way prepare() runs them. With `headline`, a headline line goes first, so that a
    one-line input becomes the body instead of being taken for the headline."""
    body = check_clean(HEADLINE + raw if headline else raw).body
    if not body.strip():
        return None
    count("extract_calls")
    result = guarded(extract, body, published)
    check_extraction(body, result)
    return result


# -------------------------------------------------------------------------------------------------- strategies
def _gazetteer_names() -> list[str]:
    names = set()
    for entry in load_gazetteer().entries.values():
        names.add(entry.name)
        names.update(list(entry.aliases)[:3])
    return sorted(n for n in names if n)


GAZETTEER_NAMES = _gazetteer_names()
SPEAKERS = ["Haftar", "Khalifa Haftar", "Hifter", "the UN envoy", "Egypt", "Turkey", "Fayez al-Sarraj", "Serraj",
            "the Government of National Accord", "the GNA", "the LNA", "Wagner Group", "the United Arab Emirates",
            "Russia", "Ghassan Salame", "Stephanie Williams", "Erdogan", "a senior diplomat", "officials", "He",
            "She", "They", "the spokesman", "Gaddafi", "Kadhafi", "the UN Security Council", "Moscow", "Ankara"]
VERBS = ["said", "told Reuters", "accused", "warned", "denied", "urged", "claimed", "told reporters",
         "said that", "insisted", "added", "according to", "stressed", "announced", "backs", "supports",
         "supplied drones to", "sent mercenaries to", "met", "attacked", "captured", "called"]
OBJECTS = ["Haftar", "the GNA", "Tripoli", "the LNA", "Turkey of sending drones to Tripoli",
           "the UAE of supplying weapons to Haftar", "the ceasefire", "Sirte", "Egyptian-backed forces",
           "the Turkish-backed government", "on Monday", "last week", "in Berlin", "on 12 January",
           "Russia of deploying Wagner fighters", ""]
QUOTE_MARKS = ['"', "“", "”", "‘", "’", "«", "»", "'", "„", "‹", "›", "``", "''"]
QUOTES = ['"We will not stop,"', "“The embargo is being violated,”", "‘They sent drones,’", "«No ceasefire»",
          '"unbalanced', "“mixed\"", "”backwards“", "‘nested “quote” here’", "«Turkey is arming Tripoli,» ",
          '"', "“", "”", "“”", '""', "“ ”", "'single'", "“We are ready” and “we will win”",
          "“A quote\n\nacross paragraphs”", "“ ", "« Haftar said “no” »"]
RTL_WORDS = ["ليبيا", "طرابلس", "حفتر", "السراج", "الأمم المتحدة", "قال", "«الجيش الوطني الليبي»", "٢٠٢٠",
             "שלום", "לוב", "אמר", "\u200fRLM", "\u200eLRM", "\u202bembedded\u202c", "\u2067isolate\u2069",
             "ـــ", "مصر"]
CONTROL = st.characters(categories=["Cc", "Cf", "Zl", "Zp", "Zs"])
ANY_CHAR = st.characters(exclude_categories=())  # every category, lone surrogates included


@st.composite
def sentences(draw) -> str:
    speaker = draw(st.sampled_from(SPEAKERS + GAZETTEER_NAMES))
    verb = draw(st.sampled_from(VERBS))
    obj = draw(st.sampled_from(OBJECTS + GAZETTEER_NAMES))
    quote = draw(st.sampled_from(QUOTES))
    shape = draw(st.integers(0, 7))
    if shape == 0:
        return f"{quote} {speaker} {verb}."
    if shape == 1:
        return f"{speaker} {verb} {quote}"
    if shape == 2:
        return f"{speaker} {verb} {obj}."
    if shape == 3:
        return f"{quote[:len(quote) // 2]} {speaker} {verb}, {quote[len(quote) // 2:]}"
    if shape == 4:
        return f"{speaker}, {draw(st.sampled_from(GAZETTEER_NAMES))}-backed, {verb} {obj} {quote}."
    if shape == 5:
        return f"According to {speaker}, {obj} {verb} {draw(st.sampled_from(GAZETTEER_NAMES))}."
    if shape == 6:
        return f"{speaker} is backed by {obj} and {draw(st.sampled_from(SPEAKERS))}, {verb} {quote}"
    return " ".join(draw(st.lists(st.sampled_from(SPEAKERS + VERBS + OBJECTS + QUOTE_MARKS), max_size=25)))


@st.composite
def articles(draw, noise: bool = True) -> str:
    """A headline and paragraphs of template sentences, optionally with RTL words, zero-width and control noise."""
    paragraphs = []
    for _ in range(draw(st.integers(1, 6))):
        paragraphs.append(" ".join(draw(st.lists(sentences(), min_size=1, max_size=5))))
    text = HEADLINE + "\n\n".join(paragraphs)
    if noise:
        inserts = draw(st.lists(st.tuples(
            st.integers(0, len(text)),
            st.one_of(st.sampled_from(RTL_WORDS), st.sampled_from(list(ZERO_WIDTH + "\u00a0")),
                      st.text(CONTROL, max_size=3), st.sampled_from(QUOTE_MARKS))), max_size=12))
        for position, piece in sorted(inserts, reverse=True):
            text = text[:position] + piece + text[position:]
    return text


def long_lines() -> st.SearchStrategy[str]:
    words = st.sampled_from(SPEAKERS + VERBS + OBJECTS + QUOTE_MARKS + RTL_WORDS + [",", ".", "Libya"])
    return st.lists(words, min_size=500, max_size=4000).map(" ".join)


def quote_soup() -> st.SearchStrategy[str]:
    pieces = st.sampled_from(QUOTE_MARKS + SPEAKERS[:8] + ["said", "told", ",", ".", " ", "\n", "\n\n", "word"])
    return st.lists(pieces, max_size=200).map("".join)


def rtl_mixed() -> st.SearchStrategy[str]:
    pieces = st.sampled_from(RTL_WORDS + SPEAKERS + VERBS + QUOTE_MARKS + [".", "\n\n"])
    return st.lists(pieces, min_size=1, max_size=120).map(" ".join)


def zero_width_text() -> st.SearchStrategy[str]:
    return st.lists(st.one_of(st.sampled_from(list(ZERO_WIDTH + "\u00a0\u202f\u2007")), sentences()),
                    max_size=40).map("".join)


def control_text() -> st.SearchStrategy[str]:
    return st.lists(st.one_of(st.text(CONTROL, max_size=4), st.just("\x00"), sentences()), max_size=30).map("".join)


SCRIPT_SECRET = "zqscriptsecretzq"
STYLE_SECRET = "zqstylesecretzq"
IFRAME_SECRET = "zqiframesecretzq"
COMMENT_SECRET = "zqcommentsecretzq"


@st.composite
def html_pages(draw) -> str:
    body = []
    for _ in range(draw(st.integers(1, 14))):
        kind = draw(st.sampled_from(["p", "p", "p", "script", "style", "iframe", "comment", "div", "unclosed_p",
                                     "SCRIPT", "script_attr", "style_in_p", "noise"]))
        text = draw(sentences())
        text = text.replace("<", "&lt;").replace(">", "&gt;") if kind != "noise" else text
        if kind == "p":
            body.append(f"<p>{text}</p>")
        elif kind == "div":
            body.append(f"<div class='content'>{text}<br>{text}</div>")
        elif kind == "unclosed_p":
            body.append(f"<p>{text}")
        elif kind == "script":
            body.append(f"<script>var s = '{SCRIPT_SECRET}'; document.write('<p>{SCRIPT_SECRET}</p>');</script>")
        elif kind == "SCRIPT":
            body.append(f"<SCRIPT type='text/javascript'>// <![CDATA[\n{SCRIPT_SECRET}\n// ]]></SCRIPT>")
        elif kind == "script_attr":
            body.append(f"<script type='application/ld+json'>{{\"a\": \"{SCRIPT_SECRET}</p>\"}}</script>")
        elif kind == "style":
            body.append(f"<style>.x::after {{ content: '{STYLE_SECRET}'; }}</style>")
        elif kind == "style_in_p":
            body.append(f"<p>{text}<style>p {{ font: {STYLE_SECRET}; }}</style> and more text here.</p>")
        elif kind == "iframe":
            body.append(f"<iframe src='https://example.org/embed'>{IFRAME_SECRET}</iframe>")
        elif kind == "comment":
            body.append(f"<!-- {COMMENT_SECRET} <p>{COMMENT_SECRET}</p> -->")
        else:
            # Complete constructs only: a dangling "<p" or "<![CDATA[" would turn the next <script> into text a
            # browser shows too (the tag name or bogus comment swallows "<script"), so it would be no leak.
            body.append(draw(st.sampled_from([">", "</p>", "-->", "<b>", "</div></div>", "&amp", "&#0;", "&#xD800;",
                                              "<?xml?>", "<html>", "</body>", "<!---->", "</script>", "</style>",
                                              "<p>", "<<", "< p>"])))
    head = draw(st.sampled_from(["", "<head><title>Libya</title></head>", "<head><script>var a=1;</script></head>",
                                 "<head><style>p{}</style><noscript>x</noscript></head>",
                                 "<head><meta property='og:site_name' content='Outlet'></head>"]))
    page = f"<html>{head}<body><article>{''.join(body)}</article></body></html>"
    if draw(st.booleans()):
        page = page.replace("</html>", "").replace("</body>", "")  # unbalanced document
    page += draw(st.sampled_from(["", "<p", "<", "<!--", "<script>", "<![CDATA["]))  # dangling tail
    return page


# ------------------------------------------------------------------------------------------------------- tests
@settings(max_examples=300, **SLOW_SETTINGS)
@given(raw=st.text(ANY_CHAR, max_size=2000))
def test_clean_text_any_unicode(raw):
    count("clean_any_unicode")
    check_clean(raw)


@settings(max_examples=80, **SLOW_SETTINGS)
@given(raw=st.text(ANY_CHAR, max_size=1500))
def test_extract_any_unicode(raw):
    count("extract_any_unicode")
    check_pipeline(raw, headline=True)


@settings(max_examples=150, **SLOW_SETTINGS)
@given(raw=articles(), published=st.sampled_from([None, PUBLISHED, FuzzyDate(PUBLISHED.value.replace(day=1),
                                                                              "month")]))
def test_extract_template_articles(raw, published):
    count("extract_templates")
    check_pipeline(raw, published)


@settings(max_examples=60, **SLOW_SETTINGS)
@given(raw=quote_soup())
def test_extract_unbalanced_and_mixed_quotes(raw):
    count("extract_quotes")
    check_pipeline(raw, headline=True)


@settings(max_examples=60, **SLOW_SETTINGS)
@given(raw=rtl_mixed())
def test_extract_right_to_left_mixed_with_english(raw):
    count("extract_rtl")
    check_pipeline(raw, headline=True)


@settings(max_examples=60, **SLOW_SETTINGS)
@given(raw=zero_width_text())
def test_zero_width_and_exotic_spaces_are_removed(raw):
    count("extract_zero_width")
    check_pipeline(raw, headline=True)


@settings(max_examples=60, **SLOW_SETTINGS)
@given(raw=control_text())
def test_nul_and_control_characters(raw):
    count("extract_control")
    check_pipeline(raw, headline=True)


@pytest.mark.slow
@settings(max_examples=25, **SLOW_SETTINGS)
@given(raw=long_lines())
def test_very_long_lines(raw):
    count("extract_long_lines")
    check_pipeline(raw, headline=True)


@settings(max_examples=80, **SLOW_SETTINGS)
@given(page=html_pages())
def test_html_never_leaks_script_or_style(page):
    count("html_pages")
    document = guarded(html_to_document, page, url="https://example.org/libya")
    for secret in (SCRIPT_SECRET, STYLE_SECRET, IFRAME_SECRET, COMMENT_SECRET):
        assert secret not in document.text, (secret, document.text[:500])
    assert SCRIPT_SECRET not in (document.title or "") and STYLE_SECRET not in (document.title or "")
    check_pipeline(f"{document.title}\n\n{document.text}" if document.title else document.text)


# Regression: the fallback once dropped <head> while iterating the tree, which ended the walk early.
@pytest.mark.parametrize("page", [
    "<html><head><script>A</script></head><body><script>SECRET</script></body></html>",
    "<html><head><style>A</style></head><body><div><iframe>SECRET</iframe></div></body></html>",
])
def test_fallback_text_with_script_in_head(page):
    assert "SECRET" not in html_to_document(page).text


@settings(max_examples=80, **SLOW_SETTINGS)
@given(page=st.one_of(st.text(ANY_CHAR, max_size=800),
                      st.lists(st.sampled_from(["<p>", "</p>", "<script>", "</script>", "<style>", "<!--", "-->",
                                                "<iframe>", "\x00", "\ud800", "Haftar said “x”", "<", "&", ">"]),
                               max_size=60).map("".join)))
def test_html_to_document_any_input(page):
    count("html_any_input")
    document = guarded(html_to_document, page)
    assert isinstance(document.text, str)


# --- a fixed megabyte of one repeated sentence ----------------------------------------------------------------
SENTENCE = "The UN envoy said “Haftar must stop the offensive on Tripoli” after talks with Egypt on Monday. "
MEGABYTE = SENTENCE * (1_000_000 // len(SENTENCE))


@pytest.mark.slow
def test_megabyte_of_one_sentence_clean_and_html():
    count("fixed_megabyte")
    assert len(MEGABYTE) >= 990_000
    one_line = check_clean(MEGABYTE)
    assert len(one_line.body) > 900_000
    many_lines = check_clean(MEGABYTE.replace(". ", ".\n"))  # repeated lines: every copy but one is dropped
    assert many_lines.body.count(SENTENCE.strip()) == 1
    for page in (f"<html><body><article><p>{MEGABYTE}</p></article></body></html>",
                 "<html><body><article>" + MEGABYTE.replace(". ", ".</p><p>") + "</article></body></html>"):
        document = guarded(html_to_document, page)
        assert "Haftar" in document.text


@pytest.mark.slow
def test_megabyte_of_one_sentence_extract():
    """extract() reads only the head of an oversized body (MAX_EXTRACT_CHARS), so a megabyte cannot stall a load."""
    count("fixed_megabyte")
    body = clean_text(MEGABYTE).body
    result = guarded(extract, body, PUBLISHED)
    check_extraction(body, result)


@pytest.mark.slow
def test_hundred_kilobytes_of_one_sentence_extract():
    """A tenth of the megabyte must pass the hang guard comfortably."""
    count("fixed_100k")
    body = clean_text(MEGABYTE[:100_000]).body
    result = guarded(extract, body, PUBLISHED, limit=LIMIT_SECONDS / 2)
    check_extraction(body, result)


# --- end to end: random articles through load_paths into PostgreSQL ---------------------------------------------
SPAN_VIOLATIONS = """
    select 'mention', m.actor_mention_id from actor_mentions m join articles a using (article_id)
    where not (m.char_start >= 0 and m.char_start < m.char_end and m.char_end <= length(a.body_text))
       or substr(a.body_text, m.char_start + 1, m.char_end - m.char_start) is distinct from m.surface_form
    union all
    select 'statement', s.statement_id from statements s join articles a using (article_id)
    where not (s.char_start >= 0 and s.char_start < s.char_end and s.char_end <= length(a.body_text))
       or not (s.evidence_start >= 0 and s.evidence_start < s.evidence_end and s.evidence_end <= length(a.body_text))
       or substr(a.body_text, s.char_start + 1, s.char_end - s.char_start) is distinct from s.quote_text
       or substr(a.body_text, s.evidence_start + 1, s.evidence_end - s.evidence_start) is distinct from s.evidence_text
       or btrim(s.quote_text, E' \\n\\t') = ''
    union all
    select 'event', e.event_id from events e join articles a using (article_id)
    where not (e.char_start >= 0 and e.char_start < e.char_end and e.char_end <= length(a.body_text))
       or substr(a.body_text, e.char_start + 1, e.char_end - e.char_start) is distinct from e.evidence_text
    union all
    select 'allegation', g.allegation_id from embargo_allegations g join articles a using (article_id)
    where not (g.char_start >= 0 and g.char_start < g.char_end and g.char_end <= length(a.body_text))
       or substr(a.body_text, g.char_start + 1, g.char_end - g.char_start) is distinct from g.evidence_text
    union all
    select 'support', f.support_id from foreign_support f join articles a using (article_id)
    where not (f.char_start >= 0 and f.char_start < f.char_end and f.char_end <= length(a.body_text))
       or substr(a.body_text, f.char_start + 1, f.char_end - f.char_start) is distinct from f.evidence_text
"""

@st.composite
def input_files(draw) -> tuple[str, str]:
    """(suffix, file content) for one article: plain text, HTML or a JSON Lines record (NUL-free: files with NUL
    bytes are refused as binary before any parsing)."""
    text = draw(articles()).replace("\x00", "")
    kind = draw(st.sampled_from(["txt", "txt", "html", "jsonl"]))
    if kind == "html":
        paragraphs = "".join(f"<p>{p}</p>" for p in text.replace("<", "&lt;").split("\n\n"))
        return ".html", f"<html><head><script>{SCRIPT_SECRET}</script></head><body><article>{paragraphs}" \
                        f"</article></body></html>"
    if kind == "jsonl":
        record = {"text": text, "title": draw(st.sampled_from(["", "Libya “talks”", "«ليبيا»"])),
                  "published": draw(st.sampled_from(["", "2020-01-19", "not a date"]))}
        return ".jsonl", json.dumps(record, ensure_ascii=draw(st.booleans())) + "\n"
    return ".txt", text


@pytest.mark.slow
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
@given(files=st.lists(input_files(), min_size=1, max_size=4))
def test_loaded_rows_point_at_verbatim_spans(db_url, files):
    from loaders.load import load_paths

    count("db_end_to_end")
    directory = Path(tempfile.mkdtemp(prefix="lcdb-fuzz-"))
    try:
        for index, (suffix, content) in enumerate(files):
            (directory / f"{index:02d}{suffix}").write_text(content, encoding="utf-8")
        summary = guarded(load_paths, [str(directory)], workers=1, limit=LIMIT_SECONDS * 3)
    finally:
        shutil.rmtree(directory, ignore_errors=True)
    errors = summary.to_json()["errors"]
    assert all("no article text left" in (e["message"] or "") for e in errors), errors
    with psycopg.connect(db_url) as conn:
        bad = conn.execute(SPAN_VIOLATIONS).fetchall()
        assert bad == [], bad
        leaked = conn.execute("select count(*) from articles where body_text like %s", (f"%{SCRIPT_SECRET}%",))
        assert leaked.fetchone()[0] == 0
        DB_TOTALS.update(zip(
            ("articles", "mentions", "statements", "events", "allegations", "support"),
            conn.execute("select (select count(*) from articles), (select count(*) from actor_mentions), "
                         "(select count(*) from statements), (select count(*) from events), "
                         "(select count(*) from embargo_allegations), (select count(*) from foreign_support)"
                         ).fetchone(), strict=True))


@pytest.mark.slow
def test_end_to_end_fuzzing_stored_extracted_rows():
    """The database property above is only meaningful if the random articles produced rows to check."""
    if not EXAMPLES["db_end_to_end"]:
        pytest.skip("run together with test_loaded_rows_point_at_verbatim_spans")
    assert DB_TOTALS["articles"] > 0 and DB_TOTALS["mentions"] > 0, DB_TOTALS
