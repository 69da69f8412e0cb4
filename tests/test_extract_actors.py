"""Actor mentions: table-driven sentences in the style of wire copy (made up, not from the examples)."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from loaders.extract import actors
from loaders.extract.context import ArticleContext
from loaders.extract.text import sentences
from loaders.gazetteer import load_gazetteer
from loaders.model import FuzzyDate


def run(body: str) -> ArticleContext:
    ctx = ArticleContext(body=body, published=None, gazetteer=load_gazetteer())
    ctx.sentences = sentences(body)
    actors.find_mentions(ctx)
    return ctx


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Russian officials denied the report.", {"Russia"}),
        ("Haftar’s fighters withdrew from the airport.", {"Khalifa Haftar"}),
        ("Haftar's fighters withdrew from the airport.", {"Khalifa Haftar"}),
        ("NATO-backed rebels toppled the regime.", {"NATO"}),
        ("Forces loyal to Field Marshal Haftar shelled the city.", {"Khalifa Haftar"}),
        ("The fighting near Tripoli and Misrata intensified.", set()),
        ("Officials in Benghazi and Sirte said little.", set()),
        ("Diplomats and officials met in Istanbul.", set()),
        # a capital where something happens is no actor; a capital that acts, or a government's seat, is its state
        ("A European diplomat based in Tunis said the bet was paying off.", set()),
        ("An analyst at a Tunis-based think tank said the report was damning.", set()),
        ("World leaders met in Berlin on Sunday.", set()),
        ("(Tunis) - Militias attacked the town.", set()),
        ("Tunis said it would close the border.", {"Tunisia"}),
        ("Cargo planes from Doha landed in Benghazi.", {"Qatar"}),
        ("The government in N'Djamena denied the charge.", {"Chad"}),
        ("Talks were held in Tunisia.", {"Tunisia"}),
        # a known person ends a body's capitalised name ("Speaker of the House of Representatives Aguila Saleh")
        ("Speaker of the House of Representatives Aguila Saleh issued a statement.",
         {"House of Representatives", "Aguila Saleh"}),
    ],
)
def test_gazetteer_demonyms_possessives_and_places(body: str, expected: set[str]) -> None:
    assert set(run(body).actors) == expected


@pytest.mark.parametrize(
    ("body", "name", "actor_type"),
    [
        ("The talks were led by Brigadier General Paul Hendricks of the U.S. Army.", "Paul Hendricks", "person"),
        # a hyphenated title as some house styles write it
        ("Lieutenant-General Charles Bouchard, who commands the operation, spoke.", "Charles Bouchard", "person"),
        ("Karim Benali, a senior adviser to the Tripoli government, rejected the plan.", "Karim Benali", "person"),
        ("The ministry's spokesperson, Amira Haddad, declined to comment.", "Amira Haddad", "person"),
        ("Washington sent U.S. Ambassador to Libya Jonathan Pierce to the talks.", "Jonathan Pierce", "person"),
        (
            "The International Migration Institute published figures on Monday.",
            "International Migration Institute",
            "organization",
        ),
        (
            "The claim was first made by the U.S. Department of Commerce on Monday.",
            "United States Department of Commerce",
            "government",
        ),
        ("The Fursan Qaswara Brigade took over the port.", "Fursan Qaswara Brigade", "armed_group"),
        # a head noun followed by "for"/"on" keeps its complement
        (
            "The Sahel Observatory for Human Rights, a Paris-based monitor, said 40 people died.",
            "Sahel Observatory for Human Rights",
            "organization",
        ),
        ("The details were first reported by Tripoli Daily News on Sunday.", "Tripoli Daily News", "media"),
        # "and" inside a name, when both halves are new words (not "Serraj and House of Representatives")
        ("The Tripoli Ambulance and Emergency Service said one person died.", "Tripoli Ambulance and Emergency Service",
         "organization"),
        # letters beyond ASCII, and a name before an accusing verb
        ("Opposition leader Succès Masra said the vote was rigged.", "Succès Masra", "person"),
        ("Karim Bentaleb accused Paris of backing a coup.", "Karim Bentaleb", "person"),
        # "of the" inside a name after an organisation's head noun; after a title the body starts behind it
        ("The Office of the Prosecutor welcomed the arrest.", "Office of the Prosecutor", "organization"),
        ("Members of the Sahel Joint Review Committee met in Cairo.", "Sahel Joint Review Committee", "organization"),
        # a dotted acronym before "reported" is a media outlet
        ("Z.T.V. reported that the talks had failed.", "Z.T.V.", "media"),
        # a numbered chamber keeps its number
        ("Pre-Trial Chamber I issued a warrant of arrest on Monday.", "Pre-Trial Chamber I", "organization"),
        # a descriptor noun names the body after it
        ("The monitoring group Sahel Eyes Network published the images.", "Sahel Eyes Network", "organization"),
        ("The state-owned newspaper Al Fajr Al Jadid reported the visit.", "Al Fajr Al Jadid", "media"),
        # an apposition with a profession rather than an office
        ("“Quiet is over,” said Tarek Sami, a Libya specialist at a Cairo research centre.", "Tarek Sami", "person"),
        ("Lina Haddad, a historian at the University of Tripoli, disagreed.", "Lina Haddad", "person"),
        # an inverted attribution after a quotation, with nothing else about the speaker
        ("“The owner has changed,” said Omar Kushlaf.", "Omar Kushlaf", "person"),
        ("“We will hold the line,” insisted Salem Dabbashi, “whatever it costs.”", "Salem Dabbashi", "person"),
        # an apposition with a describing noun; a role with its complement before the name; a body headed by him
        ("Salem Ghariani, a member of the House of Representatives, said the vote was void.", "Salem Ghariani",
         "person"),
        ("The abduction of the director of the bank's IT department, Musab Msallam, halted work.", "Musab Msallam",
         "person"),
        ("The council appointed a board headed by Mohamed Shukri, a step parliament rejected.", "Mohamed Shukri",
         "person"),
    ],
)
def test_discovery(body: str, name: str, actor_type: str) -> None:
    ctx = run(body)
    assert name in ctx.actors, sorted(ctx.actors)
    assert ctx.actors[name].actor_type == actor_type
    assert ctx.actors[name].is_discovered or ctx.gazetteer.get(name) is not None


def test_the_head_noun_of_a_bodys_apposition_points_back_to_it() -> None:
    ctx = run("The Sahel Rights Observatory, a Paris-based war monitor, counted 40 dead. The war monitor said more "
              "had died.")
    assert [m.actor_name for m in ctx.mentions if m.surface_form == "monitor"] == ["Sahel Rights Observatory"]


def test_a_day_after_on_is_no_scope_of_the_body() -> None:
    ctx = run("The UN Panel of Experts on Tuesday said that the UAE had supplied drones to Haftar.")
    assert ctx.mentions[0].actor_name == "United Nations Panel of Experts on Libya"


def test_a_sibling_body_on_another_country_is_not_the_gazetteer_one() -> None:
    ctx = run("The UN Panel of Experts on Sudan reported that cargo flights had landed. The UN Panel of Experts on "
              "Libya agreed.")
    assert [m.actor_name for m in ctx.mentions] == [
        "United Nations Panel of Experts on Sudan", "United Nations Panel of Experts on Libya"
    ]
    assert ctx.actors["United Nations Panel of Experts on Sudan"].is_discovered


@pytest.mark.parametrize(
    "body",
    [
        # an inverted verb before an organisation or a place is no person's name
        "“The port is closed,” said Libya Dawn Brigade.",
        "“The port is closed,” said Tripoli, citing security.",
        # one word after the verb is too little to call a name
        "“The port is closed,” said Haddad.",
        # a ship named in an apposition is no person, though "of" is in "secretary of state"
        "Two landing ships, the Ivan Gren and the Alexander Otrakovsky, docked at the port of Tobruk.",
        # an operation that "announced that it ...", a company whose apposition has "senior" in it
        "Burkan Al-Ghadab announced that it had downed a drone.",
        "Harouge Oil Operations, a senior partner in the venture, said exports had resumed.",
        # a ship named with a rank
        "Putin hosted him aboard the aircraft carrier Admiral Kuznetsov off Tobruk in January.",
    ],
)
def test_no_person_discovered(body: str) -> None:
    ctx = run(body)
    assert not [a for a in ctx.actors.values() if a.actor_type == "person" and a.is_discovered], sorted(ctx.actors)


def test_surname_and_title_resolve_to_the_introduced_person() -> None:
    body = (
        "Karim Benali, a senior adviser to the prime minister, met the envoy. "
        "Benali later left for Rome. The adviser did not comment."
    )
    ctx = run(body)
    names = [m.actor_name for m in ctx.mentions]
    assert names.count("Karim Benali") >= 2
    assert "Benali" not in ctx.actors


def test_a_two_word_surname_is_the_person_named_fully() -> None:
    ctx = run("Mustafa Abdul Jalil chairs the council. Abdul Jalil said the council needed arms.")
    assert len({m.actor_name for m in ctx.mentions}) == 1, [(m.actor_name, m.surface_form) for m in ctx.mentions]


@pytest.mark.parametrize("name", ["NATO-Russia Council", "Russia-NATO Council"])
def test_a_hyphen_joins_a_name_and_an_acronym_in_one_body(name: str) -> None:
    ctx = run(f"Lavrov said the matter would come up at a session of the {name} in Sochi next week.")
    assert name in ctx.actors, sorted(ctx.actors)


def test_a_media_name_ends_at_its_full_stop() -> None:
    ctx = run("Russian officers operate air defences, two diplomats told Asia Times. The same diplomats said more.")
    assert "Asia Times" in ctx.actors and not [n for n in ctx.actors if n.endswith("The")]


def test_role_title_alone_resolves_to_gazetteer_person() -> None:
    body = "Khalifa Haftar visited Cairo. The field marshal then flew to Amman."
    ctx = run(body)
    titles = [m for m in ctx.mentions if m.surface_form.lower() == "field marshal"]
    assert titles and titles[0].actor_name == "Khalifa Haftar"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a specific office named before its holder is: the holder named further on
        ("The request was sent on Thursday, the interior minister said. In Tunis, Fathi Bashagha said more.",
         "Fathi Bashagha"),
        # a bare title is not: "the diplomat" is an unnamed source, not the next diplomat named
        ("The request was sent, the diplomat said. Secretary of State Mike Pompeo later said more.", None),
    ],
)
def test_title_named_before_its_holder(body: str, expected: str | None) -> None:
    ctx = run(body)
    first = ctx.body.index(" the ") + 5
    found = [m.actor_name for m in ctx.mentions if m.char_start == first]
    assert found == ([expected] if expected else [])


def test_title_goes_to_the_subject_of_the_nearest_sentence_naming_a_person() -> None:
    ctx = run(
        "On Wednesday Paolo Gentiloni told lawmakers that Fayez al-Sarraj had asked for ships. “We are not talking "
        "about a blockade. We are talking about support,” the prime minister said."
    )
    titles = [m for m in ctx.mentions if m.surface_form == "prime minister"]
    assert [m.actor_name for m in titles] == ["Paolo Gentiloni"]


def test_and_between_known_actors_joins_no_name() -> None:
    ctx = run("Serraj and House of Representatives Speaker Ageela Saleh announced a ceasefire.")
    assert {"Fayez al-Sarraj", "House of Representatives", "Aguila Saleh"} <= set(ctx.actors)
    assert not any(" and " in name for name in ctx.actors)


def test_description_inside_a_longer_name_gives_way_to_the_name() -> None:
    ctx = run("Libya's internationally recognised Government of National Accord (GNA) said its forces advanced.")
    gna = [m for m in ctx.mentions if m.actor_name == "Government of National Accord"]
    assert [m.surface_form for m in gna] == ["Government of National Accord", "GNA"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the head noun of the title the person was introduced with
        ("Turkish Foreign Minister Mevlut Cavusoglu arrived. The minister said the deal was legal.",
         "Mevlut Cavusoglu"),
        ("UN Special Envoy Ghassan Salame arrived. The envoy said the talks would resume.", "Ghassan Salame"),
        # a name used as a modifier yields to the holder of the title named just before it
        ("Colonel Thierry Burkhard said the drops came after Gaddafi's forces encircled villages. The colonel "
         "said more.", "Thierry Burkhard"),
        # a deputy is not "the minister"
        ("Deputy Foreign Minister Ali Maherzi arrived. The minister said the deal was legal.", None),
        ("Mikhail Bogdanov, the deputy foreign minister, arrived. The minister said the deal was legal.", None),
    ],
)
def test_title_head_noun_resolves_to_the_introduced_person(body: str, expected: str | None) -> None:
    ctx = run(body)
    minister = [m for m in ctx.mentions if m.surface_form.lower() in ("minister", "envoy", "colonel")
                and ctx.body[m.char_start - 4 : m.char_start].lower() == "the "]
    assert [m.actor_name for m in minister] == ([expected] if expected else [])


def test_pronoun_mentions_resolve_but_add_no_actor() -> None:
    body = "Khalifa Haftar visited Cairo on Monday. He met officials there."
    ctx = run(body)
    he = [m for m in ctx.mentions if m.surface_form == "He"]
    assert he and he[0].actor_name == "Khalifa Haftar"
    assert set(ctx.actors) >= {"Khalifa Haftar"}
    assert "He" not in ctx.actors


def test_fuzzy_misspelling_but_not_common_words() -> None:
    ctx = run("Trump and Hafar spoke by phone on Monday.")
    assert "Khalifa Haftar" in ctx.actors
    ctx = run("Heavy Rains hit the coast on Monday.")
    assert not any(a.actor_type == "person" for a in ctx.actors.values())


def test_longest_mention_wins_and_mentions_do_not_overlap() -> None:
    ctx = run("Matthew Ross, a senior U.S. Department of Energy official, attended the meeting.")
    spans = [(m.char_start, m.char_end) for m in ctx.mentions]
    assert spans == sorted(spans)
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:], strict=False))
    assert "United States Department of Energy" in ctx.actors
    assert "United States" in ctx.actors  # the country named inside the organisation still counts


@pytest.mark.parametrize(
    "body", ["A" * 200_000, "Abc Def " * 25_000, "al-" * 60_000, "Haftar’s “forces said " * 10_000]
)
def test_pathological_inputs_are_fast(body: str) -> None:
    start = time.perf_counter()
    run(body)
    assert time.perf_counter() - start < 2.0


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # an adjective only, with no role in any row: not an actor of the article
        ("About 4,750 Syrian fighters recruited by Turkey had arrived in Libya, a monitor said.", "Turkey", "Syria"),
        # named as a country: an actor
        ("Syria denied sending fighters, and Syrian officials said so again.", "Syria", None),
    ],
)
def test_adjective_only_countries(text, present, absent):
    from loaders.extract import extract
    from loaders.gazetteer import load_gazetteer

    names = {m.actor_name for m in extract(text, None, load_gazetteer()).mentions}
    assert present in names
    assert absent is None or absent not in names


@pytest.mark.parametrize(
    ("published", "expected"),
    [(dt.date(2019, 5, 1), "Government of National Accord"), (dt.date(2022, 5, 1), "Government of National Unity")],
)
def test_tripoli_government_is_the_western_government_of_the_period(published, expected) -> None:
    ctx = ArticleContext(body="Turkey backs the Tripoli government.", published=FuzzyDate(published, "day"),
                         gazetteer=load_gazetteer())
    ctx.sentences = sentences(ctx.body)
    actors.find_mentions(ctx)
    other = ({"Government of National Accord", "Government of National Unity"} - {expected}).pop()
    assert expected in ctx.actors and other not in ctx.actors


@pytest.mark.parametrize(
    ("body", "published", "expected"),
    [
        # "the rebels" of the 2011 war are the National Transitional Council's forces
        ("France dropped weapons to rebel fighters in the Nafusa mountains.", dt.date(2011, 6, 29),
         ["National Transitional Council"]),
        ("Qatar supplied the rebels with anti-tank missiles.", dt.date(2011, 4, 2), ["National Transitional Council"]),
        # another year, another people's rebels, or an undated article: nobody in particular
        ("Qatar supplied the rebels with anti-tank missiles.", dt.date(2020, 4, 2), []),
        ("Syrian rebels fought in Idlib.", dt.date(2011, 9, 1), []),
        ("Reports said the Tuareg rebels fought in Mali.", dt.date(2011, 9, 1), []),
        ("But rebels took Zawiya on Sunday.", dt.date(2011, 8, 15), ["National Transitional Council"]),
        ("Libyan rebels took Zawiya on Sunday.", dt.date(2011, 8, 15), ["National Transitional Council"]),
        ("Qatar supplied the rebels with anti-tank missiles.", None, []),
    ],
)
def test_period_descriptors_name_the_actor_of_their_period(body, published, expected) -> None:
    ctx = ArticleContext(body=body, published=FuzzyDate(published, "day") if published else None,
                         gazetteer=load_gazetteer())
    ctx.sentences = sentences(body)
    actors.find_mentions(ctx)
    assert [m.actor_name for m in ctx.mentions if m.surface_form.lower().startswith("rebel")] == expected


def test_a_title_before_of_the_is_not_part_of_the_body() -> None:
    ctx = run("The Speaker of the High Council of State said the vote was valid.")
    assert "High Council of State" in ctx.actors
    assert not any(name.startswith(("Speaker", "the ")) for name in ctx.actors), sorted(ctx.actors)


def test_the_descriptor_that_named_a_body_resolves_its_definite_description() -> None:
    ctx = run(
        "The Wagner Group has fighters in Libya.\n\nLast week, the monitoring group All Eyes on Wagner reported that "
        "Russian vessels had unloaded armoured vehicles. The group said part of the shipment was later moved south."
    )
    group = next(m for m in ctx.mentions if m.surface_form == "group")
    assert group.actor_name == "All Eyes on Wagner"


@pytest.mark.parametrize(
    ("body", "media", "absent"),
    [
        # an outlet told something, named with its capitalised article, is a media actor under its full title
        ("A Western diplomat told The New Arab that Moscow would not take sides.", "The New Arab", "New Arab"),
        ("An official told The Associated Press that the talks had failed.", "Associated Press",
         "The Associated Press"),
    ],
)
def test_an_outlet_told_with_its_article_is_media(body: str, media: str, absent: str) -> None:
    ctx = run(body)
    assert ctx.actors[media].actor_type == "media"
    assert absent not in ctx.actors


@pytest.mark.parametrize(
    "body",
    [
        "Judges ruled on Monday, according to The Hague-based tribunal.",
        "The minister was interviewed by The Independent Commission on Monday.",
    ],
)
def test_a_capitalised_article_after_other_cues_is_no_outlet(body: str) -> None:
    ctx = run(body)
    assert all(ref.actor_type != "media" for ref in ctx.actors.values()), sorted(ctx.actors)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Qatar backed the rebels early. The Gulf emirate sent jets and commandos.", "Qatar"),
        ("Qatar and Jordan backed the rebels. The kingdom sent vehicles.", "Jordan"),
        # no state of that kind named before: the description points to nobody
        ("Turkey backed the GNA. The emirate stayed out.", None),
    ],
)
def test_a_kind_of_state_points_back_to_the_state_named_before(body: str, expected: str | None) -> None:
    ctx = run(body)
    at = body.index("The ", body.index(".")) + 4
    found = [m.actor_name for m in ctx.mentions if m.char_start <= at < m.char_end]
    assert found == ([expected] if expected else [])


@pytest.mark.parametrize(
    ("body", "described"),
    [
        # a state named before, by the kind of state it is, in any case
        ("Qatar flew in weapons. The tiny Gulf state denied it.", "Qatar"),
        ("Qatar flew in weapons. The Gulf state denied it.", "Qatar"),
        # a self-styled emirate is no state named before
        ("Qatar funded the militias. Jihadists declared an Islamic emirate in Derna. The emirate sent fighters.", None),
    ],
)
def test_a_state_described_by_its_kind(body: str, described: str | None) -> None:
    last = body.rfind("The ")
    found = [m.actor_name for m in run(body).mentions if m.char_start >= last + 4]
    assert found == ([described] if described else [])


@pytest.mark.parametrize(
    ("body", "aged"),
    [
        # an age alone, as the subject of a verb, is the person just named
        ("Fayez al-Sarraj announced his resignation. The 60-year-old added that the talks had entered a new phase.",
         "Fayez al-Sarraj"),
        # an age before a title or a noun leaves the title to name its holder; an unnamed person stays unnamed
        ("Khalifa Haftar met Putin. The 76-year-old field marshal has denied the charges.", None),
        ("A 34-year-old man was detained.", None),
    ],
)
def test_an_age_alone_is_the_person_just_named(body: str, aged: str | None) -> None:
    found = [m.actor_name for m in run(body).mentions if "year-old" in m.surface_form]
    assert found == ([aged] if aged else [])
