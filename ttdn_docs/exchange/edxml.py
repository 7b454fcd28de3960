"""An edXML message header (QCVN 102:2016/BTTTT) for one outgoing document.

Written: ``edXMLEnvelope`` › ``edXMLHeader`` › ``MessageHeader`` in the QCVN 102
namespace, holding ``From`` (OrganId when known, OrganizationInCharge, OrganName), one
``To`` per recipient (OrganName; their identifiers are the e-office system's), ``Code``
(CodeNumber, CodeNotation), ``PromulgationInfo`` (Place, PromulgationDate as ISO
``YYYY-MM-DD``), ``DocumentType`` (TypeName), ``Subject``, ``SignerInfo`` (Competence,
Position, FullName), ``ToPlaces`` (the Nơi nhận lines as printed) and ``OtherInfo``
(Priority, TyperNotation, PromulgationAmount, PageAmount). An element whose value is not
known is left out rather than written empty; ``OutgoingMetadata.missing`` names them. No
body, attachment or signature: the e-office system adds those when it sends.
"""

from __future__ import annotations

from lxml import etree

from ttdn_docs.exchange.metadata import OutgoingMetadata

EDXML_NS = "http://www.mic.gov.vn/TBT/QCVN_102_2016"
_E = f"{{{EDXML_NS}}}"
# OtherInfo/Priority: 0 thường, 1 khẩn, 2 thượng khẩn, 3 hỏa tốc (QCVN 102).
PRIORITY = {None: "0", "khan": "1", "thuong_khan": "2", "hoa_toc": "3"}


def edxml_header(meta: OutgoingMetadata, *, urgency_key: str | None = None, drafter: str | None = None) -> bytes:
    """The edXML envelope with its message header, UTF-8 with an XML declaration."""
    envelope = etree.Element(_E + "edXMLEnvelope", nsmap={"edXML": EDXML_NS})
    header = _sub(etree.SubElement(envelope, _E + "edXMLHeader"), "MessageHeader")
    sender = _sub(header, "From")
    _text(sender, "OrganId", meta.organ_id)
    _text(sender, "OrganizationInCharge", meta.superior)
    _text(sender, "OrganName", meta.issuer)
    for recipient in meta.recipients:
        _text(_sub(header, "To"), "OrganName", recipient.name)
    code = _sub(header, "Code")
    _text(code, "CodeNumber", meta.number)
    _text(code, "CodeNotation", meta.notation)
    promulgation = _sub(header, "PromulgationInfo")
    _text(promulgation, "Place", meta.place)
    _text(promulgation, "PromulgationDate", meta.date.isoformat() if meta.date else None)
    _text(_sub(header, "DocumentType"), "TypeName", meta.kind)
    _text(header, "Subject", meta.subject)
    signer = _sub(header, "SignerInfo")
    _text(signer, "Competence", meta.signer.competence)
    _text(signer, "Position", meta.signer.position)
    _text(signer, "FullName", meta.signer.full_name)
    places = _sub(header, "ToPlaces")
    for recipient in meta.recipients:
        _text(places, "Place", recipient.name + (f" ({recipient.purpose})" if recipient.purpose else ""))
    other = _sub(header, "OtherInfo")
    _text(other, "Priority", PRIORITY.get(urgency_key, "0"))
    _text(other, "TyperNotation", drafter)
    _text(other, "PromulgationAmount", str(meta.copies) if meta.copies else None)
    _text(other, "PageAmount", str(meta.pages) if meta.pages else None)
    return etree.tostring(envelope, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _sub(parent: etree._Element, name: str) -> etree._Element:
    return etree.SubElement(parent, _E + name)


def _text(parent: etree._Element, name: str, value: str | None) -> None:
    if value:
        _sub(parent, name).text = value
