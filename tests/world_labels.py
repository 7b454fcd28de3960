"""A reviewer's labels on a file made outside this project (``labels.yaml`` beside it, the
format of ``../shared/world/``) and the judgement of a check against them.

``findings``: rules the checker reported, each with a verdict — TRUE (a real violation: it
must be reported, error or warning), FALSE (the file is right: it must not be an error),
DEBATABLE (the rule book's text does not settle it: either way). ``match`` narrows a label
to the findings whose text matches it. ``missed``: real violations, each caught when a
finding under one of ``detect.rules`` (whose text, found value or message holds ``match``)
is reported. Every error must be a TRUE or DEBATABLE label: none false."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from ttdn_docs.check import CheckResult
from ttdn_docs.check.findings import Finding

WORLD = Path(__file__).parent / "world"


def labelled_files() -> list[Path]:
    """Every .docx under ``tests/world/`` with a ``labels.yaml`` beside it."""
    return sorted(p for p in WORLD.rglob("*.docx") if (p.parent / "labels.yaml").is_file() and "resaved" not in p.parts)


def labels_of(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((path.parent / "labels.yaml").read_text(encoding="utf-8"))
    return data


def _matches(finding: Finding, label: dict[str, Any]) -> bool:
    if finding.rule != label["rule"]:
        return False
    pattern = label.get("match")
    return pattern is None or re.search(pattern, finding.location.text) is not None


def problems(result: CheckResult, labels: dict[str, Any], *, compliant_only: bool = False) -> list[str]:
    """What the check got wrong against the labels (empty: it agrees). ``compliant_only``:
    judge only that no error is false (a re-save of a file labelled compliant)."""
    out: list[str] = []
    entries: list[dict[str, Any]] = labels.get("findings") or []
    allowed = [e for e in entries if e["verdict"] in ("TRUE", "DEBATABLE")]
    for error in result.errors:
        if not any(_matches(error, e) for e in allowed) and not any(_catches(error, m) for m in labels.get("missed") or []):
            out.append(f"false error: {error.describe()}")
    if compliant_only:
        return out
    for entry in entries:
        if entry["verdict"] == "TRUE" and not any(_matches(f, entry) for f in result.findings):
            out.append(f"not reported: {entry['rule']} ({entry.get('why', '')})")
    for miss in labels.get("missed") or []:
        if not any(_catches(f, miss) for f in result.findings):
            out.append(f"missed: {miss['what']}")
    return out


def _catches(finding: Finding, miss: dict[str, Any]) -> bool:
    detect = miss["detect"]
    shown = f"{finding.location.text} {finding.found} {finding.message}"
    return finding.rule in detect["rules"] and detect.get("match", "") in shown


def is_compliant(labels: dict[str, Any]) -> bool:
    return not labels.get("missed") and not any(e["verdict"] == "TRUE" for e in labels.get("findings") or [])
