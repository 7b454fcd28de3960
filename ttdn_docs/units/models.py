"""The two value models: ``Province`` (cấp tỉnh) and ``Commune`` (cấp xã).

Names are stored without the type word and exactly as officially spelt (``Hoà An`` keeps
its old-style tone placement); the type word is added by ``full_name``.
"""

from __future__ import annotations

from typing import Final, Literal

from pydantic import BaseModel, ConfigDict, Field, computed_field

CommuneType = Literal["xa", "phuong", "dac_khu"]
ProvinceType = Literal["tinh", "thanh_pho"]

#: The type word as written inside a sentence or a header line (lower case).
COMMUNE_TYPE_LABELS: Final[dict[str, str]] = {
    "xa": "xã",
    "phuong": "phường",
    "dac_khu": "đặc khu",
}
PROVINCE_TYPE_LABELS: Final[dict[str, str]] = {
    "tinh": "tỉnh",
    "thanh_pho": "thành phố",
}


class Province(BaseModel):
    """A provincial-level unit: one of the 28 tỉnh or 6 thành phố trực thuộc Trung ương."""

    model_config = ConfigDict(frozen=True)

    code: str = Field(pattern=r"^[0-9]{2}$", description="Official 2-digit code, e.g. '31'.")
    name: str = Field(min_length=1, description="Name without the type word, e.g. 'Hải Phòng'.")
    type: ProvinceType

    @computed_field  # type: ignore[prop-decorator]
    @property
    def full_name(self) -> str:
        """``thành phố Hải Phòng``, ``tỉnh Cao Bằng``."""
        return f"{PROVINCE_TYPE_LABELS[self.type]} {self.name}"


class Commune(BaseModel):
    """A commune-level unit after 1/7/2025: a xã, phường or đặc khu."""

    model_config = ConfigDict(frozen=True)

    code: str = Field(pattern=r"^[0-9]{5}$", description="Official 5-digit code, e.g. '11239'.")
    name: str = Field(min_length=1, description="Name without the type word, e.g. 'Thanh Miện'.")
    type: CommuneType
    province: Province

    @computed_field  # type: ignore[prop-decorator]
    @property
    def full_name(self) -> str:
        """``xã Thanh Miện``, ``phường Ba Đình``, ``đặc khu Cát Hải``."""
        return f"{COMMUNE_TYPE_LABELS[self.type]} {self.name}"
