"""Sign a PDF as Phụ lục I draws it: the signer, then the body, or an attachment / copy.

PAdES baseline signatures through pyHanko: B-B (the signature alone), B-T (with a time
stamp from a server the user names) and B-LT (also the certificates and revocation data
needed to check it later). Each signature is an incremental update, so the signer's stays
valid when the body signs after it. The body's signature is refused until the signer has
signed (Điều 32).
"""

from __future__ import annotations

import datetime
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from ttdn_docs.errors import TtdnError
from ttdn_docs.sign.images import image_notes
from ttdn_docs.sign.keys import KeySource, open_signer
from ttdn_docs.sign.places import Place, attachment_places, find_places
from ttdn_docs.sign.rules import PT_PER_MM, SigningRules, signing_rules

Role = Literal["signer", "body", "attachment", "copy"]
Level = Literal["B-B", "B-T", "B-LT"]
ROLES: tuple[Role, ...] = ("signer", "body", "attachment", "copy")
LEVELS: tuple[Level, ...] = ("B-B", "B-T", "B-LT")


class SigningError(TtdnError):
    pass


@dataclass(frozen=True)
class SignRequest:
    role: Role
    key: KeySource
    image: Path | None = None  # the signer's signature or the seal, transparent PNG
    label: str | None = None  # attachment / copy: number and symbol, or form of copy and copier
    level: Level = "B-B"
    tsa_url: str | None = None
    trust: tuple[Path, ...] = ()
    name: str | None = None  # the signer's printed name, to pick the signature block


@dataclass(frozen=True)
class SignResult:
    output: Path
    field: str
    page: int  # 0-based
    rect: tuple[float, float, float, float]
    signing_time: datetime.datetime
    notes: tuple[str, ...] = ()  # what in the images departs from Phụ lục I


def sign_pdf(source: Path, output: Path, request: SignRequest, pin: str, *, overwrite: bool = False) -> SignResult:
    """Sign ``source`` into ``output`` (written atomically; ``source`` is left as it is)."""
    from ttdn_docs.render import write_bytes_atomic

    rules = signing_rules()
    data = read_pdf(source)
    _check_request(request)
    state = _signature_state(data, rules)
    if request.role == "body" and not state.signer_signed:
        raise SigningError(
            "văn bản chưa có chữ ký số của người có thẩm quyền: cơ quan chỉ ký số (đóng dấu) sau khi "
            "người có thẩm quyền đã ký (Nghị định 30/2020, Điều 32); hãy ký với --as signer trước"
        )
    field = rules.field_for(request.role)
    if field in state.signed_fields:
        raise SigningError(f"ô ký '{field}' đã có chữ ký; văn bản này đã được ký với vai trò này")
    place = state.empty_fields.get(field) or _new_place(data, request, rules, state)
    stamp = _stamp_style(request, rules)
    notes = tuple(image_notes(request.image, request.role)) if request.image is not None else ()
    signed, when = _sign_bytes(data, request, pin, place, stamp, new_field=field not in state.empty_fields)
    write_bytes_atomic(output, signed, overwrite=overwrite)
    return SignResult(output, field, place.page, place.rect, when, notes)


def read_pdf(source: Path) -> bytes:
    try:
        data = source.read_bytes()
    except OSError:
        raise SigningError(f"không đọc được tệp '{source}'") from None
    if not data.startswith(b"%PDF-"):
        raise SigningError(f"'{source}' không phải tệp PDF")
    return data


def _check_request(request: SignRequest) -> None:
    if request.role in ("signer", "body") and request.image is None:
        what = "chữ ký (màu xanh)" if request.role == "signer" else "con dấu (màu đỏ)"
        raise SigningError(f"cần --image: hình ảnh {what}, tệp PNG nền trong suốt")
    if request.role in ("attachment", "copy") and not request.label:
        what = "số, ký hiệu văn bản" if request.role == "attachment" else "hình thức sao, tên cơ quan sao"
        raise SigningError(f"cần --label: {what} ghi ở góc trên bên phải trang đầu")
    if request.image is not None and not request.image.is_file():
        raise SigningError(f"không có tệp hình ảnh '{request.image}'")
    if request.level != "B-B" and not request.tsa_url:
        raise SigningError(f"mức {request.level} cần máy chủ cấp dấu thời gian: --tsa URL")


