"""Document types (tên loại văn bản).

A type's name, abbreviation (Quy định: ``QyĐ`` under ND 30, ``QĐ`` in Party documents)
and layout family live in the profiles' ``types:`` tables; here only the type's identity.
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
