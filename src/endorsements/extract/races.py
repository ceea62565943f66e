"""The race a relation belongs to: office, place and year, as the text gives them.

News names the contest once, usually early ("the Tennessee Senate race", "mayor of Los
Angeles", "the Labour leadership contest"), and then talks about endorsements without
repeating it. So the race is read from the relation's sentence when it names one, else from
the document's first mention of a contest. The year is one written next to the contest, else
the publication year.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

NAME = r"(?:[A-Z][\w.'’-]+(?: (?:of |de |)?[A-Z][\w.'’-]+){0,3})"
OFFICE = (
    r"(?:U\.S\. |US )?(?i:senate)|(?:U\.S\. |US )?House|gubernatorial|governor(?:ship)?|mayoral|"
    r"mayor(?:alty)?|presidential|presidency|president|POTUS|city council|council|"
    r"\d+(?:st|nd|rd|th) (?:[Cc]ongressional )?[Dd]istrict|congressional district|congressional|"
    r"parliamentary|"
    r"parliament|assembly|legislature|leadership|chancellor(?:ship)?|prime minister|"
    r"attorney general|sheriff|school board|district attorney|alderman|ward \d+|"
    r"lieutenant governor|secretary of state"
)
CONTEST = (
    r"(?:race|contest|primary|election|runoff|run-off|seat|nomination|bid|campaign|vote|ballot|"
    r"candidate|nominee|hopeful|round)"
)
# "the Tennessee Senate race", "Pennsylvania's U.S. Senate primary", "Chicago's 46th Ward"
PLACE_OFFICE = re.compile(
    rf"(?P<place>{NAME})(?:'s|’s|(?<=s)\\?['’])? "
    rf"(?:(?P<party>Democratic|Republican|GOP|Labour|Conservative) )?"
    rf"(?P<office>{OFFICE})(?:'s|’s)?(?: (?P<contest>{CONTEST}))?",
)
# "mayor of Los Angeles", "governor of Michigan"
OFFICE_OF_PLACE = re.compile(rf"\b(?P<office>(?i:{OFFICE})) of (?P<place>{NAME})")
# "the gubernatorial race in Missouri"
OFFICE_IN_PLACE = re.compile(rf"\b(?P<office>{OFFICE}) (?P<contest>{CONTEST}) in (?P<place>{NAME})")
# "for mayor", "the Senate race", "in the leadership contest"
BARE = re.compile(
    rf"\b(?:for|in the|the|a|an|this|next|his|her|their|its) "
    rf"(?:(?P<party>Democratic|Republican|GOP) )?"
    rf"(?P<office>{OFFICE})(?: (?P<contest>{CONTEST}))?\b",
    re.I,
)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")
NOT_PLACES = {
    "The",
    "A",
    "An",
    "In",
    "For",
    "His",
    "Her",
    "Their",
    "Its",
    "This",
    "That",
    "Democratic",
    "Republican",
    "GOP",
    "Former",
    "State",
}
#: Office words as race labels write them: the office's noun for cities and states ("Los
#: Angeles mayor 2022", as the annotation guidelines name races).
OFFICE_NOUNS = {
    "mayoral": "mayor",
    "mayoralty": "mayor",
    "gubernatorial": "governor",
    "potus": "president",
}
#: Every office adjective folded to its office, as a relation's race label writes it ("US
#: president 2016") and as `endorsements eval` compares races.
OFFICE_FOLDS = {
    **OFFICE_NOUNS,
    "presidential": "president",
    "presidency": "president",
    "senatorial": "senate",
}
#: The country as race labels name it.
COUNTRY = re.compile(r"^(?:the )?(?:United States(?: of America)?|U\.S\.A?\.?)$", re.I)


@dataclass(frozen=True)
class Race:
    place: str | None
    office: str
    contest: str | None
    year: str | None

    def label(self) -> str:
        parts = [
            self.place,
            self.office,
            self.contest if self.contest in ("primary", "runoff", "leadership") else None,
            self.year,
        ]
        return " ".join(p for p in parts if p)


#: A wire dateline opening a paragraph: "RIVERTON —", "SPRINGFIELD, Ill. (AP) —".
DATELINE = re.compile(r"(?m)^([A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,2})(?:,| \(| —| –| -)")

#: Offices that, capitalized before a name, are a person's title ("President Lee").
PERSON_TITLE_OFFICES = {"president", "governor", "mayor", "chancellor", "sheriff", "speaker"}
#: Party adjectives the tagger calls NORP: never a race's place.
PARTY_ADJECTIVES = {
    "Republican",
    "Republicans",
    "Democratic",
    "Democrat",
    "Democrats",
    "GOP",
    "Labour",
    "Conservative",
    "Conservatives",
    "Liberal",
    "Liberals",
    "Green",
    "Greens",
    "Socialist",
    "Progressive",
}


@dataclass(frozen=True)
class PlaceEvidence:
    """What the document says about which words are places: names it gives people and
    organizations (`not_places`), words it tags as places (`places`, None when unknown) and
    its wire datelines."""

    not_places: frozenset[str] = frozenset()
    places: frozenset[str] | None = None
    datelines: frozenset[str] = frozenset()

    def clean(self, place: str | None) -> str | None:
        """The place words of a match, or None when they are not a place: a sentence boundary
        inside ("the United States. This"), or a person's or group's name ("Mira Vell's
        Senate" is her opinion of a race, not a place)."""
        if not place:
            return None
        if re.search(r"[a-z]{2}\. ", place):
            place = place.rsplit(". ", 1)[-1]
        place = re.sub(r"(?:'s|’s|'|’)$", "", place)
        words = place.split()
        while words and words[0] in NOT_PLACES:
            words.pop(0)
        place = re.sub(r"^(?:the|The)\s+|\.$", "", " ".join(words))
        if place in self.datelines:
            return place  # "RIVERTON —": the story's own place, whatever the tagger thinks
        if not place or place in self.not_places:
            return None
        # "Riverton" names the town and its union: a tagged place survives the union's name
        tagged = self.places is not None and place in self.places
        if not tagged and any(place in n.split(" ") for n in self.not_places):
            return None
        if any(n in place for n in self.not_places if len(n.split()) > 1):
            return None
        if self.places is not None and not any(p in place or place in p for p in self.places):
            return None  # "After Senate", "National Republican Senate": no place the text names
        return "US" if COUNTRY.match(place) else place


def find_race(text: str, evidence: PlaceEvidence = PlaceEvidence()) -> Race | None:
    """The first contest named in `text`, or None; `evidence` says which words are places."""
    best: tuple[int, Race] | None = None
    # the first contest with a place, however it is written; a bare office only without one
    for pattern in (PLACE_OFFICE, OFFICE_OF_PLACE, OFFICE_IN_PLACE, BARE):
        if pattern is BARE and best is not None and best[1].place:
            break
        for m in pattern.finditer(text):
            office = m.group("office")
            if pattern is PLACE_OFFICE and not (m.group("contest") or office != office.lower()):
                continue  # "Smith district" is not a race; "Ohio Senate" is
            raw_place = m.groupdict().get("place")
            if raw_place:
                raw_place = re.split(r"\.\s", raw_place)[0]  # "Riverton. Later": one sentence
            place = evidence.clean(raw_place)
            if (
                pattern is BARE
                and office[0].isupper()
                and not m.group("contest")
                and not m.group(0).lower().startswith("for ")
            ):
                continue  # "the President said": a person's title, not a contest
            if (
                pattern is PLACE_OFFICE
                and raw_place
                and place is None
                and not m.group("contest")
                and office.lower() in PERSON_TITLE_OFFICES
            ):
                continue  # "the Harbor Guild President": a title in a name, not a race
            contest = m.groupdict().get("contest")
            tail = text[m.start() : m.end() + 40]
            year = YEAR.search(tail) or YEAR.search(text[max(0, m.start() - 12) : m.start()])
            # the year only where the text writes it: a race's year is not the news date's
            y = year.group(1) if year else None
            office = OFFICE_NOUNS.get(office.lower(), office)
            race = Race(
                place,
                office.lower() if office.islower() or office in ("President",) else office,
                contest.lower() if contest else None,
                y,
            )
            if (
                best is None
                or (place and not best[1].place)
                or (m.start() < best[0] and (place or not best[1].place))
                or (m.start() == best[0] and place)
            ):
                best = (m.start(), race)
    return best[1] if best else None


class RaceIndex:
    """Races named in a document: the relation's sentence first, the document's lead next."""

    def __init__(
        self, text: str, not_places: Collection[str] = (), places: Collection[str] | None = None
    ) -> None:
        self.evidence = PlaceEvidence(
            frozenset(not_places),
            frozenset(places) if places is not None else None,
            frozenset(m.group(1).title() for m in DATELINE.finditer(text) if len(m.group(1)) > 2),
        )
        self.text = text
        self.document_race = find_race(text[:1500], self.evidence)

    def _just_before(self, start: int) -> Race | None:
        """The contest named (with its place) in the two sentences before `start`, within the
        paragraph: "Oda also endorsed two Republicans in Maine's 2nd District. ... Oda hopes
        that either Sess, whom he endorsed first, or Smil can win" belongs to that district."""
        window = self.text[max(0, start - 400) : start]
        window = window[window.rfind("\n\n") + 1 :]
        for piece in list(SENTENCE_END.split(window))[-3:][::-1]:
            race = find_race(piece, self.evidence)
            if race is not None and race.place:
                return race
        return None

    def race_for(self, sentence: str, start: int | None = None) -> str | None:
        race = find_race(sentence, self.evidence)
        if race is None and start is not None:
            race = self._just_before(start)
        if race is None:
            race = self.document_race
        elif (
            race.place is None
            and self.document_race is not None
            and (self.document_race.office.lower() == race.office.lower())
        ):
            race = self.document_race  # "for mayor" in an article about the Los Angeles race
        if race is None:
            return None
        folded = OFFICE_FOLDS.get(race.office.lower())
        if folded is not None:
            race = Race(race.place, folded, race.contest, race.year)
        return race.label()
