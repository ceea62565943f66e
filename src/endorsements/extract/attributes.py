"""Attributes of a relation that the text gives: date and endorser type (races: races.py).

Dates are resolved against the publication date ("on Friday" is the Friday before it).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from spacy.tokens import Span, Token

from .lexicon import MEDIA_NAME

YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")
MONTHS = {
    m: i + 1
    for i, m in enumerate(
        [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ]
    )
}
MONTH_ABBR = {k[:3]: v for k, v in MONTHS.items()} | {"sept": 9}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]


def _month(word: str) -> int | None:
    w = word.lower().rstrip(".")
    return MONTHS.get(w) or MONTH_ABBR.get(w)


def resolve_date(ent_text: str, published: date | None) -> str | None:
    """An explicit or relative date phrase as YYYY, YYYY-MM or YYYY-MM-DD."""
    words = re.findall(r"[A-Za-z]+\.?|\d+", ent_text)
    low = [w.lower().rstrip(".") for w in words]
    year = next((int(w) for w in words if w.isdigit() and len(w) == 4), None)
    month = next((_month(w) for w in words if _month(w)), None)
    day = next((int(w) for w in words if w.isdigit() and len(w) <= 2 and 1 <= int(w) <= 31), None)
    if month:
        y = year or (published.year if published else None)
        if y is None:
            return None
        if published and not year and (month > published.month):
            y -= 1  # "in November" read in March means last November
        if day:
            try:
                return date(y, month, day).isoformat()
            except ValueError:
                return f"{y:04d}-{month:02d}"
        return f"{y:04d}-{month:02d}"
    if year:
        return str(year)
    if published is None:
        return None
    for i, wd in enumerate(WEEKDAYS):
        if wd in low:
            delta = (published.weekday() - i) % 7
            return (published - timedelta(days=delta)).isoformat()
    if "yesterday" in low:
        return (published - timedelta(days=1)).isoformat()
    if "today" in low or "tonight" in low:
        return published.isoformat()
    if "last" in low and "year" in low:
        return str(published.year - 1)
    if "this" in low and "year" in low:
        return str(published.year)
    return None


def date_of(sent: Span, cue: Token, published: date | None) -> str | None:
    """The DATE entity nearest the cue within its sentence."""
    best: tuple[int, str] | None = None
    for ent in sent.ents:
        if ent.label_ != "DATE":
            continue
        try:
            value = resolve_date(ent.text, published)
        except OverflowError:
            value = None  # "last Monday" from a publication date of 0001-01-01
        if value is None:
            continue
        dist = min(abs(ent.start - cue.i), abs(ent.end - 1 - cue.i))
        if best is None or dist < best[0]:
            best = (dist, value)
    return best[1] if best else None


#: An embedded post's signature: "— Name (@handle) January 5, 2021".
POST_SIGNATURE_DATE = re.compile(
    r"[—–-]\s*[^\n—–]{1,80}\(@\w{1,30}\)\s*(?P<date>[A-Z][a-z]+\.? \d{1,2}, \d{4})"
)


def post_date(cue: Token, published: date | None) -> str | None:
    """The date an embedded post was published, written after it in its signature line: the
    post's endorsement was made that day, which the news story's date may not be."""
    text = cue.doc.text
    end = text.find("\n\n", cue.idx)
    window = text[cue.idx : end if end != -1 else cue.idx + 600][:600]
    m = POST_SIGNATURE_DATE.search(window)
    return resolve_date(m.group("date"), published) if m else None


ORG_WORDS = re.compile(
    r"\b(union|party|parti|partido|board|committee|association|federation|league|guild|"
    r"lodge|local|council|coalition|alliance|front|fund|pac|times|post|news|daily|tribune|"
    r"journal|herald|gazette|network|caucus|club|society|institute|foundation|chamber|"
    r"movement|project|action)\b"
)
UNION_WORDS = re.compile(
    r"\b(union|unions|workers|teamsters|brotherhood|employees|nurses|teachers|"
    r"educators|machinists|laborers|fraternal|firefighters|police|officers|deputies|"
    r"troopers|trades|guild|local \d+|lodge|federation of teachers|teachers federation|"
    r"dockworkers|longshore\w*|steelworkers|autoworkers|carpenters|electricians|"
    r"education association|order of police|federation of state|"
    r"pipefitters|plumbers|ironworkers|transit workers)\b"
)
PARTY_WORDS = re.compile(
    r"\b(party|parti|partido|partei|democrats|republicans|labour|conservatives|"
    r"democratic committee|republican committee|central committee|"
    r"senatorial committee|congressional committee)\b"
)


def endorser_type(name: str, kind: str, descriptors: set[str]) -> str:
    """person, media, union, party or organization, from the name's own words first and the
    words the text uses for it ("the union", "the paper") next."""
    low = name.lower()
    acronym = name.isupper() and " " not in name and 2 <= len(name.strip(".")) <= 6
    if kind in ("person", "unknown", "handle") and not ORG_WORDS.search(low) and not acronym:
        return "person"
    if MEDIA_NAME.search(low) or descriptors & {
        "newspaper",
        "paper",
        "editorial",
        "magazine",
        "outlet",
        "publication",
    }:
        return "media"
    if PARTY_WORDS.search(low) or "party" in descriptors:
        return "party"
    if UNION_WORDS.search(low) or "union" in descriptors:
        return "union"
    return "organization"