@dataclass(frozen=True)
class _State:
    signed_fields: dict[str, Place]
    empty_fields: dict[str, Place]
    signatures: int

    @property
    def signer_signed(self) -> bool:
        rules = signing_rules()
        others = set(self.signed_fields) - {rules.body_field, rules.attachment_field, rules.copy_field}
        return bool(others) and rules.signer_field not in self.empty_fields


def _signature_state(data: bytes, rules: SigningRules) -> _State:
    """Every signature field of the file: which are signed, which wait, and where."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    try:
        reader = PdfFileReader(io.BytesIO(data), strict=False)
        fields = list(signature_fields(reader))
    except Exception:
        raise SigningError("tệp PDF bị hỏng hoặc không đọc được cấu trúc") from None
    signed = {name: place for name, place, value in fields if value}
    empty = {name: place for name, place, value in fields if not value}
    return _State(signed, empty, len(signed))


def signature_fields(reader: Any) -> Any:
    """(name, place, signed?) of each signature field; the page is the one whose /Annots
    holds the field's widget (pyHanko and other tools do not always set /P)."""
    from pyhanko.sign.fields import enumerate_sig_fields

    page_of: dict[int, int] = {}
    for index in range(int(reader.root["/Pages"]["/Count"])):
        page_ref, _ = reader.find_page_for_modification(index)
        annots = page_ref.get_object().get("/Annots", ())
        for annot in annots.get_object() if hasattr(annots, "get_object") else annots:
            if hasattr(annot, "idnum"):
                page_of[annot.idnum] = index
    for name, value, ref in enumerate_sig_fields(reader, filled_status=None):
        field = ref.get_object()
        rect = tuple(float(v) for v in field.get("/Rect", (0, 0, 0, 0)))
        kids = field.get("/Kids", ())
        widget_ids = [ref.idnum] + [getattr(k, "idnum", -1) for k in kids]
        page = next((page_of[i] for i in widget_ids if i in page_of), 0)
        yield name, Place(name, page, (rect[0], rect[1], rect[2], rect[3])), value is not None


def _new_place(data: bytes, request: SignRequest, rules: SigningRules, state: _State) -> Place:
    if request.role in ("attachment", "copy"):
        attachment, copy = attachment_places(data, rules)
        return attachment if request.role == "attachment" else copy
    places = find_places(data, name=request.name, rules=rules)
    if request.role == "signer":
        return places.signer
    signer = state.signed_fields.get(rules.signer_field)
    if signer is None:
        return places.body
    return _seal_beside(signer, request.image, rules)


def _seal_beside(signer: Place, image: Path | None, rules: SigningRules) -> Place:
    """The seal at its real size (from the PNG's resolution when it has one), its right
    edge a third of the way into the signer's image, centred on it."""
    diameter = rules.seal_diameter_mm * PT_PER_MM
    width = height = diameter
    if image is not None:
        size = _real_size_pt(image)
        if size is not None:
            width, height = size
    left, bottom, right, top = signer.rect
    seal_right = left + (right - left) * rules.seal_overlap
    middle = (bottom + top) / 2
    return Place(rules.body_field, signer.page, (seal_right - width, middle - height / 2, seal_right, middle + height / 2))


def _real_size_pt(image: Path) -> tuple[float, float] | None:
    from PIL import Image

    with Image.open(image) as picture:
        dpi = picture.info.get("dpi")
        if not dpi or not dpi[0] or float(dpi[0]) < 30:  # 1 or 0: no real resolution recorded
            return None
        return picture.width / float(dpi[0]) * 72, picture.height / float(dpi[1] or dpi[0]) * 72


