"""The serve stage: the ledger presented to people and programs: terminal tables, exports, and
the web server (`app.create_app`, imported on demand so the CLI starts without FastAPI)."""

from .export import EXPORT_COLUMNS, FIVETHIRTYEIGHT_COLUMNS, write_export
from .table import ledger_table

__all__ = ["EXPORT_COLUMNS", "FIVETHIRTYEIGHT_COLUMNS", "ledger_table", "write_export"]
