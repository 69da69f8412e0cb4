"""Events: sentence in -> (type, participants) rows out, with the real gazetteer."""

from __future__ import annotations

import datetime as dt

import pytest

from loaders.extract import extract
from loaders.gazetteer import load_gazetteer
from loaders.model import FuzzyDate

PUBLISHED = FuzzyDate(dt.date(2020, 6, 10), "day")


def events(text: str):
    return extract(text, PUBLISHED, load_gazetteer()).events


def types(text: str) -> list[str]:
    return [e.event_type for e in events(text)]


CASES = [
    ("Erdogan met with Fayez al-Sarraj in Ankara on Thursday to discuss the military accord.", ["meeting"]),
    ("Vladimir Putin spoke with Recep Tayyip Erdogan by phone on Monday about Libya.", ["phone_call"]),
    ("Emmanuel Macron called Khalifa Haftar on Sunday, the Elysee said.", ["phone_call"]),
    ("Haftar's forces launched an offensive on Tripoli in April 2019.", ["offensive"]),
    ("The Libyan National Army advanced on the coastal city of Sirte in January.", ["offensive"]),
    ("Drones struck a military academy in Tripoli on January 4, killing 30 cadets.", ["attack"]),
    ("GNA forces recaptured the strategic al-Watiya air base on May 18.", ["capture"]),
    ("The UN Security Council adopted a resolution on Libya on February 12.", ["un_action"]),
    ("Turkey signed a maritime agreement with the Government of National Accord in November 2019.", ["diplomatic"]),
    ("Hundreds of protesters took to the streets of Tripoli on Sunday.", ["protest"]),
    ("Muammar Gaddafi was ousted in 2011.", ["other"]),
    ("Heiko Maas visited Benghazi on Tuesday.", ["diplomatic"]),
    ("A rocket hit a market in the capital on Saturday, the health ministry said.", ["attack"]),
    ("Angela Merkel and Foreign Minister Heiko Maas held separate talks with each of them.", ["meeting"]),
    ("Leaders met on Sunday at a summit in Berlin to discuss the war.", ["meeting"]),
    ("Khalifa Haftar had led a 14-month war on Tripoli in 2019 and 2020.", ["offensive"]),
    ("Stephanie Williams told the Security Council that flights had continued.", ["un_action"]),
    ("Libya has been under a UN arms embargo imposed in 2011.", ["un_action"]),
    ("Turkey has troops in western Libya under a 2019 security agreement.", ["diplomatic"]),
    ("Abdul Hamid Dbeibah ordered the public prosecutor to open an investigation.", ["other"]),
    ("The summit was overshadowed by a blockade of Libya's oil terminals by forces loyal to Haftar.", ["other"]),
    ("The European Union's Operation Irini, launched in March 2020, monitors the embargo.", ["other"]),
    ("The Government of National Accord announced a counter-offensive on Sunday.", ["offensive"]),
    ("Khalifa Haftar ordered his troops to march on Tripoli on Thursday.", ["offensive"]),
    ("Haftar's forces have been trying since April 2019 to seize Tripoli.", ["offensive"]),
    ("Government forces drove the Libyan National Army out of western Libya in June.", ["offensive"]),
    ("The UN Security Council held an emergency closed-door meeting on Friday.", ["un_action"]),
    ("Libya has been under an arms embargo imposed by the UN Security Council in 2011.", ["un_action"]),
    ("Turkey summoned the EU's charge d'affaires on Monday.", ["diplomatic"]),
    ("The European Union imposed sanctions on three companies on Monday.", ["diplomatic"]),
    ("The House of Representatives appointed Fathi Bashagha as prime minister in February.", ["other"]),
    # a word ending in "a" before the verb is not the article "a" ("Libya appealed" is no "a appealed")
    ("The UN mission in Libya appealed for a two-hour truce on Sunday.", ["un_action"]),
    # a UN body holding a meeting is a UN action
    ("The UN Security Council held an emergency closed-door meeting on Friday.", ["un_action"]),
    ("GNA forces drove Haftar's Libyan National Army (LNA) out of western Libya in June.", ["offensive"]),
    # the captor may go unnamed
    ("Last month, the army retook the coastal cities of Sorman and Sabratha.", ["capture"]),
    ("Turkey's parliament voted earlier this month to allow troop deployments to Libya.", ["other"]),
]

NOTHING = [
    "Sisi warned that any advance on the Sirte-Jufra line would be treated as a direct threat.",  # hypothetical
    "Al-Kabir, who is believed to have left the country, accused armed groups of threatening him.",  # hedged
    "An Italian navy ship carrying medicines docked in the besieged Libyan port on Tuesday.",  # an adjective
    "The strike left 20 people dead.",
    "Putin could meet Erdogan next week to discuss Libya.",
    "Haftar plans to launch a new offensive on Misrata.",
    "The GNA refused to attend the talks in Moscow.",
    "Sarraj did not meet Haftar during the Berlin conference.",
    "Russia would veto any resolution that blames Haftar.",
    "Haftar called on his forces to stand firm.",
    "Forces of the internationally recognised Government of National Accord held their positions.",
    # a headline (no terminal punctuation) is page furniture
    "Haftar forces launch offensive on Tripoli",
    "Sarraj spoke at a news conference on Monday in Tripoli.",
    "Dbeibah could impose a curfew if the clashes continue.",
    "The government did not order an investigation into the dams.",
    # seizing weapons is not taking ground; a summit being prepared has not happened
    "Army spokesman Abdel-Hadi Dorra said the army had seized large quantities of weapons.",
    "The row comes as the European Union prepares for a summit on December 10.",
]


def test_participants_subject_first():
    (event,) = events("Erdogan met with Fayez al-Sarraj in Istanbul on Saturday.")
    names = [p.actor_name for p in event.participants]
    assert names[0] == "Recep Tayyip Erdogan" and "Fayez al-Sarraj" in names
    assert event.participants[0].role == "initiator"
    assert event.location_text == "Istanbul"


def test_date_is_resolved_from_the_clause():
    (event,) = events("Haftar launched an offensive on Tripoli in April 2019.")
    assert str(event.occurred) == "2019-04"


def test_re_mentioned_offensive_is_one_event_beside_the_supply():
    text = (
        "Haftar launched an offensive on Tripoli in April 2019. Russia sent mercenaries to support Haftar's "
        "forces in the April offensive. Haftar's offensive has stalled."
    )
    assert types(text) == ["offensive", "deployment"]  # (the mercenaries sent are an event of their own)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a possessor's offensive aimed at a place is that possessor's offensive, told once
        ("Russia sent fighters in 2019 to bolster Haftar's 14-month assault on Tripoli.", ["Khalifa Haftar"]),
        ("Turkish drones broke Haftar’s failed offensive on the capital.", ["Khalifa Haftar"]),
        # a possessive pronoun resolved to its owner
        ("Khalifa Haftar spoke in Benghazi. Russia supported his failed offensive on Tripoli.", ["Khalifa Haftar"]),
        # a possessive with no target is a bare re-mention, as before
        ("Turkish drones broke Haftar's offensive.", None),
        ("Khalifa Haftar spoke in Benghazi. His offensive stalled.", None),
    ],
)
def test_a_possessed_offensive_aimed_at_a_place_is_an_offensive(text: str, expected: list[str] | None) -> None:
    found = [e for e in events(text) if e.event_type == "offensive"]
    if expected is None:
        assert found == []
    else:
        (event,) = found
        assert [p.actor_name for p in event.participants][: len(expected)] == expected
        assert event.participants[0].role == "initiator"


