"""Group a document's mentions into entities and name each by its fullest form.

Rules, in order of trust: identical names; a surname or first name that is the last or first
word of exactly one fuller person name; a handle whose letters contain one person's surname;
an acronym equal to one organization's initials (a leading word's may be missing); a
shorter organization name whose words all lie in a longer one with the same last word.
Ambiguity (two candidates) leaves a mention alone: a wrong merge is worse than a missed one.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from .names import acronym, fold, name_tokens


class _Mention(Protocol):
    name: str
    kind: str
    canonical: str


def _unique(cands: Iterable[str]) -> str | None:
    found = list(dict.fromkeys(cands))
    return found[0] if len(found) == 1 else None


def cluster_mentions(mentions: list[_Mention]) -> dict[str, set[str]]:
    """Set `canonical` on every mention; return canonical name -> surface aliases."""
    # Only names the model calls people define full names; unknown runs of capitals (headlines,
    # "Mayor Grants Permit") may map onto them but never become an entity others map onto.
    people = [m for m in mentions if m.kind == "person"]
    orgs = [m for m in mentions if m.kind == "organization"]
    full_people: dict[str, str] = {}  # folded -> display
    for m in people:
        toks = name_tokens(m.name)
        if len(toks) >= 2:
            key = " ".join(toks)
            if key not in full_people or len(m.name) > len(full_people[key]):
                full_people[key] = m.name
    # Collapse "Ana M. Reyes" into "Ana Reyes" style variants: keep the longest display.
    longest: dict[str, str] = {}
    for key, disp in full_people.items():
        toks = key.split()
        owner = _unique(
            k
            for k in full_people
            if k != key and k.split()[-1] == toks[-1] and set(toks) <= set(k.split())
        )
        longest[key] = full_people[owner] if owner else disp

    def person_canonical(name: str) -> str | None:
        toks = name_tokens(name)
        if not toks or (name.isupper() and len(name) > 1 and " " not in name):
            return None  # an acronym is not somebody's surname
        key = " ".join(toks)
        if key in longest:
            return longest[key]
        if len(toks) == 1:
            tok = toks[0]
            by_last = _unique(longest[k] for k in longest if k.split()[-1] == tok)
            if by_last:
                return by_last
            by_first = _unique(longest[k] for k in longest if k.split()[0] == tok)
            if by_first:
                return by_first
        else:
            by_sub = _unique(
                longest[k]
                for k in longest
                if k.split()[-1] == toks[-1] and set(toks) <= set(k.split())
            )
            if by_sub:
                return by_sub
        return None

    org_names = sorted({m.name for m in orgs}, key=len, reverse=True)

    def org_canonical(name: str) -> str | None:
        f = fold(name)
        toks = f.split()
        if name.isupper() and 2 <= len(name.replace("-", "")) <= 8:
            short = name.replace("-", "").upper()
            hit = _unique(o for o in org_names if acronym(o) == short and o != name)
            if hit:
                return hit
            # "BCO" for the "National Brotherhood of Corrections Officers": a leading "National" or
            # place word is often dropped from the initials
            if len(short) >= 3:
                hit = _unique(
                    o
                    for o in org_names
                    if o != name and len(acronym(o)) == len(short) + 1 and acronym(o)[1:] == short
                )
                if hit:
                    return hit
        if toks:
            # checked before the name's own spelling: "the Benevolent Order of Wardens" is the
            # "National Benevolent Order of Wardens" named earlier, even when written in full
            hit = _unique(
                o
                for o in org_names
                if o != name
                and fold(o).split()[-1:] == toks[-1:]
                and set(toks) < set(fold(o).split())
            )
            if hit:
                return hit
        for longer in org_names:
            if f and fold(longer) == f:
                return longer
        return None

    aliases: dict[str, set[str]] = {}
    for m in mentions:
        canon: str | None = None
        if m.kind == "handle":
            handle = fold(m.name).lstrip("@").replace(" ", "")
            canon = _unique(
                disp
                for key, disp in longest.items()
                if len(key.split()[-1]) >= 3 and key.split()[-1] in handle
            )
            if canon:
                m.kind = "person"
        elif m.kind in ("person", "unknown"):
            canon = person_canonical(m.name)
            if canon is None and m.kind == "unknown":
                canon = org_canonical(m.name)
                if canon:
                    m.kind = "organization"
            elif canon is not None and m.kind == "unknown":
                m.kind = "person"
        elif (
            m.kind == "organization"
            and org_canonical(m.name) in (None, m.name)
            and (person_canonical(m.name))
        ):
            # "Grant had backed Reed", "Salcedo-Kerr's backers": a surname tagged ORG when
            # the document names that person in full
            canon = person_canonical(m.name)
            m.kind = "person"
        elif m.kind == "organization":
            canon = org_canonical(m.name)
        elif m.kind in ("group", "place", "product", "other", "event"):
            # the small model tags unfamiliar surnames as NORP, GPE or PRODUCT
            canon = person_canonical(m.name)
            if canon:
                m.kind = "person"
        m.canonical = canon or m.name
    # follow chains: "BOW" -> "Benevolent Order of Wardens" -> "National Benevolent Order of
    # Wardens" ends at the last
    forward = {m.name: m.canonical for m in mentions if m.kind == "organization"}
    for m in mentions:
        seen = {m.canonical}
        while forward.get(m.canonical, m.canonical) not in seen:
            m.canonical = forward[m.canonical]
            seen.add(m.canonical)
        aliases.setdefault(m.canonical, set())
        if m.name != m.canonical:
            aliases[m.canonical].add(m.name)
    return aliases
