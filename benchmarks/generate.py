"""A deterministic generator of realistic synthetic scraped articles about the Libyan conflict.

    python -m benchmarks.generate --articles 10000 --seed 1 --out /tmp/corpus

writes /tmp/corpus/000000.txt ... 009999.txt: raw scraped text (~600 words each) as a scraper would hand it to
`lcdb load`: page furniture first (skip links, menus, newsletter prompts, "Read More »" teasers), a headline line, a
standfirst, a dateline, body paragraphs, photo captions with "Credit:" lines inside the body, and a related-articles
list at the end. The body mixes direct quotes (“...,” X said), reported speech (X said that ...; according to X),
arms-embargo allegations (X accused of supplying Y with drones; a UN report said ...), support relations (Y-backed X;
X is backed by A, B and C), events with relative and absolute dates ("on Monday", "on 7 April", "in March 2020") and
neutral background sentences. About 5% of the articles are near-duplicate wire copies of a recent article (same
story, a few small edits, another outlet's furniture), as happens when several sites republish one agency story.

Actors come from the gazetteer (`loaders.gazetteer.load_gazetteer()`, picked by type and side) plus a few invented
names that are not in it (so "discovered" actors appear too). Everything is a pure function of (seed, index), so the
corpus is reproducible, articles can be generated in any order, and generation streams with bounded memory.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

WIRE_COPY_SHARE = 0.05
WIRE_COPY_WINDOW = 40  # a wire copy republishes one of the previous N articles

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")

PLACES = ("Tripoli", "Benghazi", "Sirte", "Misrata", "al-Jufra", "Tarhuna", "Gharyan", "Derna", "Sabha", "Ras Lanuf",
          "Brega", "Zawiya", "al-Watiya air base", "Mitiga airport", "Tobruk", "Ghadames", "Zintan", "Abu Grein",
          "the southern outskirts of Tripoli", "the oil crescent", "Ain Zara", "Wadi Rabie")
OUTLETS = (
    ("Reuters", "reuters.com"), ("Al Jazeera", "aljazeera.com"), ("Libya Observer", "libyaobserver.ly"),
    ("Libya Herald", "libyaherald.com"), ("Middle East Eye", "middleeasteye.net"), ("The National", "thenationalnews.com"),
    ("Asharq Al-Awsat", "aawsat.com"), ("Arab News", "arabnews.com"), ("Daily Sabah", "dailysabah.com"),
    ("Al-Monitor", "al-monitor.com"), ("The New Arab", "newarab.com"), ("Ahram Online", "ahram.org.eg"),
    ("Libya Review", "libyareview.com"), ("Euronews", "euronews.com"), ("France 24", "france24.com"),
)
DATELINES = ("TRIPOLI", "BENGHAZI", "CAIRO", "TUNIS", "MISRATA", "ISTANBUL", "GENEVA", "SIRTE")
AGENCIES = ("Reuters", "AFP", "AP", "Anadolu Agency")
PHOTOGRAPHERS = ("Mahmud Turkia/AFP", "Hazem Ahmed/Reuters", "Ismail Zitouny/Reuters", "Abdullah Doma/AFP",
                 "Hamza Turkia/Xinhua", "Esam Omran Al-Fetori/Reuters", "Getty Images", "Ayman Sahely/Reuters")
MATERIEL = ("drones", "armed drones", "Pantsir air defence systems", "armoured vehicles", "weapons", "ammunition",
            "anti-tank missiles", "mercenaries", "fighter jets", "Grad rockets", "military trucks", "artillery shells",
            "Syrian fighters", "military advisers")
QUANTITIES = ("dozens of", "at least 20", "hundreds of", "several", "about 5,000", "more than 2,000", "two shipments of",
              "a large consignment of", "six", "30")
INVENTED_PEOPLE = (
    ("Ahmed al-Mismari", "spokesman for the Libyan National Army"), ("Mohamed Gununu", "military spokesman"),
    ("Salem al-Ghariani", "a member of the House of Representatives"), ("Omar Kushlaf", "a Misrata commander"),
    ("Abdulhadi Lahweej", "a foreign ministry official"), ("Ibrahim Bishari", "a Tripoli council member"),
    ("Nadia al-Obeidi", "a human rights researcher"), ("Khaled Mahjoub", "head of the LNA's moral guidance department"),
    ("Tarek Megerisi", "a Libya analyst"), ("Jalel Harchaoui", "a researcher on Libya"),
    ("Wolfram Lacher", "an analyst at the German Institute for International and Security Affairs"),
    ("Emadeddin Badi", "a non-resident fellow at the Atlantic Council"),
)
ANONYMOUS = ("a diplomat in Tunis", "a senior UN official", "a military source in Benghazi", "residents",
             "a Western diplomat", "an official who asked not to be named", "two security sources",
             "a spokesman for the health ministry", "witnesses")
QUOTE_CLAUSES = (
    "there can be no military solution to this conflict",
    "we will not accept foreign interference in Libya's affairs",
    "the ceasefire must be respected by all sides",
    "our forces are ready to defend the capital",
    "the arms embargo is being violated every day",
    "we call on the international community to act",
    "the political process is the only way forward",
    "civilians are paying the highest price",
    "mercenaries must leave Libya immediately",
    "we have evidence that weapons keep arriving",
    "the talks in Geneva were constructive",
    "the situation on the ground remains very fragile",
    "elections should take place as planned",
    "nobody has the right to divide the country",
    "we will respond to any attack on our positions",
    "the oil blockade is costing the economy billions",
)
REPORTED_CLAUSES = (
    "the fighting had displaced thousands of families",
    "a new round of talks would start next week",
    "forces had repelled an attack near the airport",
    "the ceasefire was largely holding",
    "foreign fighters were still deployed around Sirte",
    "the government would reopen the oil terminals",
    "shells had hit a residential area overnight",
    "the committee had agreed on a prisoner exchange",
    "the UN mission was ready to monitor the truce",
    "more troops were being sent to the front line",
)
SPEECH_VERBS = ("said", "told reporters", "said in a statement", "told Reuters", "said on Twitter", "added",
                "said at a news conference")
REPORTING_VERBS = ("said", "warned", "stressed", "claimed", "insisted", "announced", "noted")
BACKGROUND = (
    "Libya has been mired in chaos since a NATO-backed uprising toppled Muammar Gaddafi in 2011.",
    "The country has been split between rival administrations in the east and the west since 2014.",
    "The United Nations imposed an arms embargo on Libya in 2011, but UN experts say it is routinely flouted.",
    "Oil production, the lifeblood of the economy, has repeatedly been disrupted by blockades.",
    "Thousands of migrants remain held in detention centres in the west of the country.",
    "The conflict has drawn in regional powers that back opposing sides with weapons and fighters.",
    "The fighting around the capital killed hundreds of people and displaced more than 150,000.",
    "Several ceasefires have been announced in recent years, only to collapse within weeks.",
    "Diplomats fear the country could be partitioned if the stalemate continues.",
    "The central bank has been at the centre of a struggle for control of the country's oil revenue.",
    "Analysts say the conflict has turned into a proxy war between foreign powers.",
    "Humanitarian agencies say access to the areas worst hit by the fighting remains limited.",
)
NEWSLETTER = ("Sign up for our newsletter to get the latest news from Libya", "Subscribe to our daily briefing",
              "Get our Middle East newsletter straight to your inbox", "Enter your email address to subscribe",
              "Sign up to receive breaking news alerts")
NAV = ("Skip to main content", "Menu", "Home", "News", "Middle East", "Africa", "Politics", "Search", "Log in",
       "Subscribe", "Opinion", "Video", "Latest")
TEASERS = ("Libya's oil output recovers as ports reopen", "UN envoy briefs Security Council on Libya",
           "Migrants rescued off the Libyan coast", "Tunisia tightens border with Libya",
           "Turkish parliament extends troop mandate", "Egypt hosts talks between Libyan rivals",
           "Floods devastate eastern Libyan city", "What is the Wagner Group doing in Africa?",
           "Analysis: the battle for Sirte explained", "Central bank unification talks stall")
SHARE = ("Share this article", "Share on Facebook", "Share on Twitter", "Copy link", "Print", "Comments")


@dataclass
class Cast:
    """The actors available to the generator, grouped by role."""

    east_leaders: list[str]
    west_leaders: list[str]
    east_factions: list[str]
    west_factions: list[str]
    east_backers: list[str]
    west_backers: list[str]
    other_states: list[str]
    orgs: list[str]
    people: list[tuple[str, str]]  # (name, description) for speakers

    @classmethod
    def from_gazetteer(cls) -> Cast:
        try:
            from loaders.gazetteer import load_gazetteer

            entries = list(load_gazetteer().entries.values())
        except Exception:  # the generator must still work without the package's data
            entries = []

        def names(types: tuple[str, ...], side: str | None | object = ..., country: object = ...) -> list[str]:
            return [e.name for e in entries if e.actor_type in types
                    and (side is ... or e.side == side) and (country is ... or e.country == country)]

        libyan = {e.name for e in entries if e.country == "Libya" or e.name == "Libya"}

        def foreign(found: list[str]) -> list[str]:
            return [n for n in found if n not in libyan]

        def pick(found: list[str], fallback: tuple[str, ...]) -> list[str]:
            return found or list(fallback)

        people = []
        for e in entries:
            if e.actor_type == "person":
                title = e.titles[0] if e.titles else None
                desc = f"{e.country}'s {title}" if title and e.country and e.country != "Libya" else (title or "")
                people.append((e.name, desc))
        return cls(
            east_leaders=pick(names(("person",), "east", "Libya"), ("Khalifa Haftar", "Aguila Saleh")),
            west_leaders=pick(names(("person",), "west", "Libya"), ("Fayez al-Sarraj", "Abdul Hamid Dbeibah")),
            east_factions=pick(names(("armed_group", "government"), "east", "Libya"), ("Libyan National Army",)),
            west_factions=pick(names(("armed_group", "government"), "west", "Libya"),
                               ("Government of National Accord",)),
            east_backers=pick(foreign(names(("country", "armed_group"), "east")),
                              ("Russia", "Egypt", "United Arab Emirates", "Wagner Group")),
            west_backers=pick(foreign(names(("country",), "west")), ("Turkey", "Qatar")),
            other_states=pick(foreign(names(("country",), None)),
                              ("United States", "France", "Italy", "Germany")),
            orgs=pick(names(("international_org",)), ("United Nations", "European Union", "African Union")),
            people=people + list(INVENTED_PEOPLE),
        )


@dataclass
class Story:
    published: dt.date
    outlet: tuple[str, str]
    headline: str
    standfirst: str
    paragraphs: list[str]
    captions: list[str] = field(default_factory=list)
    place: str = "Tripoli"


def _date_phrase(rng: random.Random, published: dt.date) -> str:
    """A date expression relative to (or absolute near) the publication date."""
    roll = rng.random()
    if roll < 0.35:
        back = rng.randint(1, 6)
        return f"on {WEEKDAYS[(published - dt.timedelta(days=back)).weekday()]}"
    if roll < 0.6:
        day = published - dt.timedelta(days=rng.randint(1, 25))
        return f"on {day.day} {MONTHS[day.month - 1]}"
    if roll < 0.8:
        day = published - dt.timedelta(days=rng.randint(30, 400))
        return f"in {MONTHS[day.month - 1]} {day.year}"
    if roll < 0.9:
        return rng.choice(("last week", "earlier this month", "late on Friday", "on Tuesday evening"))
    return "yesterday"


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


class ArticleWriter:
    def __init__(self, cast: Cast) -> None:
        self.cast = cast

    # -- sentence makers -----------------------------------------------------------------------------------------

    def speaker(self, rng: random.Random) -> str:
        """A speaker as it appears before a verb: "X", "X, his title," or an anonymous/institutional source."""
        roll = rng.random()
        if roll < 0.15:
            return rng.choice(ANONYMOUS)
        if roll < 0.3:
            return f"a spokesperson for the {rng.choice(self.cast.orgs)}"
        name, desc = rng.choice(self.cast.people)
        return f"{name}, {desc}," if desc and rng.random() < 0.4 else name

    def direct_quote(self, rng: random.Random, date: str) -> str:
        q = rng.choice(QUOTE_CLAUSES)
        speaker = self.speaker(rng)
        form = rng.randrange(4)
        if form == 0:
            return f"“{_cap(q)},” {speaker} {rng.choice(SPEECH_VERBS)} {date}."
        if form == 1:
            return _cap(f"{speaker} {rng.choice(SPEECH_VERBS)}: “{_cap(q)}.”")
        if form == 2:
            q2 = rng.choice(QUOTE_CLAUSES)
            return f"“{_cap(q)},” said {speaker.rstrip(',')}. “And {q2}.”"
        return f"\"{_cap(q)},\" {speaker} said."

    def reported(self, rng: random.Random, date: str) -> str:
        clause = rng.choice(REPORTED_CLAUSES)
        speaker = self.speaker(rng)
        form = rng.randrange(4)
        if form == 0:
            return _cap(f"{speaker} {rng.choice(REPORTING_VERBS)} {date} that {clause}.")
        if form == 1:
            return f"According to {speaker.rstrip(',')}, {clause}."
        speaker = _cap(speaker)
        if form == 2:
            target = rng.choice(self.cast.east_factions + self.cast.west_factions)
            return f"{speaker} urged the {target} to {rng.choice(('respect the truce', 'return to talks', 'withdraw its forces', 'hand over the detainees'))}."
        return f"{speaker} accused {rng.choice(self.cast.east_backers + self.cast.west_backers)} of {rng.choice(('prolonging the war', 'meddling in Libya', 'sending mercenaries', 'undermining the talks'))}."

    def allegation(self, rng: random.Random, date: str) -> str:
        east = rng.random() < 0.55
        supplier = rng.choice(self.cast.east_backers if east else self.cast.west_backers)
        recipient = rng.choice(self.cast.east_factions if east else self.cast.west_factions)
        materiel = rng.choice(MATERIEL)
        form = rng.randrange(6)
        if form == 0:
            return f"{supplier} has been accused of supplying the {recipient} with {materiel}."
        if form == 1:
            return (f"A UN report said {supplier} had sent {rng.choice(QUANTITIES)} {materiel} to {recipient}, "
                    "in violation of the arms embargo.")
        if form == 2:
            return f"UN experts said {date} that {supplier} had shipped {materiel} to forces loyal to {recipient}."
        if form == 3:
            other = rng.choice(self.cast.east_backers if east else self.cast.west_backers)
            suppliers = _join(sorted({supplier, other}))
            return f"{suppliers} were accused of breaching the arms embargo by supplying {recipient} with {materiel}."
        if form == 4:
            return f"{supplier} denied the allegations that it had delivered {materiel} to the {recipient}."
        return (f"According to a confidential report by the UN Panel of Experts, {supplier} deployed "
                f"{rng.choice(QUANTITIES)} {materiel} in support of {recipient}.")

    def support(self, rng: random.Random) -> str:
        east = rng.random() < 0.5
        backers = self.cast.east_backers if east else self.cast.west_backers
        faction = rng.choice(self.cast.east_factions if east else self.cast.west_factions)
        form = rng.randrange(5)
        if form == 4:
            leader = rng.choice(self.cast.east_leaders if east else self.cast.west_leaders)
            chosen = rng.sample(backers, k=min(len(backers), rng.randint(1, 3)))
            return f"{leader} is backed by {_join(chosen)}."
        if form == 0:
            return f"The {rng.choice(backers)}-backed {faction} {rng.choice(('has lost ground', 'pressed its advance', 'rejected the proposal', 'regrouped near ' + rng.choice(PLACES)))}."
        if form == 1:
            chosen = rng.sample(backers, k=min(len(backers), rng.randint(1, 3)))
            return f"The {faction} is backed by {_join(chosen)}."
        if form == 2:
            return f"{rng.choice(backers)} supports the {faction}, diplomats say."
        return f"The {faction} enjoys the backing of {rng.choice(backers)}."

    def event(self, rng: random.Random, date: str) -> str:
        place = rng.choice(PLACES)
        e_faction = rng.choice(self.cast.east_factions)
        w_faction = rng.choice(self.cast.west_factions)
        attacker, defender = (e_faction, w_faction) if rng.random() < 0.5 else (w_faction, e_faction)
        p1 = rng.choice(self.cast.people)[0]
        p2 = rng.choice(self.cast.east_leaders + self.cast.west_leaders)
        form = rng.randrange(8)
        return (
            f"{_cap(date)}, {attacker} forces launched an offensive on {place}.",
            f"{p1} met {p2} in {rng.choice(('Cairo', 'Ankara', 'Moscow', 'Rome', 'Paris', 'Abu Dhabi', 'Berlin'))} {date} to discuss the crisis.",
            f"{p1} spoke by phone with {p2} {date}, his office said.",
            f"{_cap(date)}, the {attacker} captured {place} after days of heavy fighting.",
            f"Drone strikes hit {place} {date}, killing at least {rng.randint(2, 30)} people.",
            f"Hundreds of people protested in {place} {date} against the {defender}.",
            f"The {rng.choice(self.cast.orgs)} {rng.choice(('extended the mandate of its mission', 'adopted a resolution on Libya', 'imposed sanctions on two commanders'))} {date}.",
            f"{rng.choice(self.cast.east_backers + self.cast.west_backers)} deployed troops to {place} {date}.",
        )[form]

    def sentence(self, rng: random.Random, published: dt.date) -> str:
        date = _date_phrase(rng, published)
        roll = rng.random()
        if roll < 0.2:
            return self.direct_quote(rng, date)
        if roll < 0.35:
            return self.reported(rng, date)
        if roll < 0.5:
            return self.allegation(rng, date)
        if roll < 0.62:
            return self.support(rng)
        if roll < 0.82:
            return self.event(rng, date)
        return rng.choice(BACKGROUND)

    # -- a story and its page ------------------------------------------------------------------------------------

    def story(self, rng: random.Random) -> Story:
        published = dt.date(2014, 1, 1) + dt.timedelta(days=rng.randint(0, 365 * 11))
        place = rng.choice(PLACES)
        leader = rng.choice(self.cast.east_leaders + self.cast.west_leaders)
        backer = rng.choice(self.cast.east_backers + self.cast.west_backers)
        headline = rng.choice((
            f"Clashes erupt near {place} as {leader}'s forces advance",
            f"UN accuses {backer} of breaching Libya arms embargo",
            f"{leader} rejects ceasefire call as fighting rages in {place}",
            f"Libya talks resume amid fresh fighting around {place}",
            f"{backer} steps up military support in Libya, report says",
            f"Drone strikes kill civilians in {place}, officials say",
        ))
        standfirst = rng.choice((
            f"The fighting near {place} is the heaviest in months, residents say, as foreign powers deepen their involvement.",
            "A confidential UN report seen by reporters details shipments of weapons to both sides of Libya's war.",
            f"Diplomats warn that the conflict risks drawing in more regional powers as {leader} digs in.",
            "The latest escalation comes days before a planned round of UN-led talks in Geneva.",
        ))
        target_words = rng.randint(480, 720)
        paragraphs: list[str] = []
        words = len(headline.split()) + len(standfirst.split())
        while words < target_words:
            para = " ".join(self.sentence(rng, published) for _ in range(rng.randint(2, 4)))
            paragraphs.append(para)
            words += len(para.split())
        captions = []
        for _ in range(rng.randint(0, 2)):
            day = published - dt.timedelta(days=rng.randint(0, 30))
            captions.append(
                f"{rng.choice(('Fighters loyal to the', 'Members of the', 'A convoy of the'))} "
                f"{rng.choice(self.cast.east_factions + self.cast.west_factions)} in {rng.choice(PLACES)} on "
                f"{day.day} {MONTHS[day.month - 1]} {day.year}. Credit: {rng.choice(PHOTOGRAPHERS)}")
        return Story(published, rng.choice(OUTLETS), headline, standfirst, paragraphs, captions, place)

    def page(self, rng: random.Random, story: Story, outlet: tuple[str, str] | None = None) -> str:
        """Render a story as a scraped page with one outlet's furniture."""
        name, domain = outlet or story.outlet
        pub = story.published
        lines: list[str] = []
        if rng.random() < 0.8:
            lines.append("Skip to main content")
        lines += rng.sample(NAV, k=rng.randint(2, 6))
        if rng.random() < 0.5:
            lines.append(f"{rng.choice(TEASERS)} Read More »")
        lines += ["", story.headline, "", story.standfirst, ""]
        if rng.random() < 0.6:
            lines.append(f"By {rng.choice(('Staff', 'Ahmed Elumami', 'Samy Magdy', 'Aidan Lewis', 'Sami Zaptia'))}")
        lines.append(f"Published {pub.day} {MONTHS[pub.month - 1]} {pub.year}" if rng.random() < 0.7
                     else f"{WEEKDAYS[pub.weekday()]} {pub.day} {MONTHS[pub.month - 1]} {pub.year} {rng.randint(6, 22):02d}:{rng.randint(0, 59):02d}")
        lines.append("")
        dateline = f"{rng.choice(DATELINES)}, {MONTHS[pub.month - 1]} {pub.day} ({rng.choice(AGENCIES)}) - "
        captions = list(story.captions)
        for index, para in enumerate(story.paragraphs):
            lines.append((dateline if index == 0 and rng.random() < 0.6 else "") + para)
            lines.append("")
            if captions and rng.random() < 0.25:
                lines += [captions.pop(), ""]
            if index == 3 and rng.random() < 0.5:
                lines += [rng.choice(NEWSLETTER), ""]
            if index == 5 and rng.random() < 0.4:
                lines += [f"Read More » {rng.choice(TEASERS)}", ""]
        lines += captions
        lines += rng.sample(SHARE, k=rng.randint(1, 3))
        if rng.random() < 0.8:
            lines += ["", rng.choice(("Related articles", "Read more", "More from Libya", "You may also like"))]
            lines += rng.sample(TEASERS, k=rng.randint(2, 5))
        lines += ["", rng.choice(NEWSLETTER), f"© {pub.year} {name}. All rights reserved.", domain]
        return "\n".join(lines) + "\n"


