"""The generic input layer: the parts every document shares (issuer, number, citations,
recipients, signer), the author's outline, and ``kind: document`` for any type of a
profile's type table. Domain models (``ttdn``: plan, report) build on these."""

from typing import TYPE_CHECKING

from ttdn_docs.exports import lazy_exports

if TYPE_CHECKING:
    from ttdn_docs.generic.document import AnnexInput, GenericDocument
    from ttdn_docs.generic.items import Item
    from ttdn_docs.generic.outline import OutlineNode, SectionNode
    from ttdn_docs.generic.parts import Basis, Citation, DocumentNumber, Issuer, Model, RecipientList, Signer

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        ".document": ("AnnexInput", "GenericDocument"),
        ".items": ("Item",),
        ".outline": ("OutlineNode", "SectionNode"),
        ".parts": ("Basis", "Citation", "DocumentNumber", "Issuer", "Model", "RecipientList", "Signer"),
    },
)

__all__ = [
    "AnnexInput",
    "Basis",
    "Citation",
    "DocumentNumber",
    "GenericDocument",
    "Issuer",
    "Item",
    "Model",
    "OutlineNode",
    "RecipientList",
    "SectionNode",
    "Signer",
]
