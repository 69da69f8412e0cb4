"""loaders.evaluate: gold loading and validation, matching rules, arithmetic and reports (pure Python, no database)."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from loaders.evaluate import (
    Counts,
    EvaluationError,
    GoldActor,
    GoldAllegation,
    GoldArticle,
    GoldEvent,
    GoldStatement,
    GoldSupport,
    PredictedActor,
    PredictedAllegation,
    PredictedArticle,
    PredictedEvent,
    PredictedStatement,
    PredictedSupport,
    content_words,
    dates_match,
    format_text,
    load_gold,
    parse_gold_date,
    predictions_from_pipeline,
    quote_overlap,
    score,
    to_json,
)
from loaders.gazetteer import parse_gazetteer
from loaders.model import FuzzyDate

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples" / "articles"

GAZETTEER = parse_gazetteer(
    """
version: test
actors:
  - {name: Khalifa Haftar, type: person, country: Libya, side: east, affiliation: Libyan National Army,
     aliases: [Haftar]}
  - {name: Fayez al-Sarraj, type: person, country: Libya, side: west, affiliation: Government of National Accord,
     aliases: [Sarraj, Serraj]}
  - {name: Libyan National Army, type: armed_group, side: east, aliases: [LNA]}
  - {name: Government of National Accord, type: government, side: west, aliases: [GNA]}
  - {name: Mike Pompeo, type: person, country: United States, side: foreign, affiliation: State Department}
  - {name: State Department, type: government, country: United States, aliases: [United States Department of State]}
  - {name: Russia, type: country}
  - {name: Egypt, type: country}
  - {name: Turkey, type: country}