def test_a_possessed_offensive_named_in_passing_keeps_the_event_of_its_clause():
    text = "Russia deployed Wagner mercenaries to Libya in 2019 to support Haftar's offensive on Tripoli."
    found = events(text)
    assert [e.event_type for e in found] == ["deployment", "offensive"]
    offensive = found[1]
    assert text[offensive.evidence_start : offensive.evidence_end] == "Haftar's offensive on Tripoli"
    assert [p.actor_name for p in offensive.participants] == ["Khalifa Haftar"]


@pytest.mark.parametrize(
    "text,expected",
    [
        # a noun phrase takes the date next to it, not one later in its clause
        ("The April 2019 attack by Haftar's forces on Tripoli, which killed dozens, was investigated by the UN in "
         "June 2020.", "2019-04"),
        ("The 2019 offensive by Haftar on Tripoli was condemned by the UN on Tuesday.", "2019"),
    ],
)
def test_a_noun_phrase_is_dated_by_the_words_around_it(text, expected):
    (event,) = events(text)
    assert str(event.occurred) == expected


def test_a_later_noun_phrase_tells_an_offensive_better_than_a_possessive():
    text = (
        "Turkey sent drones to repel Haftar’s offensive on Tripoli. The LNA relied on Wagner contractors during "
        "its 14-month push on the capital, which collapsed in June."
    )
    (event,) = [e for e in events(text) if e.event_type == "offensive"]
    assert "push on the capital" in text[event.evidence_start : event.evidence_end]


def test_same_meeting_reported_twice_is_one_event():
    text = (
        "Senior U.S. officials met with Khalifa Haftar on Sunday, the State Department said. "
        '"U.S. officials met with Khalifa Haftar on June 7 to discuss a ceasefire," the statement said.'
    )
    assert types(text) == ["meeting"]


def test_dated_noun_phrase_counts():
    (event,) = events("The UAE is suspected in the bombing of a migrant detention centre in Tajoura last July.")
    assert event.event_type == "attack"
    assert [p.actor_name for p in event.participants] == ["United Arab Emirates"]


def test_undated_noun_phrase_does_not_count():
    assert events("The attack on the capital diverted resources from counterterrorism.") == []


def test_evidence_contains_trigger():
    text = "Trump met with Egyptian President Abdel Fattah al-Sisi on 9 April."
    (event,) = events(text)
    assert "met with" in text[event.evidence_start : event.evidence_end]


# ---------------------------------------------------------------------------------------------------------------
# General coverage (made-up sentences, several outlets' styles). Decisions: an authorisation by a parliament is
# "other" (nothing deployed yet); a threat is no event; recognition of a government is "diplomatic" (not support).

