"""``ttdn-docs metadata``: the exchange metadata of a plan or report, as JSON or edXML.

    ttdn-docs metadata ke-hoach.yaml --format json
    ttdn-docs metadata ke-hoach.docx --format edxml --organ-id 000.00.31.H26 -o ke-hoach.edxml
    ttdn-docs metadata --schema            # the JSON Schema of the JSON form
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from ttdn_docs.errors import FieldProblem, InputError

_SUFFIXES_DATA = {".yaml", ".yml", ".json"}
_SUFFIXES_WORD = {".docx", ".doc", ".odt"}


def add_metadata_command(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    metadata = commands.add_parser(
        "metadata", help="thông tin văn bản đi (NĐ 30 Phụ lục VI) dạng JSON hoặc edXML (QCVN 102:2016)"
    )
    metadata.add_argument("input", type=Path, nargs="?", metavar="TỆP", help="tệp dữ liệu (.yaml, .json) hoặc tệp Word (.docx)")
    metadata.add_argument("--format", choices=["json", "edxml"], default="json", help="dạng kết quả (mặc định: json)")
    metadata.add_argument("-o", "--output", type=Path, help="tệp kết quả (mặc định: in ra màn hình)")
    metadata.add_argument("--organ-id", help="mã định danh của cơ quan ban hành (13 ký tự, ví dụ 000.00.31.H26)")
    metadata.add_argument("--pdf", type=Path, help="bản PDF để đếm số trang (mặc định: tệp .pdf cùng tên, nếu có)")
    metadata.add_argument("--profile", help="hồ sơ thể thức: party, state, mã hồ sơ hoặc đường dẫn tệp")
    metadata.add_argument("--force", action="store_true", help="ghi đè tệp kết quả nếu đã có")
    metadata.add_argument("--schema", action="store_true", help="in JSON Schema của dạng JSON rồi thoát")
    metadata.set_defaults(handler=run_metadata)


def run_metadata(args: argparse.Namespace) -> int:
    from ttdn_docs.exchange.metadata import OutgoingMetadata

    if args.schema:
        print(json.dumps(OutgoingMetadata.model_json_schema(), ensure_ascii=False, indent=2))
        return 0
    if args.input is None:
        raise InputError("dòng lệnh", [FieldProblem("input", "cần tệp dữ liệu (.yaml, .json) hoặc tệp Word (.docx)")])
    data = metadata_bytes(args.input, args.format, organ_id=args.organ_id, pdf=args.pdf, profile=args.profile)
    if args.output is None:
        sys.stdout.write(data.decode("utf-8"))
        return 0
    from ttdn_docs.render import write_bytes_atomic

    print(f"Đã ghi {write_bytes_atomic(args.output, data, overwrite=args.force)}")
    return 0


def metadata_bytes(
    source: Path, form: str, *, organ_id: str | None = None, pdf: Path | None = None, profile: str | None = None
) -> bytes:
    """The metadata of ``source`` (a data file or a Word file) as JSON or edXML bytes."""
    from ttdn_docs.exchange.edxml import edxml_header
    from ttdn_docs.exchange.metadata import ORGAN_ID, outgoing_metadata

    if organ_id is not None and not ORGAN_ID.match(organ_id.strip()):
        raise InputError("dòng lệnh", [FieldProblem(
            "organ-id", f"mã định danh '{organ_id}' không đúng dạng: cần 13 ký tự như 000.00.31.H26 (QĐ 20/2020/QĐ-TTg)",
        )])
    document, chosen = _document(source, profile)
    meta = outgoing_metadata(
        document, chosen, organ_id=organ_id.strip() if organ_id else None, pages=_pages(pdf, source)
    )
    if form == "edxml":
        marks = document.marks
        return edxml_header(meta, urgency_key=marks.urgency.value if marks.urgency else None, drafter=marks.drafter_initials)
    return (json.dumps(meta.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _document(source: Path, profile: str | None) -> tuple[Any, Any]:
    from ttdn_docs.api import load_document, resolve_profile

    suffix = source.suffix.lower()
    domain: Any
    if suffix in _SUFFIXES_WORD:
        from ttdn_docs.importer import load_docx

        domain = load_docx(source, profile=profile)
    elif suffix in _SUFFIXES_DATA:
        domain = load_document(source)
    else:
        raise InputError(str(source), [FieldProblem("", "cần tệp dữ liệu (.yaml, .yml, .json) hoặc tệp Word (.docx)", place="")])
    return domain.to_document(), resolve_profile(domain, profile)


def _pages(pdf: Path | None, source: Path) -> int | None:
    from ttdn_docs.pdfread.pages import page_count

    if pdf is not None:
        return page_count(pdf)
    beside = source.with_suffix(".pdf")
    return page_count(beside) if beside.is_file() else None
