"""Errors of the ``units`` package."""

from __future__ import annotations

from ttdn_docs.errors import TtdnError


class UnitNotFoundError(TtdnError, LookupError):
    """No commune or province has the given code (or name, for a province filter).

    ``query`` holds what was asked for, as given.
    """

    def __init__(self, message: str, query: object) -> None:
        self.query = query
        super().__init__(message)