GENERAL_CASES = [
    # a wire's end marker after the last stop leaves the paragraph body text, not a headline
    ("Libya has been plagued by chaos since 2011. A UN-sponsored ceasefire agreement was signed in Geneva in "
     "October 2020. Enditem", ["diplomatic"]),
    # a time phrase between "advanced" and where to
    ("Haftar's forces have advanced in recent days to within 50 miles of Tripoli.", ["offensive"]),
    # a campaign under way in a Libyan city (a war abroad is not one)
    ("Haftar has been fighting Islamist militias in Benghazi since 2014.", ["offensive"]),
    # relief goods and teams sent
    ("Italy sent a navy vessel with two helicopters and a team of civil protection experts.", ["other"]),
    ("Egypt shipped tents, blankets and generators to Benghazi.", ["other"]),
    # embargo enforcement at sea: attempts, refusals and obstruction
    ("In June, the French frigate Courbet tried to inspect the cargo ship Cirkin off Libya.", ["other"]),
    ("Turkey refused to allow a German frigate operating under Irini to complete a search.", ["other"]),
    ("The Greek frigate Spetsai, operating under Irini, was prevented from approaching the freighter Cirkin.",
     ["other"]),
    ("Ankara has refused flag-state consent for Irini to board Turkish-flagged merchant ships bound for Libya.",
     ["other"]),
    ("The GNA has officially requested air, ground and naval military support from Turkey.", ["diplomatic"]),
    ("Egypt has courted Turkish officials in recent weeks.", ["diplomatic"]),
    ('Sisi unveiled what he called the "Cairo Declaration", standing beside Haftar and Aguila Saleh.', ["diplomatic"]),
    ("The French president on Tuesday brought together Libya's two most powerful rivals.", ["meeting"]),
    # a UN body's report made public
    ("The UN panel of experts, in a report released last month, documented flights to Benghazi.", ["un_action"]),
    ("Storm Daniel burst two dams above the city on 10 September.", ["other"]),
    ("The presidential vote scheduled for 24 December 2021 collapsed two days before polling day.", ["other"]),
    # "planned for a date" describes the subject; the verb still happened
    ("Elections planned for 24 December 2021 were postponed indefinitely.", ["other"]),
    ("Authorities cut mobile and internet communications in Derna on Monday.", ["other"]),
    ("Telephone and internet lines in the city went dead on Tuesday.", ["other"]),
    ("On 2 July a strike on the Tajoura migrant detention centre killed 53 people.", ["attack"]),
    # a passive strike whose attacker is unnamed
    ("The base was struck by unidentified aircraft on 5 July.", ["attack"]),
    ("Osama Njeem was arrested in Turin on 19 January 2025.", ["capture"]),
    ("Clashes erupted in southern Tripoli on Monday.", ["attack"]),
    ("Heavy fighting broke out near the airport overnight, residents said.", ["attack"]),
    ("Airstrikes hit the town of Tarhuna overnight.", ["attack"]),
    ("Forces loyal to the GNA captured the town of Sabratha on Monday.", ["capture"]),
    ("Forces aligned with Libya's internationally recognised government seized two coastal towns on Monday.",
     ["capture"]),
    ("Haftar launched Operation Dignity in 2014.", ["offensive"]),
    ("GNA forces pushed Haftar's troops back from the outskirts of the capital in June.", ["offensive"]),
    ("LNA air defences shot down two Turkish drones near al-Watiya on Sunday.", ["attack"]),
    ("Germany hosted a summit in Berlin on January 19.", ["meeting"]),
    ("Turkish Foreign Minister Mevlut Cavusoglu visited Tripoli on Saturday.", ["diplomatic"]),
    ("Turkey and the GNA signed security and maritime deals in November.", ["diplomatic"]),
    ("Egypt's parliament approved the possible deployment of troops outside the country on Monday.", ["other"]),
    ("Hundreds of protesters gathered outside the city's main mosque on Monday.", ["protest"]),
    ("Egypt dispatched rescue teams and relief supplies to Derna on Wednesday.", ["other"]),
    # natural disasters strike and kill too: an event, but never an attack
    ("The floods that struck Derna in September killed thousands.", ["other"]),
    # a longer modifier before the offensive noun; an appointment is "other"
    ("Khalifa Haftar launched a ground and air assault on Benghazi's militias on Friday.", ["offensive"]),
    ("Ghassan Salame, a Lebanese academic, was appointed UN envoy for Libya in June.", ["other"]),
    ("Haftar's forces took over the airport on Monday.", ["capture"]),
    ("Erdogan spoke by phone with Sarraj on Monday.", ["phone_call"]),
    # talks "held in" a place, parties that "met at" one, "meeting in" as an aside
    ("The indirect talks, held in Moscow on Monday, ended without a deal.", ["meeting"]),
    ("Sarraj and Haftar met at the Chateau de la Celle-Saint-Cloud on Tuesday.", ["meeting"]),
    ("Foreign ministers from the G7, meeting in Dinard on Saturday, urged restraint.", ["meeting"]),
    # "the first country to recognise" states a fact; arson and continued shelling are attacks
    ("France became the first country to recognise the National Transitional Council on March 10.", ["diplomatic"]),
    ("Protesters set fire to the house of the mayor on Monday.", ["attack"]),
    ("Gheriani said Gaddafi's forces had kept shelling Misrata after the announcement.", ["attack"]),
    ("Interim Prime Minister Osama Hamad dissolved Derna's municipal council on Tuesday.", ["other"]),
    # visits, walk-outs, chaired conferences
    ("Lavrov spoke during a visit to Sri Lanka on Tuesday.", ["diplomatic"]),
    ("Turkey walked out of the gathering on Tuesday.", ["diplomatic"]),
    ("John Kerry co-chaired a conference in Rome on Sunday.", ["meeting"]),
    # a background embargo named in passing keeps its own row beside the clause's other UN action
    ("The UN Panel of Experts on Libya said in its latest report to the Security Council that Russian personnel had "
     "reached the country, in violation of the arms embargo in place since 2011.", ["un_action", "un_action"]),
    ("Paris argues that Resolution 1973, passed on March 17, allows strikes, and that the arms embargo imposed in "
     "February by Resolution 1970 does not bar them.", ["un_action", "un_action"]),
    ("The UN Security Council had imposed an arms embargo on Libya in 2011.", ["un_action"]),
    ("A UN panel concluded that the arms embargo imposed on Libya a decade ago has been violated.", ["un_action"]),
    # EU measures are no UN action; sanctions by another name; listings; plans endorsed by a body
    ("On 13 December, the Council of the EU adopted restrictive measures against the Wagner Group.", ["diplomatic"]),
    ("In September 2020, the EU listed three companies for violating the embargo.", ["diplomatic"]),
    ("The elections are part of the roadmap endorsed by the Libyan Political Dialogue Forum in November 2020.",
     ["diplomatic"]),
    ("The government in Tobruk expelled Sudan's military attaché on Monday.", ["diplomatic"]),
    ("Cargo flights surged after the collapse of Assad’s government in December.", ["other"]),
    ("Stephanie Williams took up her duties in December.", ["other"]),
    # a decision issued, a suspension announced; two differently worded events far apart in one clause stay two
    ("On Monday, the Government of National Stability announced the suspension of oil production and exports.",
     ["other"]),
    ("On 18 August, the Presidential Council issued a decision dismissing the governor of the central bank.",
     ["other"]),
    ("The Presidential Council dismissed the governor of the central bank in August and the eastern authorities "
     "ordered the closure of all oil fields.", ["other", "other"]),
    # force majeure in quotation marks; a parliament's vote to allow troops abroad; residents "of" a town gathering
    ("Osama Hammad's government retaliated on August 26 by declaring “force majeure” on all oil fields.", ["other"]),
    ("Turkey’s parliament voted to allow troops to be deployed to Libya on January 2.", ["other"]),
    ("Hundreds of residents of Derna gathered on Monday in the square outside the mosque.", ["protest"]),
    # command taken over, a cabinet sworn in, a premier selected, a dated invasion
    ("NATO took over command of the air campaign at the end of March.", ["other"]),
    ("The House of Representatives swore in Fathi Bashagha and his cabinet in March.", ["other"]),
    ("The Libyan Political Dialogue Forum in February 2021 selected Abdul Hamid Dbeibah as prime minister.",
     ["other"]),
    ("Moscow's invasion of Ukraine on 24 February changed its priorities.", ["offensive"]),
    # an actor's departure (not "the strike left 20 people dead")
    ("Fathi Bashagha left Tripoli on Tuesday only hours after arriving in the capital.", ["other"]),
    ("Al-Kabir, who left the country on Tuesday, told the Financial Times he had fled.", ["other"]),
    # a visit made to meet someone, or told with the meeting it led to, is that meeting
    ("Antonio Guterres flew to Benghazi on Friday and met Khalifa Haftar.", ["meeting"]),
    ("Yunus-Bek Yevkurov has visited Benghazi several times to meet Khalifa Haftar.", ["meeting"]),
    ("Khalifa Haftar traveled to Athens on Friday for talks with Greek officials.", ["meeting"]),
    ("Yevkurov has visited Benghazi several times since 2023, meeting Haftar each time.", ["meeting"]),
    ("Giorgia Meloni travelled to Tripoli in January, where she met Abdul Hamid Dbeibah.", ["meeting"]),
    # (a visit followed by another's meeting stays a visit)
    ("Heiko Maas visited Benghazi on Tuesday after Haftar met Putin.", ["diplomatic", "meeting"]),
    # blocking an inspection, mines and trenches, reinforcing positions
    ("Turkish warships prevented a French frigate from inspecting the Cirkin in June.", ["other"]),
    ("Wagner fighters had dug trenches and laid mines along the western approaches to Sirte.", ["other"]),
    ("Russia's Wagner Group was reinforcing positions in and around Sirte on Monday.", ["deployment"]),
    # everyday conflict vocabulary
    ("Gunmen opened fire on a convoy carrying Libyan officials near Zawiya on Monday.", ["attack"]),
    ("An explosion ripped through a market in Benghazi on Friday, killing seven people.", ["attack"]),
    ("Haftar's forces fired rockets at Mitiga airport on Tuesday.", ["attack"]),
    ("Rival militias clashed in central Tripoli overnight.", ["attack"]),
    ("Forces loyal to the GNA entered the town of Tarhuna on Friday.", ["capture"]),
    ("The LNA declared a unilateral ceasefire on Sunday.", ["diplomatic"]),
    ("The United States froze the assets of a Libyan smuggling network on Friday.", ["diplomatic"]),
    ("Gunmen kidnapped four Italian workers near Mellitah on Monday.", ["other"]),
    ("Hundreds of prisoners escaped from a jail in southern Tripoli on Sunday.", ["other"]),
    ("Thousands of families fled their homes in southern Tripoli last week.", ["other"]),
    ("The House of Representatives passed a vote of no confidence in the government on Tuesday.", ["other"]),
    ("A migrant boat capsized off the coast of Khoms on Thursday.", ["other"]),
    ("The LNA began a push towards Sirte on Monday.", ["offensive"]),
    # a named operation is an offensive only when a Libyan party launches it
    ("The EU launched Operation Irini in March to enforce the arms embargo.", ["other"]),
    ("The GNA suspended cooperation with France on Wednesday.", ["diplomatic"]),
    ("The two sides exchanged prisoners on Thursday in a deal brokered by the UN.", ["other"]),
    ("The central bank governor fled the country on Friday.", ["other"]),
    ("Armed men stormed the headquarters of the central bank in Tripoli on Monday.", ["attack"]),
    ("The House of Representatives elected a new government on Thursday.", ["other"]),
    ("Burns arrived in Tripoli on Thursday for talks with Dbeibah.", ["meeting"]),
    ("Norland spoke to reporters after meeting Saddam Haftar in Benghazi last month.", ["meeting"]),
    ("Rockets also slammed into a camp for displaced people on Monday.", ["attack"]),
    # suspensions, resignations, designations, postponements, handovers, protests sparked, truces taking effect
    ("Al-Sarraj suspended Interior Minister Fathi Bashagha on Friday.", ["other"]),
    ("The House of Representatives designated Fathi Bashagha to lead a new government in February.", ["other"]),
    ("The vote was postponed on Monday.", ["other"]),
    ("The news sparked angry protests in Tripoli on Monday.", ["protest"]),
    ("A fragile truce brokered by Russia and Turkey took effect on Sunday.", ["diplomatic"]),
    # a death in a crash is no attack; the embargo "since 2011"; a truce announced by the UN
    ("Wagner founder Yevgeny Prigozhin was killed when his private jet crashed in August 2023.", ["other"]),
    ("Libya has been under a U.N. arms embargo since 2011.", ["un_action"]),
    ("The United Nations announced a cease-fire agreement on Tuesday between rival militias.", ["un_action"]),
    # talks as the occasion of another act; a call named only by its medium; an envoy appointed
    ("Erdogan announced the deal following talks with Fayez al-Sarraj in Istanbul.", ["meeting"]),
    ("Mike Pompeo and Sergey Lavrov discussed the war in a call on Monday.", ["phone_call"]),
    ("Guterres appointed Abdoulaye Bathily as his special envoy for Libya.", ["other"]),
    # dated background: a conference named by its place, an agreement "signed in", an uprising; a passive rout; a veto
    ("The Berlin conference in January 2020 produced a 55-point communique.", ["meeting"]),
    ("The UN-brokered Skhirat agreement, signed in December 2015, created the GNA.", ["diplomatic"]),
    ("Libya has been in chaos since the NATO-backed uprising in 2011.", ["other"]),
    ("The Islamic State was driven out of Sirte in December 2016.", ["offensive"]),
    ("Russia vetoed a British draft resolution.", ["un_action"]),
    # a weapon that killed, with its target between; an abduction of a head; a repelled attack; a no-confidence vote
    ("An air strike on a migrant detention centre in Tajoura killed 53 people in July 2019.", ["attack"]),
    ("Gunmen abducted the head of the Libyan Investment Authority on Sunday.", ["other"]),
    ("Forces loyal to the GNU repelled an attack on the capital.", ["attack"]),
    ("The HoR voted to withdraw confidence from the GNU in September 2021.", ["other"]),
    # an offensive "launched in April" stays an offensive; a crowd gathered to protest; a UN appeal; mourning;
    # a strike that destroyed a camp; an arrest warrant
    ("Haftar's offensive on Tripoli, launched in April last year, has killed thousands.", ["offensive"]),
    ("Hundreds of people gathered in Martyrs' Square to protest against Bashagha on Friday.", ["protest"]),
    ("The UN launched a flash appeal on Thursday for 71 million dollars.", ["un_action"]),
    ("Sisi declared three days of national mourning.", ["other"]),
    ("Egyptian special forces destroyed an Islamist training camp near Derna.", ["attack"]),
    ("The International Criminal Court issued an arrest warrant for Saif al-Islam Gaddafi in June 2011.", ["other"]),
    # relief sent is "other", never a military deployment
    ("The GNU sent an aircraft with 14 tonnes of medical supplies to Benghazi.", ["other"]),
    # rounds of talks, agreements told by their parties or relative clauses, declarations, initiatives, invitations
    ("The third and final round of UN-facilitated talks in Cairo ended on Sunday.", ["meeting"]),
    ("The third round of talks between the two chambers in Cairo ended with broad consensus.", ["meeting"]),
    ("The memorandum that Tripoli and Ankara signed on Nov. 27 angered Greece.", ["diplomatic"]),
    ("Khalid al-Mishri, chairman of the High Council of State, also signed the declaration on Monday.", ["diplomatic"]),
    ("Bashagha struck a deal with Khalifa Haftar in February.", ["diplomatic"]),
    ("Abdel Fattah al-Sisi announced on Saturday a new initiative to end the conflict.", ["diplomatic"]),
    ("The Presidential Council invited the House of Representatives to talks in Tunis.", ["diplomatic"]),
    ("Fathi Bashagha has requested military support from Turkey.", ["diplomatic"]),
    # UN reports, campaigns told by their launch, victories, enforcement at sea, drills, disasters
    ("In a 550-page report to the UN Security Council released on Tuesday, the panel said little.", ["un_action"]),
    ("The counter-offensive, which the GNA launched in April, stalled.", ["offensive"]),
    ("NATO has led the air campaign since March 31.", ["offensive"]),
    ("Haftar declared victory in Benghazi in July 2017.", ["capture"]),
    ("Soldiers from a German frigate searched the vessel off Benghazi on Tuesday.", ["other"]),
    ("A Turkish frigate conducted joint naval drills with the GNA on Monday.", ["other"]),
    ("Two ageing dams above Derna gave way on September 11.", ["other"]),
    ("The mission has had no envoy since Jan Kubis resigned in November.", ["other"]),
    # an overthrow that killed him is an overthrow; air strikes that did it are an attack
    ("Libya has been in chaos since 2011, when a NATO-backed uprising toppled and killed Muammar Gaddafi.", ["other"]),
    ("The country has been divided since the ouster and killing of Gaddafi in 2011.", ["other"]),
    ("It began with the 2011 uprising backed by NATO air strikes that toppled and killed Muammar Gaddafi.", ["attack"]),
    ("In 2011 Muammar Gaddafi was overthrown and killed during an uprising backed by NATO air strikes.", ["attack"]),
    # resolutions by their number, an embargo by the council that imposed it, briefings of "the council"
    ("Resolution 1970, which imposed an arms embargo on Libya in February, is still in force.", ["un_action"]),
    ("It breached the arms embargo the council imposed in 2011.", ["un_action"]),
    ("Stephanie Koury told the council on Tuesday that foreign fighters remained.", ["un_action"]),
    # labels voted, interventions, withdrawals, regime collapses, shipwrecks, firing on crowds
    ("The House of Representatives voted to label Libya Dawn a terrorist group on Monday.", ["other"]),
    ("Turkey intervened on the GNA's side in January.", ["other"]),
    ("The Wagner Group pulled back from the front lines south of Tripoli in May.", ["other"]),
    ("Russia moved hardware after the collapse of the Assad regime in December 2024.", ["other"]),
    ("A wooden boat that had sailed from Turkey broke apart off the coast on Sunday.", ["other"]),
    ("Armed men fired on the crowds in Tripoli on Friday.", ["attack"]),
    ("Libya has been in chaos since the 2011 uprising that toppled and later killed Gadhafi.", ["other"]),
    # a named guest is received; a deal is only welcomed
    ("Giorgia Meloni on Thursday received the eastern commander Khalifa Haftar in Rome.", ["meeting"]),
    ("Haftar was received by Russian Defence Minister Sergei Shoigu in Moscow.", ["meeting"]),
    # envoys summoned, flagged ships boarded, migrants rescued, wars erupting, truces told in a relative clause,
    # talks agreed, an embargo dated by its month only
    ("Turkey on Monday summoned envoys from the European Union, Germany and Italy.", ["diplomatic"]),
    ("Soldiers from the frigate Hamburg boarded the Turkish-flagged Roseline A on Sunday evening.", ["other"]),
    ("The Armed Forces of Malta rescued 76 migrants from a wooden boat on Monday.", ["other"]),
    ("The war in Sudan erupted in April 2023.", ["other"]),
    ("The ceasefire that Turkey and Russia brokered on January 12 collapsed.", ["diplomatic"]),
    ("Both sides had agreed to resume talks in the 5+5 Joint Military Commission.", ["diplomatic"]),
    ("The drops breached the arms embargo imposed on Libya in February.", ["un_action"]),
    # a battle one is locked in, a siege, a capital one tries to seize, control claimed, an explanation asked for,
    # a strike told by its target
    ("Haftar's forces were locked in a battle for Tripoli with the Government of National Accord.", ["offensive"]),
    ("Gaddafi's forces encircled several mountain villages in the Nafusa range.", ["offensive"]),
    ("Khalifa Haftar has been trying to seize the capital, Tripoli, since April.", ["offensive"]),
    ("The RSF claimed full control of the area on Wednesday.", ["capture"]),
    ("Moscow had asked Paris for an explanation.", ["diplomatic"]),
    ("Warplanes were seen striking militia camps south of the capital.", ["attack"]),
    # a ruler's fall is an overthrow, a town's a capture
    ("The fall of Muammar Gaddafi in 2011 changed everything.", ["other"]),
    ("The fall of Sirte in June ended the siege.", ["capture"]),
    # an abstention, truces and agreements told by their brokers, a joint statement, a refused boarding, a blockade
    # lifted, a replacement named, vehicles destroyed
    ("Germany abstained in the Security Council vote on Resolution 1973 in March.", ["un_action"]),
    ("A truce reached with the help of Türkiye and UNSMIL has held since May.", ["diplomatic"]),
    ("The dispute was settled by an UNSMIL-facilitated agreement in September of that year.", ["diplomatic"]),
    ("On Monday Britain joined the United States, France and Italy in a joint statement on Libya.", ["diplomatic"]),
    ("Last month, Ankara refused to allow Irini to board a Turkish-flagged cargo ship.", ["other"]),
    ("Libya's eastern-based forces on Friday announced the end of a three-month blockade of oil fields.", ["other"]),
    ("On Tuesday, Dbeibah named Farhat Bengdara, a former central bank governor, to replace Mustafa Sanalla.",
     ["other"]),
    ("GNA forces had destroyed two Emirati-made armored vehicles near Tarhuna.", ["attack"]),
    # a deal the text only refers to is no event of its own: the installation is
    ("The GNA was installed in Tripoli in 2016 under a UN-brokered deal.", ["other"]),
    # signing told with a possessive, in the passive with a complement, a British "agreed a ceasefire", a summons
    ("Cyprus and Egypt signed their own partial maritime boundary agreement in August 2020.", ["diplomatic"]),
    ("The memorandum on gas exploration was signed in Tripoli by Mevlut Cavusoglu and Fayez al-Sarraj.",
     ["diplomatic"]),
    ("The Joint Military Commission agreed a nationwide ceasefire in Geneva on 23 October.", ["diplomatic"]),
    ("The Turkish ambassador was summoned to the foreign ministry in Athens on Monday.", ["diplomatic"]),
    # a UN body's published account; an emergency session of the Security Council
    ("The UN Panel of Experts on Libya published its most detailed account yet of the air bridge.", ["un_action"]),
    ("Sameh Shoukry told an emergency session of the Security Council in New York on Wednesday that Egypt would act.",
     ["un_action"]),
    # raising or discussing something with someone is a meeting (a phone call when told so); the visit it happened
    # during frames it
    ("William Burns raised the issue with Haftar during a visit to Benghazi in January.", ["meeting"]),
    ("Putin discussed the situation in Libya with Erdogan in a phone call on Monday.", ["phone_call"]),
    # the pair received is not the host named before it
    ("Haftar and Sarraj flew to Paris. On 25 July Emmanuel Macron received both men at La Celle-Saint-Cloud.",
     ["diplomatic", "meeting"]),
    # a gathering holding pictures of the missing; a takeover of a station; a recognition told as a noun; a second
    # wave of strikes that followed
    ("Dozens of families gathered outside the town's hospital holding photographs of the missing.", ["protest"]),
    ("Fighters loyal to ISIL took over the state radio station and several government buildings.", ["capture"]),
    ("Italy followed with its own recognition last week.", ["diplomatic"]),
    ("A second wave of strikes followed later that day.", ["attack"]),
    # rockets that hit again, coming under fire, shelling in progress, a UN appeal with its amount
    ("Grad rockets again slammed into the port area, killing four people.", ["attack"]),
    ("The ship came under fire from shore-based rocket launchers on May 12.", ["attack"]),
    ("Haftar's forces were shelling Tripoli's Mitiga airport almost daily.", ["attack"]),
    ("The United Nations launched a $71 million flash appeal on Thursday.", ["un_action"]),
    # a time clause before the main event is not the same event told twice
    ("Haftar's offensive began on 4 April 2019. Days after the offensive began, Donald Trump phoned Haftar.",
     ["offensive", "phone_call"]),
    # an embargo created by a numbered resolution; parallel truce declarations
    ("The embargo regime created by Resolution 1970 in 2011 has been widely ignored.", ["un_action"]),
    ("Sarraj and Saleh issued separate statements on Friday ordering all forces to cease fire.", ["diplomatic"]),
    # raids and waves of strikes that hit something
    ("The first raids hit positions of militias from the western city of Misrata.", ["attack"]),
    ("A second wave on Saturday struck near the city's international airport.", ["attack"]),
    # a foreign force that deployed (intransitive, or passive) as the outlet tells it
    ("Wagner fighters first deployed to Libya in 2019.", ["deployment"]),
    # asking judges for warrants; stepping down in a reported clause; an appointment with an apposition
    ("Luis Moreno-Ocampo asked judges on Monday for arrest warrants against Col. Gadhafi.", ["other"]),
    ("Ghassan Salame announced on Monday that he was stepping down as envoy.", ["other"]),
    ("The House of Representatives named Fathi Bashagha, a former interior minister, as prime minister in February.",
     ["other"]),
    # a full date inside what collapsed; a designation voted at a stated time
    ("The elections planned for December 24, 2021 collapsed.", ["other"]),
    ("Parliament voted on Saturday evening to designate Libya Dawn as a terrorist organisation.", ["other"]),
    # a call reported by one of its parties is a call ("said she had spoken by phone with")
    ("Stephanie Williams said she had spoken by phone with Khalifa Haftar on Sunday.", ["phone_call"]),
    # a UN body's dated report
    ("A U.N. panel of experts said in a report in March that the UAE had supplied drones.", ["un_action"]),
    ("The UN Panel of Experts on Sudan reported in January 2024 that cargo flights had landed.", ["un_action"]),
    # a dated signing; a meeting of a named body
    ("The signing of the memorandum of understanding in November 2019 angered Athens.", ["diplomatic"]),
    ("Officials attended the first meeting of the international Contact Group on Libya, held in Doha on Wednesday.",
     ["meeting"]),
    ("The Arab League condemned the raids in a heated meeting of the league on Wednesday.", ["meeting"]),
    # coming to power; driving a force out of a place takes it, out of a region is an offensive
    ("Dbeibah came to power in March 2021 through a UN-sponsored process.", ["other"]),
    # a joint statement made by saying something in it; an agreement signed under a description
    ("The United States, Britain, France, Germany and Italy warned in a joint statement that the fighting must stop.",
     ["diplomatic"]),
    ("The two delegations today signed what they described as a permanent and nationwide ceasefire agreement at the "
     "UN office in Geneva.", ["diplomatic"]),
    # the Security Council's referral, by its noun
    ("The court acted after the referral by the UN Security Council in February 2011.", ["un_action"]),
    ("The Security Council's referral of Libya to the ICC in 2011 opened the case.", ["un_action"]),
    ("Misrata brigades drove Islamic State out of Sirte in December 2016.", ["capture"]),
    ("The Derna fighters drove out the Islamic State group in 2015.", ["capture"]),
    ("GNA forces drove Haftar's Libyan National Army (LNA) out of western Libya in early June.", ["offensive"]),
    # a named operation launched; a bombardment kept up
    ("Operation Peace Storm, which the government launched in late March, pushed Haftar back.", ["offensive"]),
    ("Forces loyal to Gaddafi kept up their bombardment of the port city for a seventh week.", ["attack"]),
    # a speaker who told a meeting took part in it
    ("Guterres addressed a conference of donors in Geneva on Monday.", ["meeting"]),
    # taking command of a campaign, with or without "over"
    ("NATO took command of the air campaign from a US-led coalition on March 31.", ["other"]),
]

