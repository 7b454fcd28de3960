"""The register of document numbers (sổ đăng ký số văn bản).

    from ttdn_docs.register import NumberRegister, numbering_period
    register = NumberRegister("so-van-ban.sqlite")
    entry = register.reserve("Ủy ban nhân dân xã Thanh Miện", DocumentKind.KE_HOACH, "2026",
                             file="ke-hoach.docx", date=date(2026, 2, 9), summary="…")

The next number per issuer and document type within the profile's numbering period
(State: calendar year, ND 30; Party: the committee's term, its start kept in the
register), reserved atomically in an SQLite file; voided numbers are kept and never
given again. ``number: auto`` in a plan or report takes the next one at render time
(``ttdn_docs.register.auto``). The file is chosen by ``--register`` or ``TTDN_REGISTER``.
"""

from typing import TYPE_CHECKING

from ttdn_docs.exports import lazy_exports

if TYPE_CHECKING:
    from ttdn_docs.register.auto import REGISTER_ENV, NumberedDocument, numbered, open_register, register_path, wants_number
    from ttdn_docs.register.period import numbering_period
    from ttdn_docs.register.store import STATUS_WORDS, Entry, NumberRegister, RegisterError, issuer_key, period_label

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        ".auto": ("REGISTER_ENV", "NumberedDocument", "numbered", "open_register", "register_path", "wants_number"),
        ".period": ("numbering_period",),
        ".store": ("STATUS_WORDS", "Entry", "NumberRegister", "RegisterError", "issuer_key", "period_label"),
    },
)

__all__ = [
    "REGISTER_ENV",
    "STATUS_WORDS",
    "Entry",
    "NumberRegister",
    "NumberedDocument",
    "RegisterError",
    "issuer_key",
    "numbered",
    "numbering_period",
    "open_register",
    "period_label",
    "register_path",
    "wants_number",
]