_EDITS = ((" said ", " told reporters "), ("launched", "started"), ("at least", "no fewer than"),
          ("heavy fighting", "fierce clashes"), ("Drone strikes", "Air strikes"), ("warned", "cautioned"))


def _wire_copy(rng: random.Random, story: Story) -> Story:
    """The same story republished elsewhere: a couple of small edits, perhaps a dropped paragraph."""
    paragraphs = list(story.paragraphs)
    for _ in range(rng.randint(1, 3)):
        index = rng.randrange(len(paragraphs))
        old, new = rng.choice(_EDITS)
        paragraphs[index] = paragraphs[index].replace(old, new, 1)
    if len(paragraphs) > 6 and rng.random() < 0.5:
        del paragraphs[rng.randrange(1, len(paragraphs))]
    headline = story.headline if rng.random() < 0.6 else story.headline.replace(" as ", " while ", 1)
    return Story(story.published, rng.choice(OUTLETS), headline, story.standfirst, paragraphs, story.captions,
                 story.place)


def _rng(seed: int, index: int, salt: int = 0) -> random.Random:
    return random.Random((seed * 1_000_003 + index) * 7 + salt)


def article_text(index: int, seed: int, writer: ArticleWriter | None = None) -> str:
    """The raw text of article `index` (a pure function of seed and index)."""
    writer = writer or ArticleWriter(Cast.from_gazetteer())
    choice = _rng(seed, index, 1)
    if index >= 1 and choice.random() < WIRE_COPY_SHARE:
        original = max(0, index - choice.randint(1, WIRE_COPY_WINDOW))
        story = writer.story(_rng(seed, original))
        # If the original is itself a copy, this copies the story it regenerates: still a near-duplicate.
        return writer.page(_rng(seed, index, 2), _wire_copy(choice, story))
    rng = _rng(seed, index)
    story = writer.story(rng)
    return writer.page(_rng(seed, index, 2), story)