GENERAL_NOTHING = [
    "Turkey would refuse to allow the frigate to board the ship.",
    # receiving a party's support is no meeting
    "The GNA received Turkey's military support in 2020.",
    "The RSF have been fighting the Sudanese army since April 2023.",
    # seizing equipment is not taking ground
    "GNA forces captured at least two Pantsir-S1s mounted on trucks.",
    "GNA forces seized dozens of armoured vehicles near Tarhuna.",
    # a claim about a cargo, not a relief delivery
    "Ankara has maintained that the Cirkin was carrying medical aid.",
    "The minister tried to question the decision.",
    # a report by someone who is no UN body
    "Diplomats said in a report in March that the UAE had supplied drones.",
    # a resignation refused or only in prospect is none
    "Salame said he would not be stepping down.",
    "Dbeibah has refused calls for stepping down.",
    # how something was said is no call
    "Haftar said by phone that he would fight on.",
    # a designation not made, a report "on" a subject rather than on a date
    "Washington decided not to list Wagner as a terrorist organisation.",
    "The UN Panel of Experts said in its report on the arms embargo that the UAE had supplied drones to Haftar.",
    # receiving foreign-made materiel is no meeting with its maker
    "The same report said the GNA had received Turkish-made drones and armoured vehicles.",
    # a crash is no attack, also with a time phrase between; an accusation is no event
    "Three French soldiers were killed last year when their helicopter came down near Benghazi.",
    "The UAE has also been accused of providing the drone that killed 26 cadets.",
    "The planned offensive was postponed.",
    # welcoming a deal is no meeting; a general strike is no attack
    "Egypt and the UAE welcomed the deal agreed by Libya's rival leaders in Paris in May.",
    "A general strike in Benghazi hit oil output on Monday.",
    "Egypt threatened to intervene militarily in Libya.",
    "Egypt could send troops to Libya.",
    # "arrived in" needs a visiting actor as subject, not fighters recruited by someone (whose arrival a monitor
    # reports: an allegation only)
    "A monitor said that about 4,750 Syrian fighters recruited by Turkey had arrived in Libya.",
    # how something was said is no phone call; taking over a role is no capture; a denial negates
    '"Gaddafi is playing for time," Mustafa Gheriani told Reuters by telephone.',
    "Speaking by phone to a private television channel, Haftar vowed to fight on.",
    "Martin Kobler, who took over the mediation from Bernardino Leon in November, signed nothing.",
    "LNA spokesman Ahmed al-Mismari denied that his forces had targeted the centre.",
    "France refused to recognise the National Transitional Council.",
    # a speaker's words in quotation marks claim, they do not narrate
    '“Employees are being intimidated and some have been abducted,” the governor told reporters on Monday.',
    # an announcement is a statement, not an event; a call for a truce is not one
    "Foreign Minister Moussa Koussa announced an immediate ceasefire on Friday.",
    "Putin and Erdogan called for a ceasefire in Libya on Wednesday.",
    # a conversation with the press is no call
    "Dbeibah said in a conversation with reporters that he would stay.",
    # an undated conference or uprising is no event of its own
    "The conference in Palermo was a failure, diplomats said.",
    "The uprising changed everything for the Libyan people.",
    # repelling "the attack" refers back to an attack already told
    "The commander said his men had repelled the attack on their compound.",
    # a flood destroys without an attacker
    "The flood destroyed the city's bridges.",
    # a coming round of talks, a drill that has not happened, an invitation to nobody named
    "A new round of talks is expected next month.",
    "Turkey plans to hold joint drills with the GNA.",
    "The ministry invited journalists to the ceremony.",
    "The mission would not resume work until Jan Kubis resigned.",
    "Fayez al-Sarraj welcomed the deal in a statement from his Presidential Council.",
    "The fourth round of talks will be held in Geneva next month.",
    # "surrounding cities" is a place, not a siege
    "The base had been used to launch air raids on the capital and surrounding cities.",
    # a deployment someone reports or finds is an allegation, not the outlet's event
    "Wagner Group has up to 1,200 people deployed in Libya, the UN report said.",
    "AFRICOM said Russian fighters had been deployed to al-Jufra in May.",
    # raising tensions, a letter, separate statements about another thing, a session only asked for, raids told
    # before, a deployment outside Libya
    "Turkey's deployment raised tensions with Egypt.",
    "The GNA raised the issue with the UN Security Council in a letter.",
    "The GNA and the LNA issued separate statements accusing each other of breaking the ceasefire.",
    "Russia blocked a British request for an emergency session of the Security Council.",
    "These raids killed at least 12 civilians.",
    "Egyptian troops were deployed to the western border.",
    # a crowd of reporters; recognising a need
    "Journalists gathered outside the court on Monday.",
    "The minister welcomed its recognition of the need for talks on Monday.",
    # pressure is no fire; a government fighting corruption attacks nobody
    "The talks came under pressure.",
    "The government was attacking corruption.",
    # separate statements about something else
    "Sarraj and Saleh issued separate statements on Friday about the budget.",
    # police raids; the raids told before, described again
    "Police raids hit several homes in Misrata.",
    "The raids hit a missile battery and an electronic warfare system.",
    # agreeing that a truce must hold is no truce agreed
    "The two ministers agreed that the ceasefire must lead to the exit of all mercenaries.",
    # undated, or only in prospect
    "The signing of the agreement angered Athens.",
    # warships arriving are no visit (troops arriving are a deployment: SUPPLY_CASES)
    "Russian warships arrived in Tobruk in April.",
    # receiving materiel from a state is no meeting with it
    "The GNA received armoured vehicles from Turkey.",
    "Haftar received Turkish drones last year.",
    "A meeting of foreign ministers will take place next week.",
    "The referral by the Security Council was debated.",  # undated
    # a coast guard stopping migrants is no embargo enforcement
    "The Libyan coast guard tried to intercept a migrant boat off Zuwara.",
]


