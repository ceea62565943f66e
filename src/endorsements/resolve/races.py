"""A race label ("Los Angeles mayor 2022") split into office, jurisdiction and year.

The extractor writes a race as one label: place words, the office, an optional contest word
and a year, each only when the text gives it. Splitting it lets the ledger list races by year
and group candidates by office without re-reading any article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_YEAR = re.compile(r"\b(19\d\d|20\d\d)\b")
#: Office words, longest first so "lieutenant governor" wins over "governor".
_OFFICES = (
    "lieutenant governor",
    "secretary of state",
    "attorney general",
    "district attorney",
    "prime minister",
    "city council",
    "school board",
    "congressional district",
    "u.s. senate",
    "us senate",
    "u.s. house",
    "us house",
    "senate",
    "house",
    "gubernatorial",
    "governorship",
    "governor",
    "mayoral",
    "mayoralty",
    "mayor",
    "presidential",
    "presidency",
    "president",
    "council",
    "parliamentary",
    "parliament",
    "assembly",
    "legislature",
    "leadership",
    "chancellorship",
    "chancellor",
    "sheriff",
    "alderman",
    "congressional",
)
#: Adjective and noun forms of one office, so "mayoral" and "mayor" races group together.
_CANONICAL_OFFICE = {
    "gubernatorial": "governor",
    "governorship": "governor",
    "mayoral": "mayor",
    "mayoralty": "mayor",
    "presidential": "president",
    "presidency": "president",
    "chancellorship": "chancellor",
    "parliamentary": "parliament",
    "u.s. senate": "US Senate",
    "us senate": "US Senate",
    "senate": "Senate",
    "u.s. house": "US House",
    "us house": "US House",
    "house": "House",
    "leadership": "leader",
}
_DISTRICT = re.compile(r"\b\d+(?:st|nd|rd|th) (?:congressional )?district\b|\bward \d+\b", re.I)


#: Party words name a primary's side, not a place: "Ohio Republican Senate primary" is in Ohio.
_PARTY_WORDS = re.compile(
    r"\b(?:Democratic|Republican|GOP|Labour|Conservative|Tory|Liberal|Progressive)\b"
)


def _place(text: str) -> str | None:
    """The jurisdiction words, without sentence debris ("the United States. This") or party."""
    text = text.split(". ")[-1]  # a label that ran over a sentence end keeps its last part
    text = _PARTY_WORDS.sub("", text) if _PARTY_WORDS.sub("", text).strip() else text
    text = re.sub(r"^(?:the|this|that|a|an)\b\s*", "", text.strip(), flags=re.I)
    text = re.sub(r"(?:'s|’s)$", "", text.strip(" ,.;:"))
    return " ".join(text.split()) or None


@dataclass(frozen=True)
class RaceParts:
    office: str | None
    jurisdiction: str | None
    year: int | None


def parse_race(label: str) -> RaceParts:
    """Office, jurisdiction and year of a race label; None for what the label does not say.

    >>> parse_race("Los Angeles mayor 2022")
    RaceParts(office='mayor', jurisdiction='Los Angeles', year=2022)
    >>> parse_race("Pennsylvania U.S. Senate primary 2022")
    RaceParts(office='US Senate', jurisdiction='Pennsylvania', year=2022)
    >>> parse_race("Labour leadership 2020")
    RaceParts(office='leader', jurisdiction='Labour', year=2020)
    """
    text = " ".join(label.split())
    year_m = _YEAR.search(text)
    year = int(year_m.group(1)) if year_m else None
    if year_m:
        text = (text[: year_m.start()] + text[year_m.end() :]).strip()
    text = re.sub(r"\b(?:primary|runoff|run-off|race|contest|election)\b", "", text, flags=re.I)
    text = " ".join(text.split())
    low = text.casefold()
    district = _DISTRICT.search(text)
    if district:
        office = district.group(0)
        return RaceParts(office, _place(text[: district.start()] + text[district.end() :]), year)
    for word in _OFFICES:
        m = re.search(rf"(?<![\w.]){re.escape(word)}(?!\w)", low)
        if m:
            office = _CANONICAL_OFFICE.get(word, text[m.start() : m.end()])
            place = _place(text[: m.start()] + " " + text[m.end() :])
            if place and place.casefold() in ("u.s.", "us"):
                office, place = f"US {office}", None
            return RaceParts(office, place, year)
    return RaceParts(text or None, None, year)