def _stamp_style(request: SignRequest, rules: SigningRules) -> Any:
    from pyhanko.pdf_utils import layout
    from pyhanko.pdf_utils.images import PdfImage
    from pyhanko.pdf_utils.text import TextBoxStyle
    from pyhanko.stamp import StaticStampStyle, TextStampStyle

    if request.role in ("signer", "body"):
        assert request.image is not None
        return StaticStampStyle(
            background=PdfImage(str(request.image)),
            background_opacity=1.0,
            border_width=0,
            background_layout=layout.SimpleBoxLayoutRule(
                x_align=layout.AxisAlignment.ALIGN_MID, y_align=layout.AxisAlignment.ALIGN_MID,
                margins=layout.Margins.uniform(0),  # type: ignore[no-untyped-call]
            ),
        )
    from pyhanko.pdf_utils.font.opentype import GlyphAccumulatorFactory

    from ttdn_docs.sign.fonts import find_font, font_at_1000_upem

    font = font_at_1000_upem(find_font(rules.attachment_fonts, (request.label or "") + "0123456789-:+T"))
    size = rules.attachment_font_size
    return TextStampStyle(
        stamp_text="%(label)s\n%(ts)s",
        timestamp_format=rules.time_format,
        text_box_style=TextBoxStyle(font=GlyphAccumulatorFactory(str(font), font_size=int(size)), font_size=int(size)),
        border_width=0,
        inner_content_layout=layout.SimpleBoxLayoutRule(
            x_align=layout.AxisAlignment.ALIGN_MAX, y_align=layout.AxisAlignment.ALIGN_MAX,
            margins=layout.Margins.uniform(0),  # type: ignore[no-untyped-call]
            inner_content_scaling=layout.InnerScaling.NO_SCALING,
        ),
    )


def _sign_bytes(
    data: bytes, request: SignRequest, pin: str, place: Place, stamp: Any, *, new_field: bool
) -> tuple[bytes, datetime.datetime]:
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers, timestamps

    rules = signing_rules()
    field = rules.field_for(request.role)
    writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
    meta = signers.PdfSignatureMetadata(
        field_name=field,
        subfilter=fields.SigSeedSubFilter.PADES,
        md_algorithm="sha256",
        embed_validation_info=request.level == "B-LT",
        validation_context=_validation_context(request.trust) if request.level == "B-LT" else None,
        use_pades_lta=False,
    )
    timestamper = timestamps.HTTPTimeStamper(request.tsa_url) if request.tsa_url else None
    spec = fields.SigFieldSpec(sig_field_name=field, on_page=place.page, box=place.int_rect) if new_field else None
    out = io.BytesIO()
    with open_signer(request.key, pin) as signer:
        pdf_signer = _vietnam_time_signer(meta, signer, timestamper=timestamper, stamp_style=stamp, new_field_spec=spec)
        try:
            pdf_signer.sign_pdf(writer, output=out, appearance_text_params={"label": request.label or ""})
        except TtdnError:
            raise
        except Exception as exc:
            raise SigningError(_signing_failure(exc, request)) from None
    return out.getvalue(), pdf_signer.signed_at


def _signing_failure(exc: Exception, request: SignRequest) -> str:
    text = str(exc)
    if request.tsa_url and ("timestamp" in text.lower() or "tsa" in text.lower() or "connect" in text.lower()):
        return f"không lấy được dấu thời gian từ {request.tsa_url}: kiểm tra địa chỉ máy chủ và kết nối mạng"
    if request.level == "B-LT":
        return "không thu được thông tin kiểm tra chứng thư (B-LT): kiểm tra --trust và kết nối tới máy chủ CRL/OCSP"
    return "không ký được văn bản bằng khóa đã chọn: kiểm tra chứng thư số còn hiệu lực và khóa đúng với chứng thư"


def _validation_context(trust: tuple[Path, ...]) -> Any:
    from pyhanko_certvalidator import ValidationContext

    return ValidationContext(trust_roots=load_certificates(trust), allow_fetching=True)


def load_certificates(paths: tuple[Path, ...]) -> list[Any]:
    """Certificates from PEM or DER files (``--trust``)."""
    from pyhanko.keys import load_certs_from_pemder

    try:
        return list(load_certs_from_pemder([str(p) for p in paths]))  # type: ignore[no-untyped-call]
    except Exception:
        raise SigningError(
            "không đọc được chứng thư gốc trong " + ", ".join(f"'{p}'" for p in paths) + " (cần tệp .pem hoặc .cer)"
        ) from None


def _vietnam_time_signer(*args: Any, **kwargs: Any) -> Any:
    """pyHanko's PdfSigner whose signing time (in the signature and in the visible text)
    is Vietnam's clock, +07:00, whole seconds, so the two cannot differ."""
    from pyhanko.sign.signers import PdfSigner

    class _Signer(PdfSigner):
        signed_at: datetime.datetime

        def init_signing_session(self, pdf_out: Any, existing_fields_only: bool = False) -> Any:
            session = super().init_signing_session(pdf_out, existing_fields_only=existing_fields_only)
            session.system_time = session.system_time.astimezone(signing_rules().timezone).replace(microsecond=0)
            self.signed_at = session.system_time
            return session

    return _Signer(*args, **kwargs)