def test_a_deployment_of_the_triggers_is_not_told_again_as_a_supply() -> None:
    found = events("Wagner fighters first deployed to Libya in 2019 to back Haftar’s failed offensive on Tripoli.")
    assert [e.event_type for e in found].count("deployment") == 1


def test_captures_of_two_places_are_two_events() -> None:
    found = events("GNA forces captured the town of Tarhuna on Friday. That came a day after GNA troops retook the "
                   "capital's international airport on Thursday.")
    assert [e.event_type for e in found] == ["capture", "capture"]
    # the same place told twice is one capture
    found = events("GNA forces captured Tarhuna on Friday. GNA forces captured Tarhuna after a week of fighting.")
    assert [e.event_type for e in found] == ["capture"]


def test_a_supply_told_twice_keeps_its_dated_telling() -> None:
    (event,) = events(
        "France parachuted weapons to rebel fighters in the Nafusa mountains. In early June, French aircraft dropped "
        "rifles to rebels near Zintan."
    )
    assert event.event_type == "arms_supply" and event.occurred == FuzzyDate(dt.date(2020, 6, 1), "month")


@pytest.mark.parametrize(
    ("text", "target", "initiator"),
    [
        # a participle coordinated after another shares its passive auxiliary and its "by" agent
        ("Qaddafi was captured and killed near Sirte on Thursday.", "Muammar Gaddafi", None),
        ("The convoy was attacked and destroyed by French jets.", None, "France"),
    ],
)
def test_coordinated_passive_participles(text: str, target: str | None, initiator: str | None) -> None:
    (event,) = events(text)
    roles = {p.role: p.actor_name for p in event.participants}
    assert roles.get("target") == target and roles.get("initiator") == initiator




