"""Across documents: which stored entity, if any, a newly read name belongs to.

Within one document `cluster` already maps "Reyes" and "@AnaReyesLA" onto "Ana Reyes". Across
documents there is no shared context, so the rules here are stricter, in order of trust:

1. the same name key (titles, case, accents and punctuation folded away) is the same entity;
2. a handle ("@AnaReyesLA") that is a recorded alias of exactly one entity is that entity:
   a handle names one account;
3. a full name (two words or more) that is a recorded alias of exactly one entity of the same
   kind, or that differs from exactly one stored person's name only by middle names or
   initials ("Ana M. Reyes" / "Ana Reyes"), is that entity;
4. a single word ("Obama", "Reyes", an acronym) joins an entity only when it is a recorded
   alias of exactly one entity of the same kind *and* the text ties them: at least one of
   party, office or state agrees and none of them disagrees.

Anything else starts a new entity. A wrong merge corrupts every row of two entities and is
invisible in the output; a missed merge shows up as two rows that `entities merge` can join.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

#: The entity types that describe people; everything else is some kind of organization.
PERSON_TYPES = frozenset({"person"})
#: Attributes that, when they agree, tie a bare surname to one known person.
TIE_ATTRIBUTES = ("party", "office", "state")


@dataclass(frozen=True)
class Candidate:
    """A stored entity as the matcher sees it: keys only, no database objects."""

    id: int
    key: str
    type: str
    alias_keys: frozenset[str] = frozenset()
    facts: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Mention:
    """A name as one document gives it, already keyed and profiled."""

    key: str
    type: str
    facts: dict[str, str] = field(default_factory=dict)
    is_handle: bool = False


def _same_kind(a: str, b: str) -> bool:
    return (a in PERSON_TYPES) == (b in PERSON_TYPES) or "other" in (a, b)


def _only(ids: Iterable[int]) -> int | None:
    found = set(ids)
    return found.pop() if len(found) == 1 else None


def _variant(a: list[str], b: list[str]) -> bool:
    """Same first and last word, and one name's words all inside the other's."""
    return a[0] == b[0] and a[-1] == b[-1] and (set(a) <= set(b) or set(b) <= set(a))


def tied(mention: dict[str, str], known: dict[str, str]) -> bool:
    """True when the text's party/office/state agree with the entity's on at least one."""
    shared = [k for k in TIE_ATTRIBUTES if mention.get(k) and known.get(k)]
    if not shared:
        return False
    return all(mention[k].casefold() == known[k].casefold() for k in shared)


def lookup_keys(mention: Mention) -> tuple[str, str]:
    """What the store must fetch candidates by: the key itself and its last word."""
    words = mention.key.split()
    return mention.key, words[-1] if words else ""


def match(mention: Mention, candidates: Iterable[Candidate]) -> int | None:
    """The id of the one stored entity `mention` names, or None to start a new one.

    `candidates` should hold at least every entity whose key or an alias key equals the
    mention's key, and every person whose last word is the mention's last word
    (`lookup_keys`); extra candidates are harmless.
    """
    cands = list(candidates)
    exact = _only(c.id for c in cands if c.key == mention.key)
    if exact is not None:
        return exact
    by_alias = [c for c in cands if mention.key in c.alias_keys]
    if mention.is_handle:
        return _only(c.id for c in by_alias)
    by_alias = [c for c in by_alias if _same_kind(c.type, mention.type)]
    words = mention.key.split()
    if len(words) >= 2:
        hit = _only(c.id for c in by_alias)
        if hit is not None:
            return hit
        if mention.type in PERSON_TYPES:
            return _only(
                c.id
                for c in cands
                if c.type in PERSON_TYPES
                and len(c.key.split()) >= 2
                and _variant(words, c.key.split())
            )
        return None
    return _only(c.id for c in by_alias if tied(mention.facts, c.facts))