""",
    "test-gazetteer",
)

BODY = (
    "Mike Pompeo said the United States was willing to work alongside Russia. "
    "“We want to work with the Russians to get to the negotiating table,” Pompeo said. "
    "Haftar is supported by Russia and Egypt, while the government is backed by Turkey. "
    "Egypt was accused of breaching the arms embargo to supply Haftar’s troops with weapons. "
    "Haftar started an offensive to control Tripoli in April. "
    "“I think there are a range of views in Washington,” a senior UN diplomat said."
)


def span_of(text: str, body: str = BODY) -> tuple[int, int]:
    start = body.index(text)
    return start, start + len(text)


def gold_article(**sections) -> GoldArticle:
    return GoldArticle(path=Path("g.yaml"), article="a.txt", title="T", **sections)


def predicted(**sections) -> PredictedArticle:
    return PredictedArticle(source_name="a.txt", body=BODY, title="T", **sections)


def run(gold: GoldArticle, pred: PredictedArticle | None):
    return score([gold], {"a.txt": pred} if pred else {}, gazetteer=GAZETTEER)


def counts(evaluation, table: str) -> tuple[int, int, int]:
    c = evaluation.tables[table]
    return c.tp, c.fp, c.fn


def stmt(text: str, speaker: str | None = "Mike Pompeo", anonymous: bool = False, kind: str = "direct",
         located: bool = True, said: FuzzyDate | None = None) -> PredictedStatement:
    start, end = span_of(text) if located else (None, None)
    return PredictedStatement(speaker_name=speaker, is_anonymous=anonymous, kind=kind, quote_text=text,
                              char_start=start, char_end=end, said=said)


# ---------------------------------------------------------------------------------------------------------------
# Arithmetic


@pytest.mark.parametrize(
    ("tp", "fp", "fn", "p", "r", "f1"),
    [
        (0, 0, 0, 0.0, 0.0, 0.0),
        (0, 3, 0, 0.0, 0.0, 0.0),
        (0, 0, 4, 0.0, 0.0, 0.0),
        (5, 0, 0, 1.0, 1.0, 1.0),
        (3, 1, 2, 0.75, 0.6, 2 * 0.75 * 0.6 / 1.35),
        (1, 1, 1, 0.5, 0.5, 0.5),
    ],
)
def test_precision_recall_f1(tp, fp, fn, p, r, f1):
    c = Counts(tp, fp, fn)
    assert c.precision == pytest.approx(p)
    assert c.recall == pytest.approx(r)
    assert c.f1 == pytest.approx(f1)


def test_micro_average_sums_counts_over_articles():
    gold_a = GoldArticle(path=Path("a.yaml"), article="a.txt", actors=[GoldActor("Russia", "country"),
                                                                       GoldActor("Egypt", "country")])
    gold_b = GoldArticle(path=Path("b.yaml"), article="b.txt", actors=[GoldActor("Turkey", "country")])
    preds = {
        "a.txt": PredictedArticle("a.txt", actors=[PredictedActor("Russia"), PredictedActor("France")]),
        "b.txt": PredictedArticle("b.txt", actors=[PredictedActor("Turkey")]),
    }
    evaluation = score([gold_a, gold_b], preds, gazetteer=GAZETTEER)
    assert counts(evaluation, "actors") == (2, 1, 1)
    assert evaluation.tables["actors"].precision == pytest.approx(2 / 3)
    assert evaluation.tables["actors"].recall == pytest.approx(2 / 3)


# ---------------------------------------------------------------------------------------------------------------
# Dates


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (None, None),
        (dt.date(2019, 12, 11), FuzzyDate(dt.date(2019, 12, 11), "day")),
        ("2019-12-11", FuzzyDate(dt.date(2019, 12, 11), "day")),
        ("2019-12", FuzzyDate(dt.date(2019, 12, 1), "month")),
        (2019, FuzzyDate(dt.date(2019, 1, 1), "year")),
        ("2019", FuzzyDate(dt.date(2019, 1, 1), "year")),
    ],
)
def test_parse_gold_date(raw, expected):
    assert parse_gold_date(raw) == expected


@pytest.mark.parametrize("raw", ["yesterday", "2019-13", "2019-02-30", True, [2019]])
def test_parse_gold_date_rejects(raw):
    with pytest.raises(ValueError):
        parse_gold_date(raw)


D = FuzzyDate


@pytest.mark.parametrize(
    ("gold", "pred", "ok"),
    [
        (None, None, True),
        (None, D(dt.date(2019, 12, 11), "day"), False),
        (D(dt.date(2019, 12, 11), "day"), None, False),
        (D(dt.date(2019, 12, 11), "day"), D(dt.date(2019, 12, 11), "day"), True),
        (D(dt.date(2019, 12, 11), "day"), D(dt.date(2019, 12, 10), "day"), False),
        (D(dt.date(2019, 12, 1), "month"), D(dt.date(2019, 12, 11), "day"), True),  # at gold precision
        (D(dt.date(2019, 12, 1), "month"), D(dt.date(2019, 11, 30), "day"), False),
        (D(dt.date(2019, 12, 1), "month"), D(dt.date(2019, 1, 1), "year"), False),  # coarser than gold
        (D(dt.date(2019, 1, 1), "year"), D(dt.date(2019, 7, 1), "month"), True),
        (D(dt.date(2019, 1, 1), "year"), D(dt.date(2020, 1, 1), "year"), False),
    ],
)
def test_dates_match_at_gold_precision(gold, pred, ok):
    assert dates_match(gold, pred) is ok


# ---------------------------------------------------------------------------------------------------------------
# Actors


def test_actor_names_match_canonical_also_forms_and_aliases_one_to_one():
    gold = gold_article(actors=[
        GoldActor("Khalifa Haftar", "person", ("Haftar",)),
        GoldActor("United Nations", "international_org", ("U.N.",)),
        GoldActor("Tobruk-based government", "government"),
        GoldActor("Egypt", "country"),
    ])
    pred = predicted(actors=[
        PredictedActor("Khalifa Haftar"),
        PredictedActor("haftar"),  # a second name for the same gold actor: a false hit
        PredictedActor("UN"),  # an `also` form, folded (U.N. == UN)
        PredictedActor("House of Representatives", ("Tobruk-based government",)),  # gold name is a known alias
        PredictedActor("France"),
    ])
    evaluation = run(gold, pred)
    assert counts(evaluation, "actors") == (3, 2, 1)
    article = evaluation.articles[0].tables["actors"]
    assert article.misses == ["Egypt"]
    assert sorted(article.false_hits) == ["France", "haftar"]


# ---------------------------------------------------------------------------------------------------------------
# Statements


QUOTE = "We want to work with the Russians to get to the negotiating table"


@pytest.mark.parametrize(
    ("gold_quote", "pred_text", "pred_span", "matches"),
    [
        (QUOTE, QUOTE, None, True),  # equal
        ("work with the Russians", QUOTE, None, True),  # gold is a substring of the prediction
        (QUOTE, "to work with the Russians to get to the", None, True),  # prediction inside gold, >= 50%
        (QUOTE, "the negotiating table", None, False),  # prediction inside gold, < 50%
        ("“We want to work”", '"we want to work"', None, True),  # curly quotes and case folded
        (QUOTE, "something else entirely", span_of(QUOTE), True),  # fallback: located spans identical
        # fallback: spans overlap by >= 50% of the shorter one, then by less
        (QUOTE, "(differs after cleaning)", (span_of(QUOTE)[0] + 20, span_of(QUOTE)[1] + 40), True),
        (QUOTE, "(differs after cleaning)", (span_of(QUOTE)[1] - 10, span_of(QUOTE)[1] + 40), False),
    ],
)
def test_quote_overlap_rule(gold_quote, pred_text, pred_span, matches):
    gold_spans = [span_of(gold_quote)] if gold_quote in BODY else []
    assert (quote_overlap(gold_quote, gold_spans, pred_text, pred_span) is not None) is matches


@pytest.mark.parametrize(
    ("gold_statement", "prediction", "statements", "quotes"),
    [
        # named speaker, canonical name
        (GoldStatement("Mike Pompeo", "direct", QUOTE), stmt(QUOTE), (1, 0, 0), (1, 0, 0)),
        # named speaker through a gold `also` form
        (GoldStatement("Mike Pompeo", "direct", QUOTE), stmt(QUOTE, speaker="Pompeo"), (1, 0, 0), (1, 0, 0)),
        # wrong speaker: the quote alone still matches
        (GoldStatement("Mike Pompeo", "direct", QUOTE), stmt(QUOTE, speaker="Sergey Lavrov"), (0, 1, 1), (1, 0, 0)),
        # anonymous: descriptions share a content word (plural folded)
        (GoldStatement("senior UN diplomat", "direct", "I think there are a range of views", anonymous=True),
         stmt("I think there are a range of views in Washington", speaker="diplomats", anonymous=True),
         (1, 0, 0), (1, 0, 0)),
        # anonymous: no shared content word
        (GoldStatement("senior UN diplomat", "direct", "I think there are a range of views", anonymous=True),
         stmt("I think there are a range of views in Washington", speaker="an official", anonymous=True),
         (0, 1, 1), (1, 0, 0)),
        # anonymous gold never matches a named prediction
        (GoldStatement("senior UN diplomat", "direct", "I think there are a range of views", anonymous=True),
         stmt("I think there are a range of views in Washington", speaker="Mike Pompeo"),
         (0, 1, 1), (1, 0, 0)),
        # a named gold speaker never matches an anonymous prediction
        (GoldStatement("Mike Pompeo", "direct", QUOTE), stmt(QUOTE, speaker="Pompeo", anonymous=True),
         (0, 1, 1), (1, 0, 0)),
        # prediction covers too little of the gold quote
        (GoldStatement("Mike Pompeo", "direct", QUOTE), stmt("the negotiating table"), (0, 1, 1), (0, 1, 1)),
    ],
)
def test_statement_matching(gold_statement, prediction, statements, quotes):
    gold = gold_article(actors=[GoldActor("Mike Pompeo", "person", ("Pompeo",))], statements=[gold_statement])
    evaluation = run(gold, predicted(statements=[prediction]))
    assert counts(evaluation, "statements") == statements
    assert counts(evaluation, "statement_quotes") == quotes


@pytest.mark.parametrize(
    ("gold_speaker", "statements"),
    [
        # the gold name is a gazetteer alias of a speaker the article never names as a mention
        ("United States Department of State", (1, 0, 0)),
        ("Department of Defense", (0, 1, 1)),
    ],
)
def test_speaker_matches_through_the_gazetteer_without_a_mention(gold_speaker, statements):
    gold = gold_article(actors=[GoldActor(gold_speaker, "government")],
                        statements=[GoldStatement(gold_speaker, "direct", QUOTE)])
    evaluation = run(gold, predicted(statements=[stmt(QUOTE, speaker="State Department")]))
    assert counts(evaluation, "statements") == statements


def test_statements_are_matched_one_to_one_best_overlap_first():
    gold = gold_article(statements=[GoldStatement("Mike Pompeo", "direct", QUOTE)])
    partial = stmt("to work with the Russians to get to the negotiating")
    exact = stmt(QUOTE)
    evaluation = run(gold, predicted(statements=[partial, exact]))
    assert counts(evaluation, "statements") == (1, 1, 0)
    assert evaluation.articles[0].tables["statements"].false_hits[0].endswith('"to work with the Russians to get '
                                                                               'to the negotiating"')


def test_statement_kind_and_date_accuracy_on_matched_pairs():
    day = FuzzyDate(dt.date(2019, 12, 11), "day")
    gold = gold_article(statements=[
        GoldStatement("Mike Pompeo", "direct", QUOTE, date=day),
        GoldStatement("Mike Pompeo", "indirect", "the United States was willing to work alongside Russia", date=day),
        GoldStatement("Mike Pompeo", "direct", "never predicted at all"),
    ])
    pred = predicted(statements=[
        stmt(QUOTE, kind="direct", said=day),
        stmt("the United States was willing to work alongside Russia", kind="direct", said=None),
    ])
    evaluation = run(gold, pred)
    assert counts(evaluation, "statements") == (2, 0, 1)
    assert (evaluation.attributes["statement_kind"].correct, evaluation.attributes["statement_kind"].total) == (1, 2)
    assert (evaluation.attributes["statement_date"].correct, evaluation.attributes["statement_date"].total) == (1, 2)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("senior UN diplomat", {"senior", "un", "diplomat"}),
        ("diplomats said", {"diplomat"}),
        ("a French presidential official", {"french", "presidential", "official"}),
    ],
)
def test_content_words(text, words):
    assert content_words(text) == words


# ---------------------------------------------------------------------------------------------------------------
# Events and allegations


OFFENSIVE = "started an offensive to control Tripoli"


def event(event_type: str, text: str, located: bool = True, occurred=None) -> PredictedEvent:
    start, end = span_of(text) if located else (None, None)
    return PredictedEvent(event_type, [], text, start, end, occurred)


@pytest.mark.parametrize(
    ("gold_event", "prediction", "expected"),
    [
        (GoldEvent("offensive", ("Khalifa Haftar",), OFFENSIVE), event("offensive", OFFENSIVE), (1, 0, 0)),
        # the prediction's evidence is the whole sentence: spans overlap
        (GoldEvent("offensive", (), OFFENSIVE),
         event("offensive", "Haftar started an offensive to control Tripoli in April."), (1, 0, 0)),
        # partial overlap is enough
        (GoldEvent("offensive", (), OFFENSIVE), event("offensive", "control Tripoli in April"), (1, 0, 0)),
        # wrong type
        (GoldEvent("offensive", (), OFFENSIVE), event("attack", OFFENSIVE), (0, 1, 1)),
        # no overlap
        (GoldEvent("offensive", (), OFFENSIVE), event("offensive", "Haftar is supported by Russia"), (0, 1, 1)),
        # gold evidence not in the body: fall back to a substring test against evidence_text
        (GoldEvent("offensive", (), "launched a war to grab the capital"),
         event("offensive", "Haftar launched a war to grab the capital in 2019", located=False), (1, 0, 0)),
        (GoldEvent("offensive", (), "launched a war to grab the capital"),
         event("offensive", "something unrelated", located=False), (0, 1, 1)),
    ],
)
def test_event_matching(gold_event, prediction, expected):
    evaluation = run(gold_article(events=[gold_event]), predicted(events=[prediction]))
    assert counts(evaluation, "events") == expected


def test_event_date_accuracy():
    gold = gold_article(events=[GoldEvent("offensive", (), OFFENSIVE, FuzzyDate(dt.date(2019, 4, 1), "month"))])
    pred = predicted(events=[event("offensive", OFFENSIVE, occurred=FuzzyDate(dt.date(2019, 4, 4), "day"))])
    assert run(gold, pred).attributes["event_date"].as_dict() == {"accuracy": 1.0, "correct": 1, "total": 1}


EMBARGO = "Egypt was accused of breaching the arms embargo to supply Haftar’s troops with weapons"


def allegation(supplier: str, text: str = EMBARGO, recipient: str | None = "Khalifa Haftar",
               materiel=("weapons",), located: bool = True) -> PredictedAllegation:
    start, end = span_of(text) if located else (None, None)
    return PredictedAllegation(supplier, recipient, list(materiel), text, start, end)


@pytest.mark.parametrize(
    ("prediction", "expected"),
    [
        (allegation("Egypt"), (1, 0, 0)),
        (allegation("Egypt", "breaching the arms embargo"), (1, 0, 0)),  # overlapping span
        (allegation("Russia"), (0, 1, 1)),  # supplier differs
        (allegation("Egypt", "Haftar is supported by Russia and Egypt"), (0, 1, 1)),  # elsewhere in the body
        # evidence typed with straight quotes, body has a curly apostrophe: located after folding
        (allegation("Egypt", EMBARGO.replace("’", "'"), located=False), (1, 0, 0)),
    ],
)
def test_allegation_matching(prediction, expected):
    gold = gold_article(allegations=[GoldAllegation("Egypt", "Libyan National Army", ("weapons",), EMBARGO)])
    assert counts(run(gold, predicted(allegations=[prediction])), "allegations") == expected


@pytest.mark.parametrize(
    ("gold_recipient", "pred_recipient", "gold_materiel", "pred_materiel", "recipient_ok", "materiel_ok"),
    [
        ("Libyan National Army", "Khalifa Haftar", ("weapons",), ("weapons",), 1, 1),  # leader ~ his force
        ("Libyan National Army", "Libyan National Army", ("weapons", "drones"), ("drones", "weapons"), 1, 1),
        ("Libyan National Army", "Government of National Accord", ("weapons",), ("weapons", "drones"), 0, 0),
        (None, None, ("drones",), ("drones",), 1, 1),
        (None, "Khalifa Haftar", ("drones",), (), 0, 0),
        ("Government of National Accord", "Fayez al-Sarraj", ("trucks",), ("trucks",), 1, 1),
    ],
)
def test_allegation_secondary_attributes(gold_recipient, pred_recipient, gold_materiel, pred_materiel,
                                         recipient_ok, materiel_ok):
    gold = gold_article(allegations=[GoldAllegation("Egypt", gold_recipient, gold_materiel, EMBARGO)])
    pred = predicted(allegations=[allegation("Egypt", recipient=pred_recipient, materiel=pred_materiel)])
    evaluation = run(gold, pred)
    assert evaluation.attributes["allegation_recipient"].correct == recipient_ok
    assert evaluation.attributes["allegation_materiel"].correct == materiel_ok
    assert evaluation.attributes["allegation_recipient"].total == 1


@pytest.mark.parametrize(
    ("gold_accuser", "pred_accuser", "ok"),
    [
        (None, None, 1),
        ("United Nations", None, 0),  # an accuser missed
        (None, "United Nations", 0),  # the outlet's own assertion given an accuser
        ("Government of National Accord", "Fayez al-Sarraj", 1),  # leader ~ his government
        ("Western diplomats", "diplomats", 1),  # unnamed sources share a content word
        ("United Nations", "United Nations Panel of Experts on Libya", 1),  # a UN body for the UN
        ("Government of National Accord", "Libyan National Army", 0),
    ],
)
def test_allegation_accuser_attribute(gold_accuser, pred_accuser, ok):
    gold = gold_article(allegations=[GoldAllegation("Egypt", "Libyan National Army", ("weapons",), EMBARGO,
                                                    alleged_by=gold_accuser)])
    prediction = allegation("Egypt")
    prediction.alleged_by_name = pred_accuser
    evaluation = run(gold, predicted(allegations=[prediction]))
    assert evaluation.attributes["allegation_alleged_by"].correct == ok
    assert evaluation.attributes["allegation_alleged_by"].total == 1


# ---------------------------------------------------------------------------------------------------------------
# Support


def support(supporter: str, supported: str, text: str = "is supported by Russia") -> PredictedSupport:
    start, end = span_of(text)
    return PredictedSupport(supporter, supported, text, start, end)


def gsupport(supporter: str, supported: str) -> GoldSupport:
    return GoldSupport(supporter, supported, "is supported by Russia")


@pytest.mark.parametrize(
    ("gold_rows", "pred_rows", "expected"),
    [
        ([gsupport("Russia", "Khalifa Haftar")], [support("Russia", "Khalifa Haftar")], (1, 0, 0)),
        # leader ~ the force he leads, both directions
        ([gsupport("Russia", "Khalifa Haftar")], [support("Russia", "Libyan National Army")], (1, 0, 0)),
        ([gsupport("Turkey", "Government of National Accord")], [support("Turkey", "Fayez al-Sarraj")], (1, 0, 0)),
        # a foreign person's affiliation is not used (Pompeo is not the State Department here)
        ([gsupport("State Department", "Government of National Accord")],
         [support("Mike Pompeo", "Government of National Accord")], (0, 1, 1)),
        # opposite sides do not match
        ([gsupport("Russia", "Khalifa Haftar")], [support("Russia", "Fayez al-Sarraj")], (0, 1, 1)),
        # direction matters
        ([gsupport("Russia", "Khalifa Haftar")], [support("Khalifa Haftar", "Russia")], (0, 1, 1)),
        # duplicates are collapsed on both sides (leader and force count as one pair)
        ([gsupport("Russia", "Khalifa Haftar"), gsupport("Russia", "Libyan National Army")],
         [support("Russia", "Khalifa Haftar"), support("Russia", "Khalifa Haftar"), support("Russia", "LNA")],
         (1, 0, 0)),
        ([gsupport("Russia", "Khalifa Haftar"), gsupport("Egypt", "Khalifa Haftar")],
         [support("Russia", "Haftar"), support("Russia", "Khalifa Haftar"), support("Turkey", "Sarraj")],
         (1, 1, 1)),
    ],
)
def test_support_matching(gold_rows, pred_rows, expected):
    gold = gold_article(actors=[GoldActor("Libyan National Army", "armed_group", ("LNA",))], support=gold_rows)
    assert counts(run(gold, predicted(support=pred_rows)), "support") == expected


# ---------------------------------------------------------------------------------------------------------------
# Articles, metadata and reports


def test_missing_article_counts_every_gold_row_as_a_miss():
    gold = gold_article(actors=[GoldActor("Russia", "country")], statements=[GoldStatement("Russia", "direct", QUOTE)],
                        support=[gsupport("Russia", "Khalifa Haftar")])
    evaluation = run(gold, None)
    assert counts(evaluation, "actors") == (0, 0, 1)
    assert counts(evaluation, "statements") == (0, 0, 1)
    assert counts(evaluation, "support") == (0, 0, 1)
    assert evaluation.missing_articles == ["a.txt"]
    assert evaluation.attributes["article_title"].total == 0


@pytest.mark.parametrize(
    ("gold_title", "pred_title", "gold_published", "pred_published", "title_ok", "published_ok"),
    [
        ("US officials meet Haftar", "US officials meet  Haftar ", "2019-11", FuzzyDate(dt.date(2019, 11, 25), "day"),
         1, 1),
        ("US officials meet Haftar", None, None, None, 0, 1),
        ("U.S. Says Russia’s Move", "U.S. Says Russia's Move", "2020", FuzzyDate(dt.date(2019, 1, 1), "year"), 1, 0),
    ],
)
def test_article_metadata_accuracy(gold_title, pred_title, gold_published, pred_published, title_ok, published_ok):
    gold = GoldArticle(path=Path("g.yaml"), article="a.txt", title=gold_title,
                       published=parse_gold_date(gold_published))
    pred = PredictedArticle("a.txt", title=pred_title, published=pred_published)
    evaluation = run(gold, pred)
    assert evaluation.attributes["article_title"].correct == title_ok
    assert evaluation.attributes["article_published"].correct == published_ok


def test_reports_list_misses_and_false_hits():
    gold = gold_article(actors=[GoldActor("Russia", "country"), GoldActor("Egypt", "country")])
    evaluation = run(gold, predicted(actors=[PredictedActor("Russia"), PredictedActor("France")]))
    summary = format_text(evaluation, verbose=False)
    assert "actors" in summary and "0.500" in summary and "miss" not in summary
    verbose = format_text(evaluation, verbose=True)
    assert "- miss: Egypt" in verbose and "+ false hit: France" in verbose
    data = json.loads(json.dumps(to_json(evaluation)))
    assert data["tables"]["actors"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5, "tp": 1, "fp": 1, "fn": 1}
    assert data["articles"][0]["tables"]["actors"]["misses"] == ["Egypt"]
    assert set(data["tables"]) == {"actors", "statements", "statement_quotes", "events", "allegations", "support"}


# ---------------------------------------------------------------------------------------------------------------
# Gold files

VALID = """\
article: 000_x.txt
url: null
title: "A title"
published: 2019-12
language: en
boilerplate: []
actors:
  - {name: Mike Pompeo, type: person, also: [Pompeo]}