def test_the_two_men_are_the_last_two_persons_named():
    meeting = [e for e in events(
        "Fayez al-Sarraj and Khalifa Haftar arrived in Paris on Tuesday. The two men, whose camps have fought for "
        "three years, met at the Chateau de la Celle-Saint-Cloud."
    ) if e.event_type == "meeting"]
    assert len(meeting) == 1
    assert {p.actor_name for p in meeting[0].participants} == {"Fayez al-Sarraj", "Khalifa Haftar"}


def test_forces_of_a_described_government_are_that_government():
    (event,) = events("Forces aligned with Libya's internationally recognised government seized two towns on Monday.")
    assert [p.actor_name for p in event.participants] == ["Government of National Accord"]


def test_the_recognised_government_before_the_gna_is_the_eastern_one():
    text = "Forces loyal to the internationally recognised government carried out air strikes on Tripoli."
    (event,) = extract(text, FuzzyDate(dt.date(2015, 3, 1), "day"), load_gazetteer()).events
    assert [p.actor_name for p in event.participants] == ["Tobruk-based government"]


def test_capture_participant_is_the_loyal_faction():
    (event,) = events("Forces loyal to Haftar retook Gharyan in June.")
    assert [p.actor_name for p in event.participants] == ["Libyan National Army"]


def test_separate_strikes_in_different_paragraphs_stay_separate():
    text = (
        "Turkish drones struck LNA supply lines near Sabratha.\n\nThe GNA said its forces took two towns.\n\n"
        "Officials gave no details.\n\nLNA air defences had shot down two Turkish drones near al-Watiya."
    )
    assert types(text).count("attack") == 2


