"""Empty, named signature fields at the NĐ 30 places, for the e-office system's tools."""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ttdn_docs.sign.places import Place, SignaturePlaces, attachment_places, find_places
from ttdn_docs.sign.signing import SigningError, read_pdf

Purpose = Literal["document", "attachment", "copy"]


@dataclass(frozen=True)
class Prepared:
    output: Path
    places_json: Path
    fields: tuple[Place, ...]


def prepare_pdf(
    source: Path, output: Path, *, purpose: Purpose = "document", name: str | None = None,
    places_json: Path | None = None, overwrite: bool = False,
) -> Prepared:
    """Write ``output`` (``source`` with the empty fields added as an incremental update)
    and ``places_json`` (default: ``output`` with the suffix ``.json``)."""
    from ttdn_docs.render import check_writable, write_bytes_atomic

    data = read_pdf(source)
    json_path = places_json if places_json is not None else output.with_suffix(".json")
    check_writable(output, overwrite=overwrite)
    check_writable(json_path, overwrite=overwrite)
    if purpose == "document":
        places = find_places(data, name=name)
        fields: tuple[Place, ...] = (places.signer, places.body)
        text = places.to_json()
    else:
        attachment, copy = attachment_places(data)
        fields = (attachment if purpose == "attachment" else copy,)
        text = SignaturePlaces.json_of({purpose: fields[0]})
    write_bytes_atomic(output, add_fields(data, fields), overwrite=overwrite)
    write_bytes_atomic(json_path, text.encode("utf-8"), overwrite=overwrite)
    return Prepared(output, json_path, fields)


def add_fields(data: bytes, fields: tuple[Place, ...]) -> bytes:
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign.fields import SigFieldSpec, append_signature_field

    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
        for place in fields:
            append_signature_field(writer, SigFieldSpec(sig_field_name=place.field, on_page=place.page, box=place.int_rect))
        out = io.BytesIO()
        writer.write(out)  # type: ignore[no-untyped-call]
    except Exception as exc:
        if "already exists" in str(exc) or "exist" in str(exc):
            raise SigningError("tệp PDF đã có ô ký cùng tên; tệp này đã được chuẩn bị để ký") from None
        raise SigningError("không thêm được ô ký vào tệp PDF (tệp hỏng hoặc đã khóa)") from None
    return out.getvalue()
