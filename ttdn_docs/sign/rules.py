"""The signing rules of Phụ lục I as data (``profiles/data/signing/nd30-2020.yaml``)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

_DATA = Path(__file__).resolve().parent.parent / "profiles" / "data" / "signing" / "nd30-2020.yaml"
PT_PER_MM = 72 / 25.4


@dataclass(frozen=True)
class SigningRules:
    signer_field: str
    signer_width_mm: float
    signer_gap_margin_mm: float
    signer_min_height_mm: float
    body_field: str
    seal_diameter_mm: float
    seal_overlap: float
    seal_overlap_tolerance: float
    attachment_field: str
    copy_field: str
    attachment_width_mm: float
    attachment_height_mm: float
    attachment_right_mm: float
    attachment_top_mm: float
    attachment_font_size: float
    attachment_fonts: tuple[str, ...]
    time_format: str
    utc_offset_hours: int

    @property
    def timezone(self) -> datetime.timezone:
        return datetime.timezone(datetime.timedelta(hours=self.utc_offset_hours))

    def field_for(self, role: str) -> str:
        return {
            "signer": self.signer_field, "body": self.body_field,
            "attachment": self.attachment_field, "copy": self.copy_field,
        }[role]


@lru_cache(maxsize=1)
def signing_rules() -> SigningRules:
    data: dict[str, Any] = yaml.safe_load(_DATA.read_text(encoding="utf-8"))
    signer, body, attachment = data["signer"], data["body"], data["attachment"]
    return SigningRules(
        signer_field=signer["field_name"],
        signer_width_mm=float(signer["width_mm"]),
        signer_gap_margin_mm=float(signer["gap_margin_mm"]),
        signer_min_height_mm=float(signer["min_height_mm"]),
        body_field=body["field_name"],
        seal_diameter_mm=float(body["seal_diameter_mm"]),
        seal_overlap=float(body["overlap_of_signer"]),
        seal_overlap_tolerance=float(body["overlap_tolerance"]),
        attachment_field=attachment["field_name"],
        copy_field=attachment["copy_field_name"],
        attachment_width_mm=float(attachment["width_mm"]),
        attachment_height_mm=float(attachment["height_mm"]),
        attachment_right_mm=float(attachment["right_mm"]),
        attachment_top_mm=float(attachment["top_mm"]),
        attachment_font_size=float(attachment["font_size_pt"]),
        attachment_fonts=tuple(attachment["font_families"]),
        time_format=attachment["time_format"],
        utc_offset_hours=int(data["utc_offset_hours"]),
    )