# A foreign supply the outlet narrates with a verb of movement: (type, initiator, target) rows.
SUPPLY_CASES = [
    ("Turkey began deploying troops to Libya this month.",
     [("deployment", "Turkey", "Government of National Accord")]),
    ("Ankara has sent military advisers and trainers to Tripoli.",
     [("deployment", "Turkey", "Government of National Accord")]),
    ("Russia had deployed at least 14 MiG-29 and Su-24 fighter jets to al-Jufra air base in May.",
     [("deployment", "Russia", "Libyan National Army")]),
    ("Hundreds of Wagner Group fighters have been deployed alongside Haftar's forces since 2019.",
     [("deployment", "Wagner Group", "Libyan National Army")]),
    ("Russian Navy landing ships unloaded armored vehicles and artillery at Tobruk in April.",
     [("arms_supply", "Russia", "Libyan National Army")]),
    ("French aircraft parachuted assault rifles, rocket launchers and ammunition to rebels in the Nafusa mountains.",
     [("arms_supply", "France", None)]),
    ("Sudan had sent a plane loaded with ammunition to Kufra.", [("arms_supply", "Sudan", None)]),
    ("In May, a cargo ship unloaded dozens of Turkish-made armored vehicles at Tripoli's port.",
     [("arms_supply", "Turkey", "Government of National Accord")]),
    # evidence the outlet cites is no hearsay (researchers who say so are: SUPPLY_NOTHING)
    ("Two Russian Navy amphibious ships unloaded military vehicles at Tobruk last week, according to satellite "
     "imagery reviewed by Naval News.", [("arms_supply", "Russia", "Libyan National Army")]),
    # personnel that arrive themselves; a foreign armed group stands for its fighters
    ("Turkish troops arrived in Tripoli on Sunday.", [("deployment", "Turkey", "Government of National Accord")]),
    ("About 4,750 Syrian fighters recruited by Turkey had arrived in Libya.",
     [("deployment", "Turkey", "Government of National Accord")]),
    ("Russian troops arrived in Libya in 2019.", [("deployment", "Russia", "Libyan National Army")]),
    ("Wagner arrived in Libya in 2019 to support Haftar's offensive on Tripoli.",
     [("deployment", "Wagner Group", "Libyan National Army")]),
    # the supplier's own account of its supply is no charge by someone else
    ("The French military acknowledged on Wednesday that its aircraft had dropped arms to rebel-held areas "
     "south-west of Tripoli.", [("arms_supply", "France", None)]),
]

# Supplies alleged, reported, found, denied or told in passing stay allegations: no deployment or arms_supply event.
SUPPLY_NOTHING = [
    "Russia was recently accused of sending mercenaries to fight alongside Haftar's troops.",
    "Turkey and the United Arab Emirates have also deployed drones, according to diplomats.",
    "A report last month said that Turkey has sent into Libya at least 100 military officers.",
    "Rebel commanders told reporters that Qatar had flown in anti-tank missiles.",
    "Haftar's commanders say Ankara has also sent drones.",
    "Turkey was found to have deployed military trainers in breach of the embargo.",
    "The GNA is itself backed by Turkey, which has openly shipped armoured vehicles to Tripoli.",
    "Qatar is widely reported to have shipped anti-tank missiles to Benghazi.",
    # (a move in a relative clause is background to its antecedent)
    "The Africa Corps absorbed many of the Wagner mercenaries who first arrived in Libya to fight alongside Haftar.",
    "The jets were flown to the LNA-held al-Jufra airbase, where they arrived repainted.",
    "The Russian foreign minister arrived in Tripoli on Sunday.",
    # (a supply told by someone after the verb, or moved inside Libya by a party there, is no foreign supply event)
    "Egypt shipped armoured vehicles to Benghazi, diplomats reportedly said.",
    "Russian Navy landing ships unloaded armoured vehicles at Tobruk in April, according to open-source researchers.",
]


def test_the_first_verb_of_movement_types_the_supply():
    rows = supply_rows("Turkey sent armoured vehicles to Tripoli, where GNA forces deployed them.")
    assert [r for r in rows if r[1] == "Turkey"] == [("arms_supply", "Turkey", "Government of National Accord")]


