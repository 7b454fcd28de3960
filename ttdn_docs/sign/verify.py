"""Check each digital signature of a PDF: who signed, when (+07:00), what it covers,
whether the file changed after it, whether it chains to the trusted roots, and whether its
visible image sits where Phụ lục I puts it."""

from __future__ import annotations

import datetime
import io
import json
import dataclasses
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from ttdn_docs.errors import TtdnError
from ttdn_docs.sign import quiet_pyhanko
from ttdn_docs.sign.places import Place, SignatureBlockNotFound, SignaturePlaces, find_places
from ttdn_docs.sign.rules import SigningRules, signing_rules
from ttdn_docs.sign.signing import SigningError, load_certificates, read_pdf, signature_fields

ROLE_WORDS = {
    "signer": "người có thẩm quyền ký", "body": "cơ quan (con dấu)",
    "attachment": "phụ lục, văn bản kèm theo", "copy": "bản sao điện tử", "": "không rõ vai trò",
}


@dataclass
class SignatureReport:
    index: int
    field: str
    role: str
    page: int | None  # 1-based; None for an invisible signature
    signer: str
    body: str
    issuer: str
    signing_time: str | None
    timestamp_time: str | None
    intact: bool
    valid: bool
    trusted: bool
    chain: list[str]
    coverage: str  # entire_file | entire_revision | partial
    changed_after: str  # none | signatures_only | form_filling | annotations | other
    placement_ok: bool | None
    placement: str
    problems: list[str] = dataclasses.field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class VerifyReport:
    source: str
    signatures: list[SignatureReport]
    trust_given: bool

    @property
    def ok(self) -> bool:
        return bool(self.signatures) and all(s.ok for s in self.signatures)

    def to_json(self) -> str:
        data = {
            "file": self.source, "ok": self.ok, "trust_roots_given": self.trust_given,
            "signatures": [asdict(s) | {"ok": s.ok} for s in self.signatures],
        }
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"

    def to_text(self) -> str:
        if not self.signatures:
            return f"{self.source}: không có chữ ký số nào."
        lines = [f"{self.source}: {len(self.signatures)} chữ ký số"]
        for s in self.signatures:
            where = f", trang {s.page}" if s.page else ", không hiển thị"
            lines.append(f"Chữ ký {s.index} — ô '{s.field}' ({ROLE_WORDS[s.role]}){where}")
            lines.append(f"  Người ký: {s.signer}" + (f" — {s.body}" if s.body and s.body != s.signer else ""))
            lines.append(f"  Chứng thư do: {s.issuer} cấp")
            lines.append(f"  Thời gian ký: {s.signing_time or 'không ghi'}"
                         + (f"; dấu thời gian: {s.timestamp_time}" if s.timestamp_time else ""))
            lines.append("  Toàn vẹn: " + ("chữ ký khớp với nội dung đã ký" if s.intact and s.valid
                                          else "KHÔNG khớp — nội dung đã bị sửa sau khi ký hoặc chữ ký hỏng"))
            lines.append("  Phạm vi: " + _COVERAGE_WORDS[s.coverage])
            lines.append("  Sau khi ký: " + _CHANGE_WORDS[s.changed_after])
            if s.trusted:
                lines.append("  Chứng thư: nối tới chứng thư gốc tin cậy (" + " → ".join(s.chain) + ")")
            else:
                lines.append("  Chứng thư: KHÔNG nối tới chứng thư gốc tin cậy nào"
                             + ("" if self.trust_given else " (hãy chỉ chứng thư gốc bằng --trust CA.pem)"))
            lines.append("  Vị trí hình ảnh: " + s.placement)
            lines.append("  Kết luận: " + ("hợp lệ" if s.ok else "KHÔNG hợp lệ — " + "; ".join(s.problems)))
        lines.append("Tất cả chữ ký hợp lệ." if self.ok else "Có chữ ký không hợp lệ.")
        return "\n".join(lines)


_COVERAGE_WORDS = {
    "entire_file": "toàn bộ tệp",
    "entire_revision": "toàn bộ văn bản lúc ký (phần thêm sau được xét ở dòng dưới)",
    "partial": "CHỈ MỘT PHẦN tệp",
}
_CHANGE_WORDS = {
    "none": "tệp không thay đổi",
    "signatures_only": "chỉ thêm chữ ký số khác hoặc thông tin kiểm tra chứng thư (được phép)",
    "form_filling": "chỉ điền ô ký, ô biểu mẫu (được phép)",
    "annotations": "có thêm ghi chú (annotation) vào văn bản",
    "other": "NỘI DUNG ĐÃ BỊ SỬA sau khi ký",
}


