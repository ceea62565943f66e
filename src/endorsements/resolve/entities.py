"""Across documents: which stored entity, if any, a newly read name belongs to.

Within one document `cluster` already maps "Reyes" and "@AnaReyesLA" onto "Ana Reyes". Across
documents there is no shared context, so the rules here are stricter, in order of trust:

1. the same name key (titles, case, accents and punctuation folded away) is the same entity;
2. a handle ("@AnaReyesLA") that is a recorded alias of exactly one entity is that entity:
   a handle names one account;
3. a full name (two words or more) that is a recorded alias of exactly one entity of the same
   kind, or whose document also called it by exactly one stored entity's full name, or that
   differs from exactly one stored person's name only by middle names or initials
   ("Ana M. Reyes" / "Ana Reyes"), is that entity;
4. a single word joins an entity only when nothing else could claim it:
   - a surname ("Okafor") joins the one stored person whose full name ends with it, when no
     other stored person has that surname and party and state do not disagree; with several
     such people, only the one the text ties it to (party, office or state agree, none
     disagrees), if exactly one is;
   - any other single word (a first name, an acronym) joins the one entity of the same kind
     that has it as a recorded alias, and for a person only when the text ties them;
   - a single word the extractor calls an organization that no organization is known by,
     but that other texts used as the surname of exactly one person, is that person (the
     small English model tags lone surnames as organizations).
   Within a document `cluster` has already mapped a surname onto the full name given there,
   so "Okafor" in an article about Nneka Okafor arrives here as "Nneka Okafor".

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
    #: Keys of the other names the same document used for it ("Ana Reyes" for "Reyes").
    alias_keys: frozenset[str] = frozenset()


def _same_kind(a: str, b: str) -> bool:
    return (a in PERSON_TYPES) == (b in PERSON_TYPES) or "other" in (a, b)


def _only(ids: Iterable[int]) -> int | None:
    found = set(ids)
    return found.pop() if len(found) == 1 else None


def _variant(a: list[str], b: list[str]) -> bool:
    """Same first and last word, and one name's words all inside the other's."""
    return a[0] == b[0] and a[-1] == b[-1] and (set(a) <= set(b) or set(b) <= set(a))


def conflicts(mention: dict[str, str], known: dict[str, str]) -> bool:
    """True when party or state are known on both sides and differ."""
    return any(
        mention.get(k) and known.get(k) and mention[k].casefold() != known[k].casefold()
        for k in ("party", "state")
    )


def tied(mention: dict[str, str], known: dict[str, str]) -> bool:
    """True when the text's party/office/state agree with the entity's on at least one."""
    shared = [k for k in TIE_ATTRIBUTES if mention.get(k) and known.get(k)]
    if not shared:
        return False
    return all(mention[k].casefold() == known[k].casefold() for k in shared)


def lookup_keys(mention: Mention) -> tuple[str, str]:
    """What the store must fetch candidates by: the key itself (as a name or an alias) and its
    last word (every stored name that ends with it)."""
    words = mention.key.split()
    return mention.key, words[-1] if words else ""


def surname_holders(surname: str, candidates: Iterable[Candidate]) -> list[Candidate]:
    """Stored people with a full name (two words or more) that ends with `surname`.

    A holder that has another holder's exact name among its aliases is a longer variant of
    that person (a headline run-on, a nickname prefix), not a second person, so it does not
    make the surname ambiguous.
    """
    holders = [
        c
        for c in candidates
        if c.type in PERSON_TYPES and len(c.key.split()) >= 2 and c.key.split()[-1] == surname
    ]
    keys = {c.key for c in holders}
    return [c for c in holders if not (c.alias_keys & (keys - {c.key}))]


def absorbs_surname(full: Candidate, bare: Candidate, candidates: Iterable[Candidate]) -> bool:
    """Should a stored surname-only person (`bare`) be folded into a new full name?

    The same test as rule 4, run the other way round when the full name arrives after the
    surname: `full` must be the only person with that surname and must not disagree with it.
    """
    words = full.key.split()
    return (
        full.type in PERSON_TYPES
        and bare.type in PERSON_TYPES
        and len(words) >= 2
        and bare.key == words[-1]
        and [c.id for c in surname_holders(words[-1], candidates)] == [full.id]
        and not conflicts(bare.facts, full.facts)
    )


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
        named = _only(
            c.id
            for c in cands
            if c.key in mention.alias_keys
            and len(c.key.split()) >= 2
            and _same_kind(c.type, mention.type)
        )
        if named is not None:
            return named
        if mention.type in PERSON_TYPES:
            return _only(
                c.id
                for c in cands
                if c.type in PERSON_TYPES
                and len(c.key.split()) >= 2
                and _variant(words, c.key.split())
            )
        return None
    if mention.type in PERSON_TYPES:
        holders = surname_holders(mention.key, cands)
        if len(holders) == 1 and not conflicts(mention.facts, holders[0].facts):
            return holders[0].id
        if holders:
            return _only(c.id for c in holders if tied(mention.facts, c.facts))
        return _only(c.id for c in by_alias if tied(mention.facts, c.facts))
    hit = _only(c.id for c in by_alias)
    if hit is not None or by_alias:
        return hit
    # The small model often tags a lone surname as an organization. It is the person when
    # other texts already called exactly one person by this surname and no group by this word.
    holders = [c for c in surname_holders(mention.key, cands) if mention.key in c.alias_keys]
    return holders[0].id if len(holders) == 1 else None
