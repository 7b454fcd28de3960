"""Every document type of both rule books in use: for each type of each built-in
profile's type table (read from the table, never a hand list) a document — the
hand-written example under ``examples/documents/`` or one generated from the type's
family (``document_types``) — renders, passes ``check`` with 0 errors, shows the same
words in ``preview``, and comes back word for word through ``import`` → ``render``.
The công văn and the quyết định are looked at closer: what their layout must print."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
import yaml

from conftest import soffice
from document_types import EXAMPLES, document_data, every_type
from htmltext import visible_text
from readback import document_text, normalise_words, open_docx, paragraphs_in_order

from ttdn_docs.api import load_document, render_file
from ttdn_docs.check import check_file
from ttdn_docs.citations import cite_as_rule_book
from ttdn_docs.cli import main
from ttdn_docs.importer import import_docx
from ttdn_docs.preview import to_html
from ttdn_docs.profiles import Profile, load_profile

TYPES = every_type()


def _ids(case: tuple[str, str]) -> str:
    return f"{case[0]}:{case[1]}"


def _write(data: dict[str, object], tmp_path: Path, name: str = "input.yaml") -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _rendered(profile_id: str, type_key: str, tmp_path: Path) -> Path:
    document = load_document(_write(document_data(profile_id, type_key), tmp_path))
    return render_file(document, tmp_path / "out.docx")


def _words(path: Path) -> str:
    return normalise_words(document_text(open_docx(path)))


def _lines(path: Path) -> list[str]:
    doc = docx.Document(str(path))
    texts = (p.text.replace("\u00a0", " ").strip() for p in paragraphs_in_order(doc))
    return [t for t in texts if t]


def test_the_type_tables_are_read_not_listed() -> None:
    for profile_id in ("party-hd36-2018", "state-nd30-2020"):
        keys = [key for pid, key in TYPES if pid == profile_id]
        assert keys == list(load_profile(profile_id).types)
        for key in ("cong_van", "thong_bao", "to_trinh", "quyet_dinh", "giay_moi"):
            assert key in keys and (EXAMPLES / profile_id / f"{key}.yaml").exists()


@pytest.mark.parametrize("case", TYPES, ids=_ids)
def test_every_type_renders_checks_previews_and_comes_back_word_for_word(case: tuple[str, str], tmp_path: Path) -> None:
    profile_id, type_key = case
    profile = load_profile(profile_id)
    out = _rendered(profile_id, type_key, tmp_path)
    result = check_file(out, profile)
    assert [f.rule_id for f in result.errors] == [], [f.message for f in result.errors]
    document = cite_as_rule_book(load_document(tmp_path / "input.yaml"), profile)  # as `preview` shows it
    page = to_html(document.to_document(), profile)
    assert normalise_words(visible_text(page)) == _words(out)
    imported = import_docx(out)
    assert imported.profile.id == profile_id
    again = render_file(imported.document, tmp_path / "again.docx")
    assert _words(again) == _words(out)
    if imported.document.kind in ("plan", "report"):  # the foreign-information plan and report
        assert type_key == {"plan": "ke_hoach", "report": "bao_cao"}[imported.document.kind]
    else:
        assert imported.document.type == _told_apart(profile, type_key)


def _told_apart(profile: Profile, type_key: str) -> str:
    """The type a reader can tell from the page: a family printing no title line (the
    công văn's) shows only its ký hiệu, so a type with the same family and abbreviation
    as one before it in the table (ND 30's thư công beside the công văn) reads as that one."""
    entry = profile.document_type(type_key)
    if profile.layouts[entry.family].title:
        return type_key
    return next(key for key, other in profile.types.items() if (other.family, other.abbreviation) == (entry.family, entry.abbreviation))


@pytest.mark.parametrize("profile_id", ["state-nd30-2020", "party-hd36-2018"])
def test_the_cong_van_prints_no_title_its_summary_under_the_number_and_nhu_tren_first(
    profile_id: str, tmp_path: Path
) -> None:
    profile = load_profile(profile_id)
    out = _rendered(profile_id, "cong_van", tmp_path)
    doc = docx.Document(str(out))
    header = doc.tables[0]
    left = [p.text.strip() for p in header.rows[0].cells[0].paragraphs if p.text.strip()]
    number_at = next(i for i, text in enumerate(left) if text.startswith("Số"))
    assert left[number_at + 1].startswith("V/v ")
    lines = _lines(out)
    assert "CÔNG VĂN" not in lines and "Công văn" not in lines
    assert any(line.startswith("Kính gửi") for line in lines)
    label = lines.index(profile.recipients.label)
    prefix = profile.recipients.prefix
    assert lines[label + 1] == f"{prefix}{profile.recipients.as_above}{profile.recipients.line_end}"


@pytest.mark.parametrize("profile_id", ["state-nd30-2020", "party-hd36-2018"])
def test_the_decision_prints_its_bases_the_enacting_line_and_articles(profile_id: str, tmp_path: Path) -> None:
    out = _rendered(profile_id, "quyet_dinh", tmp_path)
    lines = _lines(out)
    # «QUYẾT ĐỊNH:» (State); «BAN THƯỜNG VỤ QUYẾT ĐỊNH», the collective signing (Party).
    first_article = next(i for i, line in enumerate(lines) if line.startswith("Điều 1."))
    enacting = first_article - 1
    assert lines[enacting] == ("QUYẾT ĐỊNH:" if profile_id == "state-nd30-2020" else "BAN THƯỜNG VỤ QUYẾT ĐỊNH")
    bases = [line for line in lines[:enacting] if "Căn cứ" in line]
    assert len(bases) == 3
    articles = [line for line in lines[enacting:] if line.startswith("Điều ")]
    assert [a.split(".")[0] for a in articles] == ["Điều 1", "Điều 2", "Điều 3"]
    # khoản restart at 1 in each Điều
    after_two = lines[lines.index(articles[1]) + 1:]
    assert after_two[0].startswith("1. ")


def test_import_reads_the_reviewers_cong_van_into_a_document(tmp_path: Path) -> None:
    """A LibreOffice công văn of the shared world corpus (not made here): its type, number
    with the drafting unit, «V/v» over two lines, the two addressees after a tab, «Như
    trên»; rendered again it says the same words (the end mark aside)."""
    source = Path(__file__).parent / "world" / "reviewer" / "m06_lo_state_congvan" / "m6-cong-van-ubnd.docx"
    out = tmp_path / "cong-van.yaml"
    assert main(["import", str(source), "-o", str(out)]) == 0
    data = yaml.safe_load(out.read_text(encoding="utf-8"))
    assert data["kind"] == "document" and data["type"] == "cong_van"
    assert data["issuer"]["abbreviation"] == "UBND" and data["unit"] == "VHXH" and data["number"] == 35
    assert data["summary"] == "tăng cường công tác thông tin đối ngoại năm 2026"
    assert data["addressees"] == ["Các ban, ngành, đoàn thể xã", "Trưởng các thôn"]
    assert data["recipients"]["items"][0] == "Như trên"
    # the two numbered paragraphs stay khoản (1., 2.), not điểm
    assert [n.get("level") for n in data["outline"] if isinstance(n, dict)] == [2, 2]
    rendered = tmp_path / "again.docx"
    assert main(["render", str(out), "-o", str(rendered)]) == 0
    assert _words(rendered) == _words(source)


def test_hand_written_examples_name_their_book_and_type() -> None:
    for path in sorted(EXAMPLES.glob("*/*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert data["kind"] == "document" and data["profile"] == path.parent.name and data["type"] == path.stem
        assert "ILLUSTRATIVE" in path.read_text(encoding="utf-8")


def test_import_takes_the_word_file_as_bytes(tmp_path: Path) -> None:
    out = _rendered("state-nd30-2020", "giay_moi", tmp_path)
    imported = import_docx(out.read_bytes())
    assert imported.document.kind == "document" and imported.document.type == "giay_moi"


_EXAMPLES = sorted(EXAMPLES.glob("*/*.yaml"))


@pytest.mark.libreoffice
@pytest.mark.skipif(soffice() is None, reason="LibreOffice (soffice) is not installed; .ci/run installs it")
@pytest.mark.parametrize("example", _EXAMPLES, ids=lambda p: f"{p.parent.name}:{p.stem}")
def test_the_preview_opened_in_writer_imports_word_for_word(example: Path, tmp_path: Path) -> None:
    """Another producer: the HTML preview opened in LibreOffice Writer and saved as .docx
    — a page laid out line by line, no header or signature table, Nơi nhận above the
    signature. Its type, header and footer are read and it renders the same words."""
    from ttdn_docs.office import soffice_convert

    document = load_document(example)
    profile = load_profile(document.profile)
    page = tmp_path / "xem-truoc.html"
    page.write_text(to_html(cite_as_rule_book(document, profile).to_document(), profile), encoding="utf-8")
    typed = tmp_path / "tu-trinh-duyet.docx"
    typed.write_bytes(soffice_convert(page, "docx"))
    imported = import_docx(typed)
    assert imported.document.type == document.type and imported.warnings == []
    ours = render_file(document, tmp_path / "ours.docx")
    again = render_file(imported.document, tmp_path / "again.docx")
    assert _words(again) == _words(ours)
