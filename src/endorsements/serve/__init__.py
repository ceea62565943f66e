"""The serve stage: the ledger presented to people and programs (tables, exports; later HTTP)."""

from .export import EXPORT_COLUMNS, FIVETHIRTYEIGHT_COLUMNS, write_export
from .table import ledger_table

__all__ = ["EXPORT_COLUMNS", "FIVETHIRTYEIGHT_COLUMNS", "ledger_table", "write_export"]
