"""Document types (tên loại văn bản).

The abbreviation of a type differs between rule books (Quy định: ``QyĐ`` under ND 30,
``QĐ`` in Party documents), so abbreviations live in the profiles; here only the type's
identity and its Vietnamese name.
"""

from __future__ import annotations

from enum import Enum


class DocumentKind(str, Enum):
    """A document type, valued by a stable ASCII key used in data files and profiles."""

    KE_HOACH = "ke_hoach"
    BAO_CAO = "bao_cao"
    NGHI_QUYET = "nghi_quyet"
    QUYET_DINH = "quyet_dinh"
    QUY_DINH = "quy_dinh"
    QUY_CHE = "quy_che"
    HUONG_DAN = "huong_dan"
    THONG_BAO = "thong_bao"
    CHUONG_TRINH = "chuong_trinh"
    TO_TRINH = "to_trinh"
    KET_LUAN = "ket_luan"
    CONG_VAN = "cong_van"

    @property
    def display_name(self) -> str:
        """The name as printed in the title line, before upper-casing (``Kế hoạch``)."""
        return _NAMES[self]


_NAMES: dict[DocumentKind, str] = {
    DocumentKind.KE_HOACH: "Kế hoạch",
    DocumentKind.BAO_CAO: "Báo cáo",
    DocumentKind.NGHI_QUYET: "Nghị quyết",
    DocumentKind.QUYET_DINH: "Quyết định",
    DocumentKind.QUY_DINH: "Quy định",
    DocumentKind.QUY_CHE: "Quy chế",
    DocumentKind.HUONG_DAN: "Hướng dẫn",
    DocumentKind.THONG_BAO: "Thông báo",
    DocumentKind.CHUONG_TRINH: "Chương trình",
    DocumentKind.TO_TRINH: "Tờ trình",
    DocumentKind.KET_LUAN: "Kết luận",
    DocumentKind.CONG_VAN: "Công văn",
}


# The enums below are values the profiles speak of too; they live here, beside the
# document kinds, so that a profile is read without building the document models.


class Urgency(str, Enum):
    """Độ khẩn."""

    KHAN = "khan"
    THUONG_KHAN = "thuong_khan"
    HOA_TOC = "hoa_toc"


class Confidentiality(str, Enum):
    """Độ mật."""

    MAT = "mat"
    TOI_MAT = "toi_mat"
    TUYET_MAT = "tuyet_mat"


class SignatureAuthority(str, Enum):
    """How the signer signs, by meaning; the profile turns it into ``T/M``, ``TM.`` …"""

    HEAD = "head"  # the head signs in own right (no prefix)
    DEPUTY = "deputy"  # ký thay: K/T, KT.
    BY_ORDER = "by_order"  # thừa lệnh: T/L, TL.
    BY_AUTHORIZATION = "by_authorization"  # thừa ủy quyền: T/U, TUQ.
    ACTING = "acting"  # quyền: Q.