def iter_articles(count: int, seed: int, start: int = 0) -> Iterator[tuple[int, str]]:
    writer = ArticleWriter(Cast.from_gazetteer())
    for index in range(start, start + count):
        yield index, article_text(index, seed, writer)


def generate(out: Path, count: int, seed: int = 1, *, quiet: bool = False) -> tuple[int, int]:
    """Write `count` articles to out/NNNNNN.txt; returns (articles, words). Existing identical files are kept."""
    out.mkdir(parents=True, exist_ok=True)
    words = 0
    started = time.monotonic()
    for index, text in iter_articles(count, seed):
        path = out / f"{index:06d}.txt"
        data = text.encode("utf-8")
        if not (path.exists() and path.stat().st_size == len(data) and path.read_bytes() == data):
            path.write_bytes(data)
        words += len(text.split())
        if not quiet and sys.stderr.isatty() and index % 500 == 0:
            sys.stderr.write(f"\r  {index + 1}/{count} articles")
            sys.stderr.flush()
    if not quiet and sys.stderr.isatty():
        sys.stderr.write("\r" + " " * 40 + "\r")
    if not quiet:
        print(f"wrote {count} articles ({words:,} words, {time.monotonic() - started:.1f}s) to {out}")
    return count, words


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.generate", description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000, help="number of articles (default 1000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--out", type=Path, required=True, help="output folder (created if needed)")
    args = parser.parse_args(argv)
    if args.articles < 1:
        parser.error("--articles must be at least 1")
    generate(args.out, args.articles, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
