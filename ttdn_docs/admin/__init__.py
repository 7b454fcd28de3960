"""The generic anatomy (thể thức) of a Vietnamese administrative document.

These models say *what* a document contains; a profile (``ttdn_docs.profiles``) says how
it looks. Nothing here knows about docx.
"""

from typing import TYPE_CHECKING

from ttdn_docs.exports import lazy_exports

if TYPE_CHECKING:
    from ttdn_docs.admin.body import Block, BulletItem, BulletList, Paragraph, Section, Table, TableColumn
    from ttdn_docs.admin.document import AdminDocument, Annex, Marks
    from ttdn_docs.admin.kinds import DocumentKind, SignatureAuthority
    from ttdn_docs.admin.parts import (
        Authority,
        DocNumber,
        PlaceDate,
        Recipient,
        Recipients,
        Signature,
    )

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        ".body": ("Block", "BulletItem", "BulletList", "Paragraph", "Section", "Table", "TableColumn"),
        ".document": ("AdminDocument", "Annex", "Marks"),
        ".kinds": ("DocumentKind", "SignatureAuthority"),
        ".parts": (
            "Authority",
            "DocNumber",
            "PlaceDate",
            "Recipient",
            "Recipients",
            "Signature",
        ),
    },
)

__all__ = [
    "AdminDocument",
    "Annex",
    "Authority",
    "Block",
    "BulletItem",
    "BulletList",
    "DocNumber",
    "DocumentKind",
    "Marks",
    "Paragraph",
    "PlaceDate",
    "Recipient",
    "Recipients",
    "Section",
    "Signature",
    "SignatureAuthority",
    "Table",
    "TableColumn",
]
