"""Rule values that used to be Python literals, now the profile's: each is what the
renderer writes and what the reader, the importer and the checker expect."""

from __future__ import annotations

import pytest
from docx_edit import DocxEdit, set_text, text
from mutations import corpus_document

from ttdn_docs.admin import Marks
from ttdn_docs.check import check_docx
from ttdn_docs.importer.fields import read_signature
from ttdn_docs.profiles import Profile, builtin_profile_ids, load_profile
from ttdn_docs.profiles.grammar import mark_texts, number_label, read_signature_prefix, signature_lines
from ttdn_docs.render import render_docx

PROFILES = builtin_profile_ids()


@pytest.fixture(scope="module")
def state() -> Profile:
    return load_profile("state-nd30-2020")
ADDRESSEES = ["Ban Thường vụ Thành ủy", "Ban Tuyên giáo và Dân vận Thành ủy"]


def _changed(profile: Profile, **sections: dict[str, object]) -> Profile:
    """``profile`` with a few values of its sections replaced, under another id (so
    that the committed template of the built-in one is not used)."""
    data = profile.model_dump()
    for name, values in sections.items():
        data[name] = {**data[name], **values}
    data["id"] = f"{profile.id}-changed"
    return Profile.model_validate(data)


@pytest.mark.parametrize("profile_id", PROFILES)
def test_signature_lines_take_the_case_of_their_element(profile_id: str) -> None:
    profile = load_profile(profile_id)
    signature = corpus_document().signature
    assert [line.text for line in signature_lines(profile, signature)][-1] == "PHÓ BÍ THƯ"
    data = profile.model_dump()
    for role in ("signature_collective", "signature_authority", "signature_position"):
        data["elements"][role]["case"] = "as_typed"
    data["id"] = "as-typed"
    as_typed = Profile.model_validate(data)
    lines = [line.text for line in signature_lines(as_typed, signature)]
    assert lines[0] == f"{profile.signature.collective_prefix} Ban Thường vụ" and lines[-1] == "Phó Bí thư"
    # The checker reads the case from the same data: the as-typed output is wrong under
    # the built-in profile, right under its own.
    rendered = render_docx(corpus_document(), as_typed)
    assert "SIGNATURE_POSITION.CASE" in {f.rule.split(".", 1)[1] for f in check_docx(rendered, profile)}
    assert check_docx(rendered, as_typed) == []


@pytest.mark.parametrize("profile_id", PROFILES)
def test_kinh_gui_has_its_own_punctuation_and_it_is_checked(profile_id: str) -> None:
    profile = load_profile(profile_id)
    grammar = profile.addressees
    rendered = render_docx(corpus_document().model_copy(update={"addressees": ADDRESSEES}), profile)
    doc = DocxEdit(rendered)
    lines = doc.paras("addressee")
    assert [text(p) for p in lines] == [
        grammar.label, f"{grammar.prefix}{ADDRESSEES[0]}{grammar.line_end}", f"{grammar.prefix}{ADDRESSEES[1]}{grammar.last_end}",
    ]
    assert check_docx(rendered, profile) == []
    wrong = ";" if grammar.line_end != ";" else ","
    set_text(lines[1], f"{grammar.prefix}{ADDRESSEES[0]}{wrong}")
    findings = [f for f in check_docx(doc.to_bytes(), profile) if f.rule.endswith("ADDRESSEE.LINE_END")]
    assert len(findings) == 1 and findings[0].expected == grammar.line_end and findings[0].found == wrong


def test_state_kinh_gui_line_ending_with_a_comma_is_a_finding(state: Profile) -> None:
    """The issue's case: ``- Ban A,`` where ND 30 asks ``- Ban A;``."""
    doc = DocxEdit(render_docx(corpus_document().model_copy(update={"addressees": ADDRESSEES}), state))
    set_text(doc.paras("addressee")[1], f"- {ADDRESSEES[0]},")
    for data in (doc.to_bytes(), _stripped(doc)):
        found = {f.rule for f in check_docx(data, state)}
        assert "STATE.ADDRESSEE.LINE_END" in found


def _stripped(doc: DocxEdit) -> bytes:
    copy = DocxEdit(doc.to_bytes())
    copy.strip_marks()
    return copy.to_bytes()


