"""What the text says an entity is: party, office, state, description and a category.

The extractor leaves the decoration it strips from a name in attributes ("title": "Sen.",
"party": "D", "state": "CA", "tag": "D-Calif."). This module turns that decoration, and the
head nouns of organization names, into the ledger's profile of an entity. Everything is read
from generic role words, titles, party tags and head nouns, never from lists of names, so it
works the same for people and groups nobody has heard of yet.
"""

from __future__ import annotations

import re

PERSON_CATEGORIES: tuple[str, ...] = (
    "politician",
    "entertainer",
    "athlete",
    "business",
    "media",
    "other",
)
ORGANIZATION_CATEGORIES: tuple[str, ...] = (
    "union",
    "party",
    "media",
    "advocacy",
    "business",
    "pac",
    "other",
)
CATEGORIES: tuple[str, ...] = tuple(dict.fromkeys(PERSON_CATEGORIES + ORGANIZATION_CATEGORIES))

#: Role words that make a person's title an office rather than a description.
_OFFICE_WORDS = re.compile(
    r"\b(?:sen|senator|sens|rep|reps|representative|congress(?:wo)?man|congressmember|gov|govs|"
    r"governor|lt|lieutenant|mayor|council(?:wo)?man|councilmember|councillor|councilor|"
    r"president|vice|speaker|whip|leader|minister|premier|chancellor|mp|assembly(?:wo)?man|"
    r"assemblymember|delegate|del|commissioner|supervisor|alder(?:wo)?man|treasurer|comptroller|"
    r"controller|auditor|clerk|sheriff|judge|justice|attorney|secretary|prosecutor|trustee|"
    r"regent|taoiseach|tanaiste|state|u\.s\.|us|nominee|candidate|incumbent)\b\.?",
    re.I,
)
_POLITICIAN = _OFFICE_WORDS
_ENTERTAINER = re.compile(
    r"\b(?:singer|songwriter|actor|actress|rapper|comedian|musician|star|celebrity|"
    r"entertainer|filmmaker|director|producer|dj|band|pop|tv|reality|hollywood|model|"
    r"artist|author|novelist|influencer|youtuber)\b",
    re.I,
)
_ATHLETE = re.compile(
    r"\b(?:athlete|player|coach|quarterback|basketball|football|baseball|soccer|hockey|"
    r"tennis|golfer|boxer|olympian|olympic|nba|nfl|mlb|nhl|wnba|champion|sprinter|"
    r"pitcher|striker|great|legend|wrestler|fighter)\b",
    re.I,
)
_BUSINESS = re.compile(
    r"\b(?:businessman|businesswoman|business|billionaire|millionaire|ceo|founder|"
    r"co-founder|executive|entrepreneur|investor|mogul|developer|tycoon|magnate|chairman|"
    r"chairwoman|owner|financier|banker)\b",
    re.I,
)
_MEDIA_PERSON = re.compile(
    r"\b(?:host|anchor|journalist|columnist|commentator|pundit|editor|broadcaster|"
    r"reporter|podcaster|publisher|radio|talk)\b",
    re.I,
)

_UNION = re.compile(
    r"\b(?:union|unions|federation of labor|labor council|afl|teamsters|brotherhood|"
    r"local \d+|workers|employees|educators association|teachers|nurses|firefighters|"
    r"fraternal order of police|police officers association|police association|"
    r"trades council|guild)\b",
    re.I,
)
_PAC = re.compile(
    r"\b(?:pac|super pac|political action committee|action fund|victory fund)\b", re.I
)
_PARTY = re.compile(
    r"\b(?:party|democratic national committee|republican national committee|"
    r"(?:democratic|republican) (?:state |county )?(?:committee|caucus)|dfl)\b",
    re.I,
)
_MEDIA_ORG = re.compile(
    r"\b(?:editorial board|editorial|editors|newspaper|times|post|journal|tribune|herald|"
    r"gazette|news|chronicle|examiner|observer|inquirer|courier|star-telegram|magazine|"
    r"review|register|sentinel|dispatch|bee|globe|daily|weekly|press|radio|tv|television|"
    r"network|broadcasting|media)\b",
    re.I,
)
_BUSINESS_ORG = re.compile(
    r"\b(?:inc|llc|ltd|corp|corporation|company|co|group|holdings|chamber of commerce|"
    r"enterprises|partners|industries|bank|realtors|association of realtors)\b\.?",
    re.I,
)
_ADVOCACY = re.compile(
    r"\b(?:league|alliance|coalition|network|council|foundation|society|institute|"
    r"movement|campaign|project|action|rights|committee|association|club|caucus|fund|"
    r"voters|citizens|for|against|women|vote|organization|center|sierra|planned)\b",
    re.I,
)

