"""Document properties (docProps/core.xml, docProps/app.xml) taken from the document.

Word shows them under File › Info, LibreOffice carries them into the PDF's Info and XMP
(title, subject, author, keywords, language), and e-office systems read them on upload: a
file must not say it is «the template of profile …» created on the day the template was
built. The dates are the issue date (noon in Vietnam, so the day is the same in any time
zone a reader has); a draft with no date takes the time of rendering, or
``SOURCE_DATE_EPOCH`` when set (reproducible builds).
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass


from ttdn_docs.admin import AdminDocument
from ttdn_docs.profiles import Profile
from ttdn_docs.profiles.grammar import doc_symbol
from ttdn_docs.render.ooxml import escape

LANGUAGE = "vi-VN"
APPLICATION = "ttdn_docs"
_NOON_IN_VIETNAM_UTC = dt.time(5, 0, 0)  # 12:00 at UTC+7


@dataclass(frozen=True)
class DocumentProperties:
    title: str
    subject: str
    author: str
    keywords: str
    description: str
    created: dt.datetime  # UTC
    language: str = LANGUAGE

    @property
    def timestamp(self) -> str:
        return self.created.strftime("%Y-%m-%dT%H:%M:%SZ")


def document_properties(document: AdminDocument, profile: Profile, *, now: dt.datetime | None = None) -> DocumentProperties:
    """The properties of ``document`` as rendered under ``profile``."""
    kind = document.kind.display_name
    author = " ".join(document.issuer.lines)
    symbol = doc_symbol(profile, document.kind, document.number) if document.number.number is not None else ""
    date = document.place_date.date
    created = dt.datetime.combine(date, _NOON_IN_VIETNAM_UTC) if date is not None else _now(now)
    when = f"ngày {date.day:02d}/{date.month:02d}/{date.year}" if date is not None else "dự thảo, chưa có ngày"
    described = ", ".join(part for part in (f"{kind} số {symbol}" if symbol else kind, when, author) if part)
    return DocumentProperties(
        title=f"{kind} {document.summary}",
        subject=document.summary,
        author=author,
        keywords=symbol,
        description=described,
        created=created.replace(tzinfo=None),
    )


def _now(now: dt.datetime | None) -> dt.datetime:
    if now is not None:
        return now.astimezone(dt.timezone.utc).replace(microsecond=0)
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc)
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


def core_xml(props: DocumentProperties) -> bytes:
    """docProps/core.xml (Open Packaging Conventions core properties)."""
    stamp = props.timestamp
    xml = (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        f"<dc:title>{escape(props.title)}</dc:title>"
        f"<dc:subject>{escape(props.subject)}</dc:subject>"
        f"<dc:creator>{escape(props.author)}</dc:creator>"
        f"<cp:keywords>{escape(props.keywords)}</cp:keywords>"
        f"<dc:description>{escape(props.description)}</dc:description>"
        f"<dc:language>{escape(props.language)}</dc:language>"
        f"<cp:lastModifiedBy>{escape(props.author)}</cp:lastModifiedBy>"
        "<cp:revision>1</cp:revision>"
        f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
        f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
        "</cp:coreProperties>"
    )
    return xml.encode("utf-8")


def app_xml(props: DocumentProperties) -> bytes:
    """docProps/app.xml: the producing application and the issuing body; no page or word
    counts (Word recomputes them, and a stale count is worse than none)."""
    xml = (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        f"<Application>{APPLICATION}</Application>"
        "<DocSecurity>0</DocSecurity>"
        f"<Company>{escape(props.author)}</Company>"
        "<LinksUpToDate>false</LinksUpToDate>"
        "<SharedDoc>false</SharedDoc>"
        "<HyperlinksChanged>false</HyperlinksChanged>"
        "</Properties>"
    )
    return xml.encode("utf-8")
