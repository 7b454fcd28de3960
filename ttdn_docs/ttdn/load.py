"""Load domain documents from YAML/JSON files or plain data."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ttdn_docs.datafile import load_model, validate
from ttdn_docs.ttdn.plan import ForeignInfoPlan
from ttdn_docs.ttdn.report import ForeignInfoReport


def load_plan(source: str | Path | dict[str, Any]) -> ForeignInfoPlan:
    """A plan from a ``.yaml``/``.yml``/``.json`` path or from already-parsed data."""
    if isinstance(source, dict):
        return validate(ForeignInfoPlan, source, "dữ liệu kế hoạch")
    return load_model(ForeignInfoPlan, Path(source))


def load_report(source: str | Path | dict[str, Any]) -> ForeignInfoReport:
    """A report from a ``.yaml``/``.yml``/``.json`` path or from already-parsed data."""
    if isinstance(source, dict):
        return validate(ForeignInfoReport, source, "dữ liệu báo cáo")
    return load_model(ForeignInfoReport, Path(source))
