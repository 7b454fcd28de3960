"""The fields every plan and report shares, from the elements the reader found: issuer,
number, place and date, year, trích yếu, Kính gửi, Nơi nhận, signature."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ttdn_docs.docxread.anatomy import Anatomy
from ttdn_docs.docxread.view import Para
from ttdn_docs.importer.fields import read_number, read_place_date, read_recipients, read_signature, running_case
from ttdn_docs.importer.notes import Notes
from ttdn_docs.profiles.model import Profile
from ttdn_docs.ttdn.todo import todo
from ttdn_docs.vn import nfc

_YEAR = re.compile(r"\bnăm (\d{4})\b")


def header_fields(
    anatomy: Anatomy, profile: Profile, known: str, notes: Notes, *, summary_lines: Sequence[Para] = (),
    summary_text: str | None = None,
) -> dict[str, Any]:
    """Header and footer fields as plain data; ``known`` is the body's running text, in
    which the names of the header are found with their case; ``summary_lines`` are the
    trích yếu's further lines, when it was typed over several; ``summary_text`` the
    trích yếu read elsewhere (a công văn's, under the number)."""
    data: dict[str, Any] = {"issuer": _issuer(anatomy, known, notes)}
    number = read_number(anatomy.number.text, profile) if anatomy.number is not None else None
    if number is None:
        notes.add(None, "không thấy dòng số, ký hiệu; chữ viết tắt cơ quan đã đánh dấu <<CẦN ĐIỀN>>")
        data["issuer"]["abbreviation"] = todo("viết tắt tên cơ quan")
    else:
        data["issuer"]["abbreviation"] = number.abbreviation
    data["number"] = number.number if number is not None else None
    place_date = read_place_date(anatomy.place_date.text) if anatomy.place_date is not None else None
    if place_date is None:
        notes.add(None, "không thấy dòng địa danh, ngày tháng; đã đánh dấu <<CẦN ĐIỀN>>")
        data["date"], data["place"] = None, todo("địa danh")
    else:
        data["date"], data["place"] = place_date.date, place_date.place or todo("địa danh")
    summary = summary_text or " ".join(nfc(p.text).strip() for p in [anatomy.summary, *summary_lines] if p is not None)
    data["summary"] = summary or todo("trích yếu nội dung")
    if not summary:
        notes.add(None, "không thấy trích yếu nội dung dưới tên loại văn bản; đã đánh dấu <<CẦN ĐIỀN>>")
    years = [int(y) for y in _YEAR.findall(summary)]
    date_year = place_date.date.year if place_date and place_date.date else (place_date.year if place_date else None)
    data["year"] = years[-1] if years else date_year
    data["addressees"] = _addressees(anatomy, profile)
    recipients = read_recipients([p.text for p in anatomy.recipients], profile)
    if not recipients.archive:
        notes.add(anatomy.recipients_label.number if anatomy.recipients_label else None,
                  "Nơi nhận không có dòng «Lưu …»; đã đánh dấu <<CẦN ĐIỀN>>")
        recipients.archive = [todo("nơi lưu")]
    data["recipients"] = {"items": recipients.items, "archive": recipients.archive}
    name = nfc(anatomy.signer_name.text).strip() if anatomy.signer_name is not None else ""
    signer = read_signature([(role, p.text) for role, p in anatomy.signature], name, profile)
    if not signer.name:
        notes.add(None, "không thấy họ tên người ký; đã đánh dấu <<CẦN ĐIỀN>>")
        signer.name = todo("họ và tên người ký")
    if not signer.position:
        signer.position = signer.head_title or signer.collective or todo("chức vụ người ký")
    data["signature"] = signer.as_data()
    return data


def _issuer(anatomy: Anatomy, known: str, notes: Notes) -> dict[str, Any]:
    superior = [running_case(p.text, known) for p in anatomy.superior if p.text.strip()]
    lines = [nfc(p.text).strip() for p in anatomy.issuer if p.text.strip()]
    if not lines:
        notes.add(None, "không thấy tên cơ quan ban hành ở đầu văn bản; đã đánh dấu <<CẦN ĐIỀN>>")
        return {"superior": superior, "name": todo("tên cơ quan ban hành")}
    # The name is found whole in the body (``Ủy ban nhân dân xã Thanh Miện``) and split
    # back into the header's lines.
    whole = running_case(" ".join(lines), known).split()
    names, at = [], 0
    for line in lines:
        count = len(line.split())
        names.append(" ".join(whole[at: at + count]))
        at += count
    data: dict[str, Any] = {"superior": superior, "name": names[0] if len(names) == 1 else names}
    if not superior:
        del data["superior"]
    return data


def _addressees(anatomy: Anatomy, profile: Profile) -> list[str]:
    label = profile.addressees.label.rstrip(":").strip()
    out: list[str] = []
    for para in anatomy.addressees:
        text = nfc(para.text).strip()
        if text.lower().startswith(label.lower()):
            text = text[len(label):].lstrip(" :")
        text = re.sub(r"^\s*[-–+•]\s*", "", text).rstrip(",;.").strip()
        if text:
            out.append(text)
    return out