_PARTY_LETTERS = {
    "d": "Democratic",
    "dem": "Democratic",
    "democrat": "Democratic",
    "democratic": "Democratic",
    "r": "Republican",
    "rep": "Republican",
    "republican": "Republican",
    "gop": "Republican",
    "i": "Independent",
    "ind": "Independent",
    "independent": "Independent",
    "l": "Libertarian",
    "lib": "Libertarian",
    "libertarian": "Libertarian",
    "green": "Green",
    "labour": "Labour",
    "conservative": "Conservative",
}
#: "(D-CA)", "(R-Texas)", "D-Calif." as the extractor leaves them in a "tag" attribute.
_TAG = re.compile(r"^(?P<party>[A-Za-z]{1,5})\.?\s*[-–]\s*(?P<state>[A-Z][A-Za-z. ]{1,20})$")
#: Party words that sit inside a title ("Democratic Sen.", "Republican Gov.").
_PARTY_IN_TITLE = re.compile(
    r"\b(democrat(?:ic)?|republican|gop|independent|libertarian|labour|conservative|green)\b",
    re.I,
)


def party_name(raw: str) -> str:
    """ "D", "Dem." and "Democrat" are one party; unknown spellings are kept as written."""
    return _PARTY_LETTERS.get(raw.strip(" .").casefold(), raw.strip())


def profile(attrs: dict[str, str]) -> dict[str, str]:
    """Party, office, state and description from the extractor's attributes.

    The title is split by what it says: words that name an office ("Sen.", "Mayor") make the
    office, anything else ("reality TV star", "basketball great") is a description. Keys with
    nothing to say are left out, so merging profiles never overwrites a value with a blank.
    """
    out: dict[str, str] = {}
    tag = attrs.get("tag", "")
    m = _TAG.match(tag.strip())
    if m and m.group("party").casefold() in _PARTY_LETTERS:
        out["party"] = party_name(m.group("party"))
        out["state"] = m.group("state").strip(" .")
    if attrs.get("party"):
        out["party"] = party_name(attrs["party"])
    if attrs.get("state"):
        out["state"] = attrs["state"].strip(" .")
    title = " ".join(attrs.get("title", "").split())
    if title:
        party = _PARTY_IN_TITLE.search(title)
        if party and "party" not in out:
            out["party"] = party_name(party.group(1))
        rest = _PARTY_IN_TITLE.sub("", title).strip()
        rest = " ".join(w for w in rest.split() if w.casefold() not in {"former", "the", "then"})
        if rest:
            key = "office" if _OFFICE_WORDS.search(rest) else "description"
            out[key] = rest
        if title.casefold().startswith(("former", "ex-", "then")):
            out["former"] = "yes"
    if attrs.get("description"):
        out["description"] = attrs["description"]
    return out


def category(name: str, type_: str, attrs: dict[str, str]) -> str:
    """The entity's category, from its type, the extractor's type, title and name.

    Only the extractor's endorser types `union`, `party` and `media` are trusted outright:
    they come from the same head nouns. For people, an office or a party tag makes a
    politician; a description decides the rest.
    """
    if type_ in ("union", "party", "media"):
        return type_
    facts = profile(attrs)
    if type_ == "person":
        office = facts.get("office", "")
        description = " ".join(
            v for v in (attrs.get("title", ""), facts.get("description", "")) if v
        )
        if office or "party" in facts:
            return "politician"
        for pattern, cat in (
            (_ATHLETE, "athlete"),
            (_ENTERTAINER, "entertainer"),
            (_MEDIA_PERSON, "media"),
            (_BUSINESS, "business"),
        ):
            if description and pattern.search(description):
                return cat
        return "other"
    if type_ == "organization":
        for pattern, cat in (
            (_PAC, "pac"),
            (_PARTY, "party"),
            (_UNION, "union"),
            (_MEDIA_ORG, "media"),
            (_BUSINESS_ORG, "business"),
            (_ADVOCACY, "advocacy"),
        ):
            if pattern.search(name):
                return cat
    return "other"