def supply_rows(text: str) -> list[tuple[str, str, str | None]]:
    rows = []
    for e in events(text):
        if e.event_type in ("deployment", "arms_supply"):
            target = next((p.actor_name for p in e.participants if p.role == "target"), None)
            rows.append((e.event_type, e.participants[0].actor_name, target))
    return rows


@pytest.mark.parametrize("text,expected", SUPPLY_CASES)
def test_narrated_supply_is_an_event(text, expected):
    assert supply_rows(text) == expected


@pytest.mark.parametrize("text", SUPPLY_NOTHING)
def test_alleged_supply_is_no_event(text):
    assert supply_rows(text) == []


def test_assault_rifles_are_no_assault():
    assert "offensive" not in types("French aircraft parachuted assault rifles to the rebels on 4 June.")


@pytest.mark.parametrize("text,expected", CASES + GENERAL_CASES)
def test_event_types(text, expected):
    assert types(text) == expected


@pytest.mark.parametrize("text", NOTHING + GENERAL_NOTHING)
def test_no_event(text):
    assert events(text) == []



def test_meetings_with_two_men_of_one_faction_are_two_meetings():
    text = (
        "Yunus-Bek Yevkurov met Khalifa Haftar in Benghazi. Separately, Yevkurov met Saddam Haftar, who commands "
        "the LNA's ground forces."
    )
    assert types(text).count("meeting") == 2



def test_the_pair_received_may_be_named_earlier_in_the_hosts_sentence():
    rows = events("Putin spoke to Erdogan on Monday. After Haftar and Sarraj landed in Paris, Emmanuel Macron "
                  "received both men at La Celle.")
    meeting = next(e for e in rows if e.event_type == "meeting")
    assert {"Khalifa Haftar", "Fayez al-Sarraj"} <= {p.actor_name for p in meeting.participants}
    assert not {"Vladimir Putin", "Recep Tayyip Erdogan"} & {p.actor_name for p in meeting.participants}


def test_the_pair_received_is_the_two_men_named_before_the_host():
    rows = events("Haftar and Sarraj flew to Paris. On 25 July Emmanuel Macron received both men at La Celle.")
    meeting = next(e for e in rows if e.event_type == "meeting")
    assert [p.actor_name for p in meeting.participants] == ["Emmanuel Macron", "Khalifa Haftar", "Fayez al-Sarraj"]


@pytest.mark.parametrize(
    "text,expected",
    [
        # a passive subject undergoes the event; the agent after "by" initiates it
        ("Muammar Gaddafi was killed in Sirte in October 2011.", [("Muammar Gaddafi", "target")]),
        ("Sirte was captured by the GNA in 2016.", [("Government of National Accord", "initiator")]),
        ("The Government of National Accord was attacked by Libyan National Army drones on Monday.",
         [("Libyan National Army", "initiator"), ("Government of National Accord", "target")]),
        ("Fayez al-Sarraj was received by Emmanuel Macron in Paris on Monday.",
         [("Emmanuel Macron", "initiator"), ("Fayez al-Sarraj", "participant"), ("France", "participant")]),
        # a place fallen to a force: the force took it
        ("The base had fallen to forces of the Government of National Accord in May.",
         [("Government of National Accord", "initiator")]),
        # a possessed subject undergoes it too; "by" that belongs to another verb names no agent
        ("The LNA's positions were attacked by Turkish drones on Monday.",
         [("Turkey", "initiator"), ("Libyan National Army", "target")]),
        ("Sirte was captured in 2016 and has been held by the LNA since 2020.", [("Libyan National Army", "target")]),
        # the active voice, also in the progressive, keeps its subject as the initiator
        ("Khalifa Haftar's forces attacked the Government of National Accord on Monday.",
         [("Khalifa Haftar", "initiator"), ("Government of National Accord", "target")]),
        ("Turkish drones are bombing LNA positions near Sirte.", [("Turkey", "initiator"), ("Libyan National Army",
                                                                   "target")]),
        ("The GNA is deploying troops to Sirte.", [("Government of National Accord", "initiator")]),
        # forces loyal to a party act for it
        ("Forces loyal to the GNA retook the town of Gharyan on Wednesday.",
         [("Government of National Accord", "initiator")]),
    ],
)
def test_roles_of_subjects_and_passives(text, expected):
    (event,) = events(text)
    assert [(p.actor_name, p.role) for p in event.participants] == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # a body telling its own act: the speaker is the "it" or "they" that acted
        ("Turkey said it had sent three planes with search-and-rescue teams.", ("other", "Turkey")),
        ("Libya Dawn forces announced on Saturday that they had taken full control of Tripoli International Airport.",
         ("capture", "Libya Dawn")),
        ("The Sudanese army said it had withdrawn from its positions in the desert triangle.",
         ("other", "Sudanese Armed Forces")),
        # a person's "it" is something else: the event stays without that person
        ("Haftar said it had seized the airport.", ("capture", None)),
    ],
)
def test_the_speaker_is_the_subject_of_its_own_account(text: str, expected: tuple[str, str | None]) -> None:
    event_type, initiator = expected
    (event,) = [e for e in events(text) if e.event_type == event_type]
    names = [p.actor_name for p in event.participants if p.role == "initiator"]
    assert names == ([initiator] if initiator else [])


def test_troops_sent_to_aid_a_party_are_no_relief() -> None:
    assert "other" not in types("Egypt sent troops and tanks to the border to aid Haftar.")
    assert types("Egypt sent aircraft with aid to Benghazi.") == ["other"]


def test_a_capture_told_again_by_pronoun_is_one_event() -> None:
    assert types("GNA forces captured Gharyan on Tuesday, officials said. GNA forces captured it after fierce "
                 "fighting.") == ["capture"]
    assert types("GNA forces captured Gharyan on Tuesday. GNA forces captured Tarhuna on Friday.") == [
        "capture", "capture"]


@pytest.mark.parametrize(
    "text,initiator",
    [
        # recognising the body just named, by pronoun, is a diplomatic act; in a relative clause, by its antecedent
        ("The NTC was formed in Benghazi. Qatar became the first Arab state to recognize it.", "Qatar"),
        ("The NTC was formed in Benghazi. France recognised it in March as Libya's legitimate representative.",
         "France"),
        ("France, which threw its weight behind the NTC in March as the first country to recognize it, has no plans "
         "to repeat the drops.", "France"),
    ],
)
def test_recognising_a_body_named_before(text: str, initiator: str) -> None:
    (event,) = [e for e in events(text) if e.event_type == "diplomatic"]
    assert event.participants[0].actor_name == initiator and event.participants[0].role == "initiator"


def test_recognising_something_as_a_problem_is_no_recognition() -> None:
    assert "diplomatic" not in types("Haftar said he recognized it as a problem.")


def test_a_capital_where_leaders_met_is_the_meetings_host_but_no_actor() -> None:
    result = extract("World leaders meeting in Berlin on Sunday agreed to respect a UN arms embargo on Libya.",
                     PUBLISHED, load_gazetteer())
    (meeting,) = [e for e in result.events if e.event_type == "meeting"]
    assert "Germany" in [p.actor_name for p in meeting.participants]
    assert "Germany" not in [m.actor_name for m in result.mentions]
