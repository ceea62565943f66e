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


#: Courtesy titles say nothing about what someone does, so they are neither office nor
#: description.
_HONORIFICS = frozenset(
    {"mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "lady", "lord", "hon", "honorable"}
)

#: Role nouns a description ends with: "legendary rapper", "billionaire businessman",
#: "basketball great", "a model and entertainer".
_ROLE_NOUNS = (
    r"(?:singer|songwriter|actor|actress|rapper|comedian|musician|star|celebrity|entertainer|"
    r"filmmaker|director|producer|model|artist|author|novelist|influencer|athlete|player|"
    r"coach|quarterback|golfer|boxer|olympian|champion|great|legend|wrestler|businessman|"
    r"businesswoman|billionaire|millionaire|executive|entrepreneur|investor|mogul|developer|"
    r"tycoon|magnate|founder|host|anchor|journalist|columnist|commentator|pundit|broadcaster|"
    r"podcaster|activist|lawyer|philanthropist|lawmaker|politician|pastor|professor)"
)
_ROLE = re.compile(rf"^{_ROLE_NOUNS}$", re.I)
#: Words that end a description on its left: "endorsement from | legendary rapper X".
_NOT_MODIFIERS = frozenset(
    {
        "the",
        "a",
        "an",
        "of",
        "from",
        "by",
        "with",
        "for",
        "to",
        "and",
        "or",
        "but",
        "his",
        "her",
        "their",
        "its",
        "our",
        "my",
        "as",
        "at",
        "in",
        "on",
        "said",
        "says",
        "is",
        "was",
        "were",
        "be",
        "been",
        "has",
        "had",
        "have",
        "who",
        "whom",
        "which",
        "that",
        "this",
        "these",
        "those",
    }
)
#: "X, a model and entertainer, ...": an appositive up to the next punctuation.
_APPOSITIVE = re.compile(r",\s+(?:a|an|the)\s+([^,.;:()]{1,60})[,.;:)]")


def _premodifier(before: str) -> str | None:
    """Up to three words right before a name that end in a role noun ("reality TV star")."""
    words = before.split()
    if not words or not before[-1:].isspace() or not _ROLE.match(words[-1]):
        return None
    kept = [words[-1]]
    rest = words[:-1]
    for i in range(len(rest) - 1, -1, -1):
        word = rest[i]
        if (
            len(kept) == 3
            or not re.fullmatch(r"[A-Za-z][A-Za-z'’-]*", word)
            or word.casefold() in _NOT_MODIFIERS
            or word.casefold().endswith(("ing", "ed"))
            # the end of a two-word name ("... Dana Pike NBA champion X")
            or (word[0].isupper() and not word.isupper() and i > 0 and rest[i - 1][:1].isupper())
        ):
            break
        kept.insert(0, word)
    return " ".join(kept)


def describe(text: str, names: list[str]) -> str | None:
    """What the text calls someone: "legendary rapper X", "X, a model and entertainer, ...".

    Only phrases that end in a role noun count, so "endorsed X" or "told X" never become a
    description. The first name given that has one wins.
    """
    for name in names:
        if not name or len(name) < 3:
            continue
        for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
            before = _premodifier(text[max(0, m.start() - 60) : m.start()])
            if before:
                return before
            after = _APPOSITIVE.match(text[m.end() : m.end() + 80])
            if (
                after
                and len(after.group(1).split()) <= 5
                and _ROLE.match(after.group(1).split()[-1])
            ):
                return " ".join(after.group(1).split())
    return None


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
        rest = " ".join(
            w
            for w in rest.split()
            if w.casefold().rstrip(".") not in {"former", "the", "then"} | _HONORIFICS
        )
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