statements:
  - {speaker: Mike Pompeo, kind: direct, quote: "We want to work", date: 2019-12-11}
  - {speaker: senior UN diplomat, anonymous: true, kind: direct, quote: "I think", date: null}
events:
  - {type: meeting, actors: [Mike Pompeo], date: 2019, evidence: "met"}
allegations:
  - {supplier: Egypt, recipient: null, materiel: [weapons], alleged_by: null, denied_by: [], evidence: "accused"}
support:
  - {supporter: Egypt, supported: Khalifa Haftar, alleged_by: null, evidence: "backed by Egypt"}
"""


def test_load_valid_gold(tmp_path):
    (tmp_path / "000_x.yaml").write_text(VALID, encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not gold", encoding="utf-8")
    [gold] = load_gold(tmp_path)
    assert gold.article == "000_x.txt"
    assert gold.published == FuzzyDate(dt.date(2019, 12, 1), "month")
    assert gold.actors[0].also == ("Pompeo",)
    assert gold.statements[0].date == FuzzyDate(dt.date(2019, 12, 11), "day")
    assert gold.statements[1].anonymous is True
    assert gold.events[0].date == FuzzyDate(dt.date(2019, 1, 1), "year")
    assert gold.allegations[0].recipient is None and gold.allegations[0].materiel == ("weapons",)
    assert gold.support[0].supported == "Khalifa Haftar"


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("article: [unclosed\n", "invalid YAML"),
        ("- just a list\n", "expected a mapping"),
        (VALID.replace("article: 000_x.txt\n", ""), "missing field 'article'"),
        (VALID.replace("kind: direct, quote: \"We", "kind: quoted, quote: \"We"), "statements[0]: kind 'quoted'"),
        (VALID.replace("date: 2019-12-11", "date: last week"), "statements[0]: date 'last week' is not a date"),
        (VALID.replace("published: 2019-12", "published: 2019-13"), "published"),
        (VALID.replace("{speaker: Mike Pompeo,", "{speeker: Mike Pompeo,"), "unknown field(s) 'speeker'"),
        (VALID.replace("materiel: [weapons]", "materiel: [tanks]"), "allegations[0]: materiel 'tanks'"),
        (VALID.replace("type: meeting", "type: party"), "events[0]: type 'party'"),
        (VALID.replace("type: person", "type: alien"), "actors[0]: type 'alien'"),
        (VALID.replace("evidence: \"met\"", "evidence: \"\""), "events[0]: field 'evidence' is empty"),
        (VALID.replace("supported: Khalifa Haftar, ", ""), "support[0]: missing field 'supported'"),
        (VALID.replace("anonymous: true", "anonymous: maybe"), "anonymous must be true or false"),
        (VALID.replace("support:\n  - {", "support: {x: 1}\nnothing:\n  - {"), "unknown field(s) 'nothing'"),
        ("article: a.txt\nevents: {type: meeting}\n", "events: must be a list"),
        ("article: a.txt\nactors: [Russia]\n", "actors[0]: must be a mapping"),
        ("article: a.txt\nactors: [{name: Russia, type: country}, {name: russia, type: country}]\n",
         "listed twice"),
    ],
)
def test_malformed_gold_names_the_file(tmp_path, text, problem):
    (tmp_path / "000_ok.yaml").write_text(VALID, encoding="utf-8")
    (tmp_path / "bad_file.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(EvaluationError) as info:
        load_gold(tmp_path)
    message = str(info.value)
    assert message.startswith("bad_file.yaml")
    assert problem in message


def test_duplicate_article_across_files(tmp_path):
    (tmp_path / "a.yaml").write_text(VALID, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(VALID, encoding="utf-8")
    with pytest.raises(EvaluationError, match=r"^b\.yaml: article '000_x\.txt' is already annotated in a\.yaml"):
        load_gold(tmp_path)


def test_empty_or_missing_gold_dir(tmp_path):
    with pytest.raises(EvaluationError, match="no gold files"):
        load_gold(tmp_path)
    with pytest.raises(EvaluationError, match="not a directory"):
        load_gold(tmp_path / "absent")


# ---------------------------------------------------------------------------------------------------------------
# The shared gold set


def gold_dir() -> Path | None:
    configured = os.environ.get("LCDB_GOLD_DIR")
    path = Path(configured) if configured else REPO.parent / "shared" / "gold"
    return path if path.is_dir() and any(path.glob("*.yaml")) else None


def test_shared_gold_files_load():
    path = gold_dir()
    if path is None:
        pytest.skip("gold directory not found (set LCDB_GOLD_DIR)")
    gold = load_gold(path)
    assert len(gold) == len(list(path.glob("*.yaml")))
    for article in gold:
        assert article.actors


def test_pipeline_smoke_on_examples():
    path = gold_dir()
    if path is None:
        pytest.skip("gold directory not found (set LCDB_GOLD_DIR)")
    gold = load_gold(path)
    names = [g.article for g in gold]
    predicted_articles = predictions_from_pipeline(EXAMPLES, names)
    evaluation = score(gold, predicted_articles)
    for counts_ in evaluation.tables.values():
        for value in (counts_.precision, counts_.recall, counts_.f1):
            assert 0.0 <= value <= 1.0
    for accuracy in evaluation.attributes.values():
        assert 0.0 <= accuracy.accuracy <= 1.0
    if all((EXAMPLES / name).is_file() for name in names):
        assert not evaluation.missing_articles
    assert format_text(evaluation, verbose=True)
    json.dumps(to_json(evaluation))
