"""Metadata for exchange: the outgoing-document fields of Nghị định 30/2020 Phụ lục VI
(``outgoing_metadata``) and an edXML message header in the structure of QCVN
102:2016/BTTTT (``edxml_header``). Nothing is sent anywhere: the output is a file an
officer (or the e-office system's import) reads. See docs/electronic.md."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ttdn_docs.exports import lazy_exports

if TYPE_CHECKING:
    from ttdn_docs.exchange.edxml import EDXML_NS, edxml_header
    from ttdn_docs.exchange.metadata import OutgoingMetadata, outgoing_metadata, split_code

__getattr__, __dir__ = lazy_exports(
    __name__,
    {".edxml": ("EDXML_NS", "edxml_header"), ".metadata": ("OutgoingMetadata", "outgoing_metadata", "split_code")},
)

__all__ = ["EDXML_NS", "OutgoingMetadata", "edxml_header", "outgoing_metadata", "split_code"]
