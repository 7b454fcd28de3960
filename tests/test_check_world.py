"""Files made outside this project (``tests/world/``: Word files from LibreOffice Writer,
HTML opened in Writer, the docx npm package, python-docx written as other generators
write), each labelled by a reviewer: the checker reports every labelled violation under
its rule id and no false error; a LibreOffice re-save of each compliant file still has
no error."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import requires_libreoffice
from world_labels import WORLD, is_compliant, labelled_files, labels_of, problems

from ttdn_docs.check import check_file

FILES = labelled_files()


def test_the_world_corpus_is_there() -> None:
    assert len(FILES) >= 7
    assert any(not is_compliant(labels_of(p)) for p in FILES) and any(is_compliant(labels_of(p)) for p in FILES)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.relative_to(WORLD).as_posix())
def test_checker_agrees_with_the_reviewer(path: Path) -> None:
    labels = labels_of(path)
    result = check_file(path)
    assert result.profile is not None and result.profile.startswith(labels["family"])
    assert problems(result, labels) == [], "\n".join(f.describe() for f in result.findings)


@requires_libreoffice
@pytest.mark.libreoffice
@pytest.mark.parametrize("path", [p for p in FILES if is_compliant(labels_of(p))], ids=lambda p: p.relative_to(WORLD).as_posix())
def test_a_libreoffice_resave_of_a_compliant_file_has_no_false_error(path: Path, tmp_path: Path) -> None:
    from ttdn_docs.office import soffice_convert

    resaved = tmp_path / path.name
    resaved.write_bytes(soffice_convert(path, "docx"))
    result = check_file(resaved)
    assert problems(result, labels_of(path), compliant_only=True) == [], "\n".join(f.describe() for f in result.findings)


def _generated(name: str) -> Path:
    return WORLD / "generated" / name / f"{name}.docx"


def _anatomy(path: Path):  # type: ignore[no-untyped-def]
    from ttdn_docs.check import detect_profile
    from ttdn_docs.docxread.anatomy import AnatomyReader
    from ttdn_docs.docxread.view import open_docx

    view = open_docx(path)
    profile = detect_profile(view)
    assert profile is not None
    return AnatomyReader(profile).read(view)


def test_a_fault_through_the_whole_document_is_one_finding_counting_its_paragraphs() -> None:
    result = check_file(_generated("arial-state-report"))
    fonts = [f for f in result.findings if f.rule == "STATE.FONT.ASCII"]
    assert len(fonts) == 1 and fonts[0].count >= 15 and len(fonts[0].paragraphs) == fonts[0].count
    assert f"Cùng lỗi ở {fonts[0].count} đoạn" in fonts[0].message
    assert fonts[0].as_dict()["count"] == fonts[0].count


def test_fonts_left_in_the_east_asian_and_complex_slots_of_the_defaults_are_no_fault() -> None:
    result = check_file(_generated("lo-state-plan"))
    assert not [f for f in result.findings if ".FONT." in f.rule]


def test_every_finding_names_its_article() -> None:
    for path in FILES:
        for finding in check_file(path).findings:
            assert finding.ref, finding.describe()


@pytest.mark.parametrize(
    ("name", "roles"),
    [
        ("gen-state-report", [("collective", "TM. ỦY BAN NHÂN DÂN"), ("authority", "KT. CHỦ TỊCH"), ("position", "PHÓ CHỦ TỊCH")]),
        ("tabs-state-plan", [("collective", "TM. ỦY BAN NHÂN DÂN"), ("authority", "KT. CHỦ TỊCH"), ("position", "PHÓ CHỦ TỊCH")]),
        ("tabs-party-plan", [("collective", "T/M BAN THƯỜNG VỤ"), ("position", "PHÓ BÍ THƯ")]),
    ],
)
def test_a_signature_typed_as_one_paragraph_or_beside_nơi_nhận_with_tabs_is_read_line_by_line(
    name: str, roles: list[tuple[str, str]]
) -> None:
    """One paragraph with line breaks; or ``Nơi nhận:⇥TM. …`` with the signer's name
    pushed right by tabs alone: the name is the signer's, never a recipient."""
    anatomy = _anatomy(_generated(name))
    assert [(role, p.text.strip()) for role, p in anatomy.signature] == roles
    assert anatomy.signer_name is not None and anatomy.signer_name.text.strip() == "Nguyễn Văn An"
    assert all("Nguyễn Văn An" not in p.text for p in anatomy.recipients)


