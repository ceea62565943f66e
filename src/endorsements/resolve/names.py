"""Names as the text writes them, reduced to names as the ledger keys them.

News decorates names: "Sen. Ruth Adler, I-Vt.", "Rep. Tom Reed (R-N.C.)", "former President
X", "X's". The decoration is information (office, party, state), so it is kept as attributes
rather than thrown away, and the bare name is what mentions are matched on.
"""

from __future__ import annotations

import re
import unicodedata

# Generic titles and role words that precede names. Role words only, never names.
#: Titles that only people carry: evidence that a mis-tagged name is a person's.
PERSON_TITLES = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "sen",
    "senator",
    "rep",
    "representative",
    "gov",
    "governor",
    "mayor",
    "councilwoman",
    "councilman",
    "councilmember",
    "councilor",
    "councillor",
    "congressman",
    "congresswoman",
    "judge",
    "sheriff",
    "president",
    "minister",
    "assemblywoman",
    "assemblyman",
    "sir",
    "dame",
    "lord",
    "lady",
    "mp",
    "sens",
    "reps",
    "govs",
}
TITLES = PERSON_TITLES | {
    "miss",
    "former",
    "vice",
    "hon",
    "honorable",
    "prime",
    "pm",
    "speaker",
    "leader",
    "chancellor",
    "premier",
    "lt",
    "lt.",
    "gen",
    "col",
    "sgt",
    "capt",
    "adm",
    "justice",
    "attorney",
    "general",
    "secretary",
    "state",
    "u.s.",
    "us",
    "ex",
    "late",
    "assemblymember",
    "del",
    "delegate",
    "commissioner",
    "supervisor",
    "alderman",
    "alderwoman",
    "chairman",
    "chairwoman",
    "chair",
    "ceo",
    "rev",
    "reverend",
    "pastor",
    "father",
    "saint",
    "st",
    "presidential",
    "candidate",
    "nominee",
    "incumbent",
    "the",
    "interim",
    "acting",
    "deputy",
    "lieutenant",
    "taoiseach",
    "tanaiste",
    "minority",
    "majority",
    "democrat",
    "republican",
    "democratic",
    "gop",
    "independent",
    "labour",
    "conservative",
    "progressive",
    "socialist",
    "communist",
    "green",
    "liberal",
    "whip",
    "superintendent",
    "treasurer",
    "comptroller",
    "auditor",
    "controller",
    "clerk",
    "trustee",
    "regent",
    "businessman",
    "businesswoman",
    "billionaire",
    "rapper",
    "singer",
    "actor",
    "actress",
    "comedian",
    "star",
    "mogul",
    "activist",
    "host",
    "challenger",
    "newcomer",
    "hopeful",
    "contender",
    "veteran",
    "frontrunner",
    "front-runner",
    "then",
    "then-",
    "newly",
    "elected",
    "supporter",
    "backer",
    "endorser",
    "coach",
    "chef",
    "professor",
    "prof",
}
STATE_TAG = re.compile(
    r"\s*[\(,]\s*(?P<party>[DRIL]|Dem|Rep|Ind|Lib|Green|D\.|R\.|I\.)"
    r"(?:\s*[-–]\s*(?P<state>[A-Z][A-Za-z. ]{1,20}?))?\s*\)?\s*$"
)
PAREN_TAG = re.compile(r"\s*\((?P<inner>[^()]{1,30})\)\s*$")
POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
WORD = re.compile(r"[\w@&.'’-]+", re.UNICODE)


def fold(text: str) -> str:
    """Case-, accent- and punctuation-insensitive form used to compare names."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = text.casefold().replace("’", "'")
    text = re.sub(r"'s\b", "", text)
    return " ".join(re.findall(r"[a-z0-9@]+", text))


def is_titleish(word: str) -> bool:
    return word.casefold().rstrip(".") in TITLES


def clean_name(surface: str, kind: str = "person") -> tuple[str, dict[str, str]]:
    """Strip titles, possessives and party/state tags; return the bare name and what was cut.

    Organizations keep their leading words ("Green Party", "State Farm"): only people wear
    titles.
    """
    attrs: dict[str, str] = {}
    text = " ".join(surface.split())
    text = text.strip(" ,;:—–-\"“”‘’'()[]")
    text = POSSESSIVE.sub("", text)
    text = re.sub(r"[-–](?:backed|endorsed|supported|aligned|allied)$", "", text)  # "Grant-backed"
    m = STATE_TAG.search(text)
    if m and m.start() > 0:
        attrs["party"] = m.group("party").rstrip(".")
        if m.group("state"):
            attrs["state"] = m.group("state").strip(" .")
        text = text[: m.start()]
    text = re.sub(r"\s*\([^()]*$", "", text)  # "Educators (PACE": an unclosed bracket
    m = PAREN_TAG.search(text)
    if m and m.start() > 0:
        attrs["tag"] = m.group("inner")
        text = text[: m.start()]
    words = text.split()
    titles: list[str] = []
    if (
        kind != "organization"
        and len(words) > 2
        and not is_titleish(words[0])
        and (is_titleish(words[1]) and words[1][:1].isupper())
    ):
        # "Millbrook Mayor Dana Whit", "Ohio Rep. Tom Reed": a place before the title
        attrs["place"] = words.pop(0)
    while kind != "organization" and len(words) > 1 and is_titleish(words[0]):
        titles.append(words.pop(0))
    if kind == "organization" and words and words[0].casefold() == "the":
        words.pop(0)
    if titles:
        lowered = [t for t in titles if t.casefold() != "the"]
        if lowered:
            attrs["title"] = " ".join(lowered)
    name = " ".join(words).strip(" ,;:—–-\"“”‘’'")
    name = POSSESSIVE.sub("", name)
    return name, attrs


def name_tokens(name: str) -> list[str]:
    return [t for t in fold(name).split() if t not in {"jr", "sr", "ii", "iii"}]


def acronym(name: str) -> str:
    """Initials of the capitalized words: "American Federation of Teachers" -> "AFT"."""
    words = re.findall(r"[A-Za-z][\w'-]*", name)
    return "".join(w[0] for w in words if w[0].isupper()).upper()