def verify_pdf(source: Path, *, trust: tuple[Path, ...] = (), rules: SigningRules | None = None) -> VerifyReport:
    from pyhanko.pdf_utils.reader import PdfFileReader

    rules = rules or signing_rules()
    data = read_pdf(source)
    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        embedded = list(reader.embedded_signatures)
        fields = {name: place for name, place, _ in signature_fields(reader)}
    except TtdnError:
        raise
    except Exception:
        raise SigningError(f"tệp PDF '{source}' bị hỏng hoặc không đọc được cấu trúc") from None
    try:
        places: SignaturePlaces | None = find_places(data, rules=rules)
    except SignatureBlockNotFound:
        places = None
    context = _context(trust)
    reports = []
    for index, signature in enumerate(embedded, start=1):
        reports.append(_report(index, signature, fields.get(signature.field_name), places, context, rules))
    return VerifyReport(str(source), reports, bool(trust))


def _context(trust: tuple[Path, ...]) -> Any:
    from pyhanko_certvalidator import ValidationContext

    if trust:
        return ValidationContext(trust_roots=load_certificates(trust), allow_fetching=False)
    # No roots given: none trusted (the machine's own list holds no Vietnamese root CA).
    return ValidationContext(trust_roots=[], allow_fetching=False)


def _report(
    index: int, signature: Any, place: Place | None, places: SignaturePlaces | None, context: Any,
    rules: SigningRules,
) -> SignatureReport:
    from pyhanko.sign.validation import validate_pdf_signature

    try:
        with quiet_pyhanko():
            status = validate_pdf_signature(signature, signer_validation_context=context)
    except Exception:
        return _broken(index, signature, place)
    cert = status.signing_cert
    role = _role(signature.field_name, place, places, rules)
    coverage = _coverage(status)
    changed = _changed(status)
    trusted = bool(status.trusted)
    chain = [_common_name(c.subject) for c in status.validation_path] if status.validation_path is not None else []
    placement_ok, placement = judge_placement(role, place, places, rules)
    problems = []
    if not (status.intact and status.valid):
        problems.append("chữ ký không khớp với nội dung (tệp đã bị sửa hoặc chữ ký hỏng)")
    if coverage == "partial":
        problems.append("chữ ký không phủ toàn bộ văn bản")
    if changed in ("annotations", "other"):
        problems.append("văn bản bị thay đổi sau khi ký")
    if not trusted:
        problems.append("chứng thư không nối tới chứng thư gốc tin cậy")
    if placement_ok is False:
        problems.append("hình ảnh chữ ký không đúng vị trí theo Phụ lục I")
    ts = status.timestamp_validity
    return SignatureReport(
        index=index, field=signature.field_name, role=role,
        page=place.page + 1 if place is not None and _visible(place) else None,
        signer=_common_name(cert.subject), body=_organisation(cert.subject), issuer=_common_name(cert.issuer),
        signing_time=_vn_time(status.signer_reported_dt, rules),
        timestamp_time=_vn_time(ts.timestamp, rules) if ts is not None else None,
        intact=bool(status.intact), valid=bool(status.valid), trusted=trusted, chain=chain,
        coverage=coverage, changed_after=changed, placement_ok=placement_ok, placement=placement,
        problems=problems,
    )


def _broken(index: int, signature: Any, place: Place | None) -> SignatureReport:
    return SignatureReport(
        index=index, field=signature.field_name, role="", page=place.page + 1 if place else None,
        signer="không đọc được", body="", issuer="không đọc được", signing_time=None, timestamp_time=None,
        intact=False, valid=False, trusted=False, chain=[], coverage="partial", changed_after="other",
        placement_ok=None, placement="không xét", problems=["chữ ký hỏng, không đọc được"],
    )


def _vn_time(moment: datetime.datetime | None, rules: SigningRules) -> str | None:
    if moment is None:
        return None
    return moment.astimezone(rules.timezone).replace(microsecond=0).isoformat()


def _common_name(name: Any) -> str:
    native = name.native
    return str(native.get("common_name") or name.human_friendly)


def _organisation(name: Any) -> str:
    return str(name.native.get("organization_name") or "")


