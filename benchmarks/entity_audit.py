"""Audit a ledger's entities for the two mistakes entity resolution can make.

For every entity in at least N endorsements (default 3) it prints:

- the surface names its evidence used (`endorser_name` / `endorsee_name` of each evidence
  row): two different people merged into one entity show up here as two different names;
- every other entity that shares a name word (a surname, an acronym) with it: one person split
  into two entities shows up here;
- each evidence span, so a reader can check which person the text means.

It decides nothing by itself: the figures in docs/store.md come from reading this output.

    .venv/bin/python benchmarks/entity_audit.py sqlite:////tmp/ledger.db --min 3
"""

from __future__ import annotations

import argparse

from endorsements.store import Ledger, name_key

#: Words too common in names to suggest two entities are one.
_STOP = {"the", "of", "for", "and", "party", "union", "committee", "national", "new"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db")
    parser.add_argument("--min", type=int, default=3, help="minimum endorsements per entity")
    parser.add_argument("--quiet", action="store_true", help="print only the summary")
    args = parser.parse_args()
    with Ledger(args.db) as ledger:
        everyone = ledger.entities()
        audited = ledger.entities(min_endorsements=args.min)
        words: dict[str, list[str]] = {}
        for e in everyone:
            for w in {
                *name_key(e.name).split(),
                *(t for a in e.aliases for t in name_key(a).split()),
            }:
                if len(w) > 2 and w not in _STOP:
                    words.setdefault(w, []).append(f"{e.id} {e.name}")
        n_surfaces = 0
        n_related = 0
        for e in audited:
            rows = ledger.rows(endorser_id=e.id, with_evidence=True) + ledger.rows(
                endorsee_id=e.id, with_evidence=True
            )
            surfaces = sorted(
                {
                    ev.endorser_name if r.endorser_id == e.id else ev.endorsee_name
                    for r in rows
                    for ev in r.evidence
                }
            )
            related = sorted(
                {
                    other
                    for w in name_key(e.name).split()
                    if w in words
                    for other in words[w]
                    if not other.startswith(f"{e.id} ")
                }
            )
            n_surfaces += len(surfaces) > 1
            n_related += bool(related)
            if args.quiet:
                continue
            print(f"== {e.id} {e.name} ({e.type}, {e.category}) given={e.n_given} "
                  f"received={e.n_received}")  # fmt: skip
            print(f"   aliases: {'; '.join(e.aliases) or '-'}")
            print(f"   names in evidence: {'; '.join(surfaces)}")
            print(f"   entities sharing a name word: {'; '.join(related) or '-'}")
            for r in rows:
                for ev in r.evidence:
                    print(f"   #{r.id} {ev.document_id} {ev.stance}: {ev.text[:110]!r}")
        print(
            f"entities: {len(everyone)}; with >= {args.min} endorsements: {len(audited)}; "
            f"of those, with several names in their evidence: {n_surfaces}; "
            f"sharing a name word with another entity: {n_related}"
        )


if __name__ == "__main__":
    main()
