"""Attributes of a relation that the text gives: kind, race or office, and date.

Dates are resolved against the publication date ("on Friday" is the Friday before it). The
race is read from the clause around the cue ("for mayor", "in the Senate race", "leadership
contest"); the year comes from the clause or, failing that, the publication date.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from spacy.tokens import Span, Token

OFFICES = {
    "president": "president",
    "presidency": "president",
    "presidential": "president",
    "white house": "president",
    "senate": "US Senate",
    "senator": "US Senate",
    "governor": "governor",
    "gubernatorial": "governor",
    "mayor": "mayor",
    "mayoral": "mayor",
    "house": "US House",
    "congress": "US House",
    "congressional": "US House",
    "city council": "city council",
    "council": "city council",
    "attorney general": "attorney general",
    "sheriff": "sheriff",
    "school board": "school board",
    "district attorney": "district attorney",
    "leadership": "party leader",
    "leader": "party leader",
    "chancellor": "chancellor",
    "prime minister": "prime minister",
    "assembly": "state assembly",
    "lieutenant governor": "lieutenant governor",
    "secretary of state": "secretary of state",
    "parliament": "parliament",
    "reelection": None,
    "re-election": None,
}
RACE_CONTEXT = re.compile(
    r"\b(?:for|in (?:the|his|her|their)|as)\s+(?P<office>(?:[A-Z][\w.'-]+\s){0,3}?"
    r"(?:president|presidency|governor|mayor|senate|senator|city council|council|sheriff|"
    r"attorney general|school board|district attorney|congress|house|chancellor|"
    r"prime minister|leader|leadership|assembly|parliament))\b",
    re.I,
)
RACE_WORDS = re.compile(
    r"\b(?P<office>(?:[A-Z][\w.'-]+\s){0,3}?(?:mayoral|gubernatorial|senate|presidential|"
    r"congressional|leadership|council|primary))\s+(?:race|contest|bid|campaign|election|"
    r"primary|run|seat|nomination)\b",
    re.I,
)
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


def race_of(clause: str, published: date | None) -> str | None:
    m = RACE_CONTEXT.search(clause) or RACE_WORDS.search(clause)
    if not m:
        return None
    office = " ".join(m.group("office").split())
    year = YEAR.search(clause)
    y = year.group(1) if year else (str(published.year) if published else None)
    return f"{office} {y}" if y else office


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
        value = resolve_date(ent.text, published)
        if value is None:
            continue
        dist = min(abs(ent.start - cue.i), abs(ent.end - 1 - cue.i))
        if best is None or dist < best[0]:
            best = (dist, value)
    return best[1] if best else None


def endorser_type(name: str, kind: str, descriptors: set[str]) -> str:
    low = name.lower()
    if kind in ("person", "unknown", "handle") and not re.search(
        r"\b(union|party|board|committee|association|federation|times|post|news|daily|"
        r"tribune|journal|herald|gazette)\b",
        low,
    ):
        return "person"
    if re.search(
        r"\b(editorial|times|post|tribune|journal|herald|gazette|chronicle|daily|"
        r"globe|news|review|ledger|courier|star|sun|observer|inquirer|examiner)\b",
        low,
    ) or descriptors & {"newspaper", "paper", "editorial", "magazine", "outlet"}:
        return "media"
    if (
        re.search(
            r"\b(union|workers|teamsters|brotherhood|federation of|afl-cio|seiu|"
            r"employees|nurses|teachers|educators|machinists|laborers|fraternal)\b",
            low,
        )
        or "union" in descriptors
    ):
        return "union"
    if (
        re.search(
            r"\b(party|democrats|republicans|labour|tories|conservatives|gop|dnc|rnc|"
            r"committee)\b",
            low,
        )
        or "party" in descriptors
    ):
        return "party"
    return "organization"