def test_kinh_gui_punctuation_is_not_borrowed_from_noi_nhan(state: Profile) -> None:
    changed = _changed(state, addressees={"line_end": ",", "last_end": "!"})
    rendered = render_docx(corpus_document().model_copy(update={"addressees": ADDRESSEES}), changed)
    lines = [text(p) for p in DocxEdit(rendered).paras("addressee")]
    assert lines[1:] == [f"- {ADDRESSEES[0]},", f"- {ADDRESSEES[1]}!"]
    assert any(text(p).endswith(";") for p in DocxEdit(rendered).paras("recipient"))  # Nơi nhận unchanged


@pytest.mark.parametrize("typed", ["T/M", "T / M", "TM.", "TM", "T.M."])
@pytest.mark.parametrize("profile_id", PROFILES)
def test_reader_and_importer_agree_on_every_typed_prefix(profile_id: str, typed: str) -> None:
    profile = load_profile(profile_id)
    found = read_signature_prefix(profile, f"{typed} BAN THƯỜNG VỤ")
    assert found is not None and found.meaning == "collective" and found.rest == "BAN THƯỜNG VỤ"
    signer = read_signature([("collective", f"{typed} BAN THƯỜNG VỤ"), ("position", "PHÓ BÍ THƯ")], "Nguyễn Văn An", profile)
    assert signer.collective == "Ban thường vụ" and signer.authority.value == "deputy"  # «Phó» is the deputy word
    # The reader takes the typed line as the signature's collective line; the checker
    # then asks for the profile's own spelling.
    doc = DocxEdit(render_docx(corpus_document(), profile))
    collective = next(p for p in doc.paras("signature_collective"))
    set_text(collective, f"{typed} BAN THƯỜNG VỤ")
    doc.strip_marks()
    findings = check_docx(doc.to_bytes(), profile)
    prefix = [f for f in findings if f.rule.endswith("SIGNATURE_COLLECTIVE.PREFIX")]
    if typed == profile.signature.collective_prefix:
        assert prefix == []
    else:
        assert len(prefix) == 1 and prefix[0].expected == profile.signature.collective_prefix and prefix[0].found == typed


def test_a_line_that_only_starts_like_a_prefix_is_none(party: Profile) -> None:
    assert read_signature_prefix(party, "TMX CÔNG TY") is None
    assert read_signature_prefix(party, "CHỦ TỊCH") is None


def test_a_written_prefix_must_be_among_the_typed_ones(party: Profile) -> None:
    data = party.model_dump()
    data["signature"]["typed_prefixes"]["collective"] = ["TM."]
    with pytest.raises(ValueError, match="typed_prefixes"):
        Profile.model_validate(data)


@pytest.mark.parametrize("profile_id", PROFILES)
def test_drafter_copies_and_number_label_are_profile_data(profile_id: str) -> None:
    profile = load_profile(profile_id)
    assert mark_texts(profile, Marks(drafter_initials="pl", copies=30))["drafter"] == "PL(30)"
    changed = _changed(profile, number={"template": profile.number.template.replace("Số", "No", 1)})
    assert number_label(profile) == "Số" and number_label(changed) == "No"
    changed = profile.model_copy(update={"drafter_copies": " [{copies} bản]"})
    assert mark_texts(changed, Marks(drafter_initials="PL", copies=30))["drafter"] == "PL [30 bản]"


@pytest.mark.check_errors_expected
@pytest.mark.parametrize("profile_id", PROFILES)
def test_page_number_position_is_profile_data(profile_id: str) -> None:
    profile = load_profile(profile_id)
    assert profile.elements.page_number.position == "header"
    data = profile.model_dump()
    data["elements"]["page_number"]["position"] = "footer"
    data["elements"]["page_number"]["style"]["align"] = "right"
    data["id"] = "footer-numbers"
    footer = Profile.model_validate(data)
    long_document = corpus_document().model_copy(update={"body": corpus_document().body * 4})
    rendered = render_docx(long_document, footer)
    from ttdn_docs.docxread.view import open_docx

    view = open_docx(rendered)
    stories = {story.kind for story in view.stories for para in story.paras if "PAGE" in "".join(para.el.itertext()) or para.el.xpath(".//*[local-name()='instrText' or local-name()='fldSimple']")}
    assert stories == {"footer"}
    assert check_docx(rendered, footer) == []
    found = {f.rule.split(".", 1)[1] for f in check_docx(rendered, profile)}
    assert "PAGE_NUMBER.POSITION" in found and "PAGE_NUMBER.ALIGN" not in found  # the number judged where it should be
