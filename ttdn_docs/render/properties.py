"""Document properties (docProps/core.xml, docProps/app.xml) taken from the document.

Word shows them under File › Info, LibreOffice carries them into the PDF's Info and XMP
(title, subject, author, keywords, language), and e-office systems read them on upload: a
file must not say it is «the template of profile …» created on the day the template was
built. The dates are the issue date (noon in Vietnam, so the day is the same in any time
zone a reader has); a draft with no date takes the day it is rendered on (in Vietnam, at
noon likewise: rendering the same data twice on one day gives the same bytes), or the day
of ``SOURCE_DATE_EPOCH`` when set (reproducible builds).
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass


from ttdn_docs.admin import AdminDocument
from ttdn_docs.profiles import Profile
from ttdn_docs.profiles.grammar import doc_symbol
from ttdn_docs.profiles.marker import profile_marker
from ttdn_docs.render.ooxml import escape

LANGUAGE = "vi-VN"
APPLICATION = "ttdn_docs"
_NOON_IN_VIETNAM_UTC = dt.time(5, 0, 0)  # 12:00 at UTC+7
_VIETNAM = dt.timezone(dt.timedelta(hours=7))


@dataclass(frozen=True)
class DocumentProperties:
    title: str
    subject: str
    author: str
    keywords: str
    description: str
    created: dt.datetime  # UTC, naive
    # The rule book, in the words ``docxread`` finds (``profiles.marker``).
    template: str = ""
    language: str = LANGUAGE

    @property
    def timestamp(self) -> str:
        return self.created.strftime("%Y-%m-%dT%H:%M:%SZ")


def document_properties(document: AdminDocument, profile: Profile, *, now: dt.datetime | None = None) -> DocumentProperties:
    """The properties of ``document`` as rendered under ``profile``."""
    kind = profile.type_name(document.kind)
    author = " ".join(document.issuer.lines)
    symbol = doc_symbol(profile, document.kind, document.number) if document.number.number is not None else ""
    date = document.place_date.date
    day = date if date is not None else _today_in_vietnam(now)
    created = dt.datetime.combine(day, _NOON_IN_VIETNAM_UTC)
    when = f"ngày {date.day:02d}/{date.month:02d}/{date.year}" if date is not None else "dự thảo, chưa có ngày"
    described = ", ".join(part for part in (f"{kind} số {symbol}" if symbol else kind, when, author) if part)
    return DocumentProperties(
        title=f"{kind} {document.summary}",
        subject=document.summary,
        author=author,
        keywords=symbol,
        description=described,
        created=created,
        template=profile_marker(profile.id),
    )


def _today_in_vietnam(now: dt.datetime | None) -> dt.date:
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if now is None and epoch.isdigit():
        now = dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc)
    moment = now if now is not None else dt.datetime.now(dt.timezone.utc)
    return moment.astimezone(_VIETNAM).date()


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
        + (f"<Template>{escape(props.template)}</Template>" if props.template else "")
        + f"<Application>{APPLICATION}</Application>"
        "<DocSecurity>0</DocSecurity>"
        f"<Company>{escape(props.author)}</Company>"
        "<LinksUpToDate>false</LinksUpToDate>"
        "<SharedDoc>false</SharedDoc>"
        "<HyperlinksChanged>false</HyperlinksChanged>"
        "</Properties>"
    )
    return xml.encode("utf-8")