def _coverage(status: Any) -> str:
    from pyhanko.sign.validation import SignatureCoverageLevel

    if status.coverage == SignatureCoverageLevel.ENTIRE_FILE:
        return "entire_file"
    if status.coverage == SignatureCoverageLevel.ENTIRE_REVISION:
        return "entire_revision"
    return "partial"


def _changed(status: Any) -> str:
    from pyhanko.sign.diff_analysis import ModificationLevel

    level = status.modification_level
    if status.coverage is not None and _coverage(status) == "entire_file":
        return "none"
    if level is None:
        return "other"
    return {
        ModificationLevel.NONE: "none", ModificationLevel.LTA_UPDATES: "signatures_only",
        ModificationLevel.FORM_FILLING: "form_filling", ModificationLevel.ANNOTATIONS: "annotations",
    }.get(level, "other")


def _visible(place: Place) -> bool:
    left, bottom, right, top = place.rect
    return right - left > 1 and top - bottom > 1


def _role(name: str, place: Place | None, places: SignaturePlaces | None, rules: SigningRules) -> str:
    by_name = {rules.signer_field: "signer", rules.body_field: "body",
               rules.attachment_field: "attachment", rules.copy_field: "copy"}
    if name in by_name:
        return by_name[name]
    # Another tool's field: judged by where it sits.
    if place is None or not _visible(place) or places is None:
        return ""
    if place.page == 0 and _overlap(place.rect, places.attachment.rect) > 0.3:
        return "attachment"
    if place.page == places.signer.page and _overlap(place.rect, places.signer.rect) > 0.3:
        return "signer"
    if place.page == places.body.page and _overlap(place.rect, places.body.rect) > 0.3:
        return "body"
    return ""


def _overlap(a: tuple[float, float, float, float], b: tuple[float, float, float, float]) -> float:
    """The share of ``a``'s area that lies inside ``b``."""
    width = max(0.0, min(a[2], b[2]) - max(a[0], b[0]))
    height = max(0.0, min(a[3], b[3]) - max(a[1], b[1]))
    area = (a[2] - a[0]) * (a[3] - a[1])
    return width * height / area if area > 0 else 0.0


def judge_placement(
    role: str, place: Place | None, places: SignaturePlaces | None, rules: SigningRules
) -> tuple[bool | None, str]:
    """(verdict, words): does the visible image sit where Phụ lục I puts it?"""
    if place is None or not _visible(place):
        if role in ("attachment", "copy"):
            return False, "không hiển thị; Phụ lục I cần dòng chữ ở góc trên bên phải trang đầu"
        return None, "chữ ký không hiển thị"
    left, bottom, right, top = place.rect
    if role in ("attachment", "copy"):
        expected = places.attachment.rect if places is not None else None
        ok = place.page == 0 and (expected is None or _overlap(place.rect, expected) > 0.3 or top > expected[1])
        return ok, ("góc trên bên phải trang đầu (đúng Phụ lục I)" if ok
                    else "không ở góc trên bên phải trang đầu như Phụ lục I quy định")
    if places is None:
        return None, "không tìm thấy khối chữ ký trong văn bản để so vị trí"
    signer = places.signer
    if role == "signer":
        middle_y, middle_x = (bottom + top) / 2, (left + right) / 2
        s_left, s_bottom, s_right, s_top = signer.rect
        ok = place.page == signer.page and s_bottom - 2 <= middle_y <= s_top + 2 and s_left <= middle_x <= s_right
        return ok, (f"giữa dòng chức vụ «{places.position_line}» và họ tên «{places.name_line}» (đúng Phụ lục I)"
                    if ok else f"không nằm giữa dòng chức vụ «{places.position_line}» và họ tên «{places.name_line}»")
    if role == "body":
        s_left, s_bottom, s_right, s_top = signer.rect
        share = (right - s_left) / (s_right - s_left)
        overlaps_vertically = bottom < s_top and top > s_bottom
        ok = (
            place.page == signer.page and overlaps_vertically and left < s_left
            and abs(share - rules.seal_overlap) <= rules.seal_overlap_tolerance
        )
        return ok, (f"con dấu trùm khoảng {share:.0%} bên trái chữ ký (đúng Phụ lục I: khoảng 1/3)" if ok
                    else f"con dấu trùm {share:.0%} bên trái chữ ký; Phụ lục I: khoảng 1/3")
    return None, "không rõ vai trò của ô ký để so vị trí"
