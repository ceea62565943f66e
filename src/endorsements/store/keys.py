"""The key under which the ledger merges names across documents.

The key is stored (`entities.name_key`, `aliases.alias_key`) and enforced unique, so it must be
deterministic and stable: changing this function changes which rows merge, and an existing
ledger then needs a data migration that recomputes the keys. It is deliberately conservative —
only differences that never distinguish two real entities are folded away (case, accents,
punctuation, spacing, a leading honorific) — because a wrong merge silently corrupts every row
of both entities, while a missed merge only shows up as two rows that entity resolution can
join later.

It is independent of `endorsements.resolve` on purpose: resolve may get smarter from release
to release, but the ledger's keys must not move under existing data.
"""

from __future__ import annotations

import re
import unicodedata

#: Words dropped from the front of a name. Only honorifics and offices that are never part of
#: the name itself; kept short because every word added here merges more names ("vice" is
#: missing on purpose: "Vice Media" must not become "media").
LEADING_TITLES: frozenset[str] = frozenset(
    {
        "the",
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "prof",
        "sen",
        "senator",
        "rep",
        "representative",
        "gov",
        "governor",
        "president",
        "former",
        "elect",
        "congressman",
        "congresswoman",
        "hon",
    }
)

_POSSESSIVE = re.compile(r"['’ʼ]s\b")
_APOSTROPHES = re.compile(r"['’ʼ.]")
_NON_WORD = re.compile(r"[\W_]+")


def _fold(text: str) -> str:
    # NFKD then dropping combining marks removes accents but keeps non-Latin letters, unlike an
    # ASCII round trip, which would reduce a Cyrillic or Chinese name to nothing.
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return stripped.casefold()


def _join_initials(tokens: list[str]) -> list[str]:
    """Merge runs of single letters: "J. D. Vance" and "J.D. Vance" are the same person."""
    out: list[str] = []
    run = ""
    for tok in tokens:
        if len(tok) == 1:
            run += tok
            continue
        if run:
            out.append(run)
            run = ""
        out.append(tok)
    if run:
        out.append(run)
    return out


def name_key(name: str) -> str:
    """Fold a name to its merge key; "" when nothing name-like is left.

    >>> name_key("Sen. José Núñez-Pérez")
    'jose nunez perez'
    >>> name_key("The U.P.W.-L.U.") == name_key("UPW-LU")
    True
    >>> name_key("President")
    'president'
    >>> name_key("J. D. Vance") == name_key("J.D. Vance") == name_key("jd vance")
    True
    """
    text = _fold(name).replace("&", " and ")
    text = _POSSESSIVE.sub("", text)
    # Apostrophes and periods join ("O'Brien" -> "obrien", "U.S." -> "us"); anything else
    # separates words ("Pérez-Núñez" -> "perez nunez").
    text = _APOSTROPHES.sub("", text)
    tokens = [t for t in _NON_WORD.split(text) if t]
    tokens = _join_initials(tokens)
    while len(tokens) > 1 and tokens[0] in LEADING_TITLES:
        tokens.pop(0)
    return " ".join(tokens)
