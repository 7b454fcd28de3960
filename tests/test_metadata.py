"""``ttdn-docs metadata``: the NĐ 30 Phụ lục VI fields as JSON (with its JSON Schema) and
an edXML message header (QCVN 102:2016) for every example, from the data file or the
rendered .docx."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from lxml import etree

from conftest import THANH_MIEN, example_documents
from ttdn_docs.profiles.types import type_name
from ttdn_docs import load_document, load_profile
from ttdn_docs.cli import main
from ttdn_docs.exchange import EDXML_NS, OutgoingMetadata, split_code
from ttdn_docs.exchange.command import metadata_bytes
from ttdn_docs.render import write_docx

ROOT = Path(__file__).resolve().parents[1]
SCHEMA_FILE = ROOT / "docs" / "metadata.schema.json"
E = f"{{{EDXML_NS}}}"
# The MessageHeader children written, in order (docs/electronic.md).
HEADER_ORDER = ["From", "To", "Code", "PromulgationInfo", "DocumentType", "Subject", "SignerInfo", "ToPlaces", "OtherInfo"]


EXAMPLE_DOCUMENTS = example_documents()


def test_there_are_examples() -> None:
    assert {p.parent.name for p in EXAMPLE_DOCUMENTS} >= {"thanh_mien_2025", "state_plan"}


@pytest.mark.parametrize("example", EXAMPLE_DOCUMENTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_json_of_every_example_follows_its_schema_and_the_committed_output(example: Path) -> None:
    data = json.loads(metadata_bytes(example, "json"))
    jsonschema.validate(data, json.loads(SCHEMA_FILE.read_text(encoding="utf-8")))
    document = load_document(example).to_document()
    assert data["subject"] == document.summary and data["kind"] == type_name(document.kind)
    assert data["issuer"] == " ".join(document.issuer.lines)
    assert data["signer"]["full_name"] == document.signature.name
    assert [r["name"] for r in data["recipients"]] == [r.name for r in document.recipients.items]
    assert "organ_id" in data["missing"] and "pages" in data["missing"]
    committed = example.with_suffix(".metadata.json")
    assert committed.read_bytes() == metadata_bytes(example, "json"), f"run: ttdn-docs metadata {example} -o {committed}"


@pytest.mark.parametrize("example", EXAMPLE_DOCUMENTS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_edxml_of_every_example_is_well_formed_with_the_documented_elements(example: Path) -> None:
    xml = metadata_bytes(example, "edxml", organ_id="000.00.31.H26")
    root = etree.fromstring(xml)
    assert root.tag == E + "edXMLEnvelope" and root.nsmap == {"edXML": EDXML_NS}
    (header,) = root.findall(f"{E}edXMLHeader/{E}MessageHeader")
    names = [etree.QName(child).localname for child in header]
    assert [n for i, n in enumerate(names) if i == 0 or names[i - 1] != n] == HEADER_ORDER
    document = load_document(example).to_document()
    assert header.findtext(f"{E}From/{E}OrganId") == "000.00.31.H26"
    assert header.findtext(f"{E}From/{E}OrganName") == " ".join(document.issuer.lines)
    number, notation = header.findtext(f"{E}Code/{E}CodeNumber"), header.findtext(f"{E}Code/{E}CodeNotation")
    assert number == f"{document.number.number:02d}" and notation and document.number.body in notation
    assert header.findtext(f"{E}PromulgationInfo/{E}PromulgationDate") == str(document.place_date.date)
    assert header.findtext(f"{E}PromulgationInfo/{E}Place") == document.place_date.place
    assert header.findtext(f"{E}DocumentType/{E}TypeName") == type_name(document.kind)
    assert header.findtext(f"{E}Subject") == document.summary
    assert header.findtext(f"{E}SignerInfo/{E}FullName") == document.signature.name
    assert header.findtext(f"{E}SignerInfo/{E}Position") == document.signature.position
    assert len(header.findall(f"{E}To")) == len(document.recipients.items)
    assert header.findtext(f"{E}OtherInfo/{E}Priority") == "0"
    committed = example.with_suffix(".edxml")
    assert committed.read_bytes() == metadata_bytes(example, "edxml"), f"run: ttdn-docs metadata {example} --format edxml -o {committed}"


def test_party_and_state_numbers_split_into_number_and_notation() -> None:
    assert split_code("04-KH/ĐU") == ("04", "KH/ĐU")
    assert split_code("04/KH-UBND") == ("04", "KH-UBND")
    assert split_code("125/BC-UBND") == ("125", "BC-UBND")
    assert split_code("    -KH/ĐU") == (None, "KH/ĐU")


def test_a_docx_gives_the_metadata_of_its_data(tmp_path: Path) -> None:
    plan = load_document(THANH_MIEN)
    docx = write_docx(plan.to_document(), load_profile(plan.profile), tmp_path / "ke-hoach.docx")
    from_docx = json.loads(metadata_bytes(docx, "json"))
    from_yaml = json.loads(metadata_bytes(THANH_MIEN, "json"))
    # The signer's title prints upper-cased: the .docx no longer says how it was typed.
    for data in (from_docx, from_yaml):
        data["signer"]["position"] = data["signer"]["position"].lower()
    assert from_docx == from_yaml


def test_pages_come_from_the_pdf_beside_the_file(tmp_path: Path) -> None:
    pdfium = pytest.importorskip("pypdfium2")
    plan = load_document(THANH_MIEN)
    docx = write_docx(plan.to_document(), load_profile(plan.profile), tmp_path / "ke-hoach.docx")
    pdf = pdfium.PdfDocument.new()
    for _ in range(3):
        pdf.new_page(595, 842)
    pdf.save(str(tmp_path / "ke-hoach.pdf"))
    data = json.loads(metadata_bytes(docx, "json"))
    assert data["pages"] == 3 and "pages" not in data["missing"]
    root = etree.fromstring(metadata_bytes(docx, "edxml"))
    assert root.findtext(f".//{E}OtherInfo/{E}PageAmount") == "3"


def test_a_draft_lists_its_unknown_number_and_date() -> None:
    plan = load_document(THANH_MIEN).to_document()
    draft = plan.model_copy(update={
        "number": plan.number.model_copy(update={"number": None}),
        "place_date": plan.place_date.model_copy(update={"date": None, "year": 2025}),
    })
    from ttdn_docs.exchange import outgoing_metadata

    meta = outgoing_metadata(draft, load_profile("party"))
    assert meta.number is None and meta.code is None and meta.notation == "KH/ĐU"
    assert {"number", "date", "organ_id", "pages"} <= set(meta.missing)


def test_schema_command_prints_the_committed_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["metadata", "--schema"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed == json.loads(SCHEMA_FILE.read_text(encoding="utf-8")) == OutgoingMetadata.model_json_schema()


def test_cli_writes_a_file_and_refuses_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "kh.edxml"
    assert main(["metadata", str(THANH_MIEN), "--format", "edxml", "-o", str(out)]) == 0
    etree.fromstring(out.read_bytes())
    assert main(["metadata", str(THANH_MIEN), "--format", "edxml", "-o", str(out)]) == 2  # exists
    assert main(["metadata", str(THANH_MIEN), "--organ-id", "H26"]) == 2
    err = capsys.readouterr().err
    assert "đã tồn tại" in err and "mã định danh 'H26' không đúng dạng" in err and "Traceback" not in err
    bad = tmp_path / "x.txt"
    bad.write_text("x", encoding="utf-8")
    assert main(["metadata", str(bad)]) == 2
    assert main(["metadata"]) == 2
