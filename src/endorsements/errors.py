"""The exception tree.

Library code raises these; only `cli.py` (and later the HTTP layer) turns them into messages
and exit codes. An `InputError` always knows where the bad input is and what the user can do,
so a batch can report it in one line and carry on with the next item.
"""

from __future__ import annotations


class EndorsementsError(Exception):
    """Base of every error this package raises on purpose."""


class ConfigError(EndorsementsError):
    """A setting has a value we cannot use."""


class InputError(EndorsementsError):
    """One input (file, line, URL) cannot be read. The rest of the batch can go on."""

    def __init__(self, location: str, problem: str, hint: str = "") -> None:
        self.location = location
        self.problem = problem
        self.hint = hint
        super().__init__(str(self))

    def __str__(self) -> str:
        msg = f"{self.location}: {self.problem}"
        return f"{msg} ({self.hint})" if self.hint else msg


class FetchError(InputError):
    """A URL could not be fetched (unreachable, too big, too slow, refused)."""


class ModelError(EndorsementsError):
    """The spaCy pipeline named in the settings cannot be loaded."""


class StoreError(EndorsementsError):
    """The database cannot be opened, migrated or written."""


class NotFoundError(EndorsementsError):
    """An entity, race or endorsement named on the command line is not in the ledger, or the
    name fits several and the user has to pick one by id."""
