"""The race a relation belongs to: office, place and year, as the text gives them.

News names the contest once, usually early ("the Tennessee Senate race", "mayor of Los
Angeles", "the Labour leadership contest"), and then talks about endorsements without
repeating it. So the race is read from the relation's sentence when it names one, else from
the document's first mention of a contest. The year is one written next to the contest, else
the publication year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

NAME = r"(?:[A-Z][\w.'’-]+(?: (?:of |de |)?[A-Z][\w.'’-]+){0,3})"
OFFICE = (
    r"(?:U\.S\. |US )?Senate|(?:U\.S\. |US )?House|gubernatorial|governor(?:ship)?|mayoral|"
    r"mayor(?:alty)?|presidential|presidency|president|city council|council|"
    r"\d+(?:st|nd|rd|th) (?:congressional )?district|congressional district|congressional|"
    r"parliamentary|"
    r"parliament|assembly|legislature|leadership|chancellor(?:ship)?|prime minister|"
    r"attorney general|sheriff|school board|district attorney|alderman|ward \d+|"
    r"lieutenant governor|secretary of state"
)
CONTEST = (
    r"(?:race|contest|primary|election|runoff|run-off|seat|nomination|bid|campaign|vote|ballot)"
)
# "the Tennessee Senate race", "Pennsylvania's U.S. Senate primary", "Chicago's 46th Ward"
PLACE_OFFICE = re.compile(
    rf"(?P<place>{NAME})(?:'s|’s)? (?:(?P<party>Democratic|Republican|GOP|Labour|Conservative) )?"
    rf"(?P<office>{OFFICE})(?: (?P<contest>{CONTEST}))?",
)
# "mayor of Los Angeles", "governor of Michigan"
OFFICE_OF_PLACE = re.compile(rf"\b(?P<office>{OFFICE}) of (?P<place>{NAME})", re.I)
# "for mayor", "the Senate race", "in the leadership contest"
BARE = re.compile(
    rf"\b(?:for|in the|the|his|her|their|its) (?:(?P<party>Democratic|Republican|GOP) )?"
    rf"(?P<office>{OFFICE})(?: (?P<contest>{CONTEST}))?\b",
    re.I,
)
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
    "New",
}


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


def _clean_place(place: str | None) -> str | None:
    if not place:
        return None
    words = place.split()
    while words and words[0] in NOT_PLACES:
        words.pop(0)
    return " ".join(words) or None


def find_race(text: str, published: date | None) -> Race | None:
    """The first contest named in `text`, or None."""
    best: tuple[int, Race] | None = None
    for pattern in (PLACE_OFFICE, OFFICE_OF_PLACE, BARE):
        for m in pattern.finditer(text):
            office = m.group("office")
            if pattern is PLACE_OFFICE and not (m.group("contest") or office[0].isupper()):
                continue  # "Smith district" is not a race; "Ohio Senate" is
            place = _clean_place(m.groupdict().get("place"))
            contest = m.groupdict().get("contest")
            tail = text[m.start() : m.end() + 40]
            year = YEAR.search(tail) or YEAR.search(text[max(0, m.start() - 12) : m.start()])
            y = year.group(1) if year else (str(published.year) if published else None)
            race = Race(
                place,
                office.lower() if office.islower() else office,
                contest.lower() if contest else None,
                y,
            )
            if best is None or m.start() < best[0] or (m.start() == best[0] and place):
                best = (m.start(), race)
        if best is not None and best[1].place:
            break
    return best[1] if best else None


class RaceIndex:
    """Races named in a document: the relation's sentence first, the document's lead next."""

    def __init__(self, text: str, published: date | None) -> None:
        self.published = published
        self.document_race = find_race(text[:1500], published)

    def race_for(self, sentence: str) -> str | None:
        race = find_race(sentence, self.published)
        if race is None:
            race = self.document_race
        elif (
            race.place is None
            and self.document_race is not None
            and (self.document_race.office.lower() == race.office.lower())
        ):
            race = self.document_race  # "for mayor" in an article about the Los Angeles race
        return race.label() if race else None