def test_a_recipient_typed_over_two_lines_is_one_recipient() -> None:
    anatomy = _anatomy(_generated("two-line-recipient"))
    assert [p.text for p in anatomy.recipients][1] == "- Các cơ quan, đơn vị thuộc và trực thuộc Ủy ban nhân dân xã;"


def test_a_decision_is_read_by_its_own_layout() -> None:
    anatomy = _anatomy(_generated("gen-state-quyetdinh"))
    roles = [role for role, _p in anatomy.body]
    assert roles[:5] == ["authority", "basis", "basis", "enacting", "article"]
    assert roles.count("article") == 3


def test_kính_gửi_with_its_first_addressee_after_a_dash_is_a_list() -> None:
    anatomy = _anatomy(_generated("lo-state-congvan"))
    assert [p.text.split("\t")[-1] for p in anatomy.addressees] == ["- Các ban, ngành, đoàn thể xã;", "- Trưởng các thôn."]


def test_official_names_keep_their_tone_placement(tmp_path: Path) -> None:
    """«Thuận Hoà» is the commune's official name: the rest of the text in the new style
    (ủy) is not «mixed»."""
    import zipfile

    source = _generated("lo-state-plan")
    target = tmp_path / "thuan-hoa.docx"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for item in old.infolist():
            data = old.read(item.filename)
            if item.filename == "word/document.xml":
                data = data.decode().replace("THANH MIỆN", "THUẬN HOÀ").replace("Thanh Miện", "Thuận Hoà").encode()
            new.writestr(item, data)
    rules = {f.rule for f in check_file(target).findings}
    assert "STATE.TEXT.TONE_MIXED" not in rules


def test_placeholders_and_the_draft_mark_when_checked_as_the_text_to_sign(tmp_path: Path) -> None:
    from ttdn_docs.cli import main

    path = _generated("placeholder-state-plan")
    assert [f.severity for f in check_file(path).findings if f.rule == "STATE.TEXT.PLACEHOLDER"] == ["error"]
    assert main(["check", str(path), "--final"]) == 1


def test_the_generated_files_are_what_the_builder_makes() -> None:
    """``scripts/build_world.py`` wrote them: the same parts, byte for byte, and labels."""
    import io
    import zipfile

    import yaml
    from world_build import WORLD as SPECS
    from world_build import build_world, labels

    assert {p.parent.name for p in (WORLD / "generated").glob("*/*.docx")} == {s.name for s in SPECS}
    for spec in SPECS:
        committed = zipfile.ZipFile(_generated(spec.name))
        rebuilt = zipfile.ZipFile(io.BytesIO(build_world(spec)))
        assert sorted(committed.namelist()) == sorted(rebuilt.namelist())
        assert all(committed.read(n) == rebuilt.read(n) for n in committed.namelist()), spec.name
        assert yaml.safe_load((WORLD / "generated" / spec.name / "labels.yaml").read_text(encoding="utf-8")) == labels(spec)


@pytest.mark.parametrize("name", ["tabs-state-plan", "tabs-party-plan", "gen-state-report", "two-line-recipient"])
def test_import_reads_the_signature_and_nơi_nhận_however_typed(name: str) -> None:
    """The shared reader serves ``import`` and ``fix`` too: the signer's name on a tabbed
    line (pushed right by default tab stops) is the signer's, never a recipient; a
    recipient over two lines is one (issue 21 item 8, issue 17 item 4)."""
    from ttdn_docs.importer import load_docx

    document = load_docx(_generated(name))
    assert document.signature.name == "Nguyễn Văn An"
    recipients = [str(getattr(item, "name", item)) for item in document.recipients.items]
    assert all("Nguyễn" not in r for r in recipients)
    if name == "two-line-recipient":
        assert "Các cơ quan, đơn vị thuộc và trực thuộc Ủy ban nhân dân xã" in recipients
