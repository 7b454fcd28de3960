"""The element registry and the profiles' type tables: one name per element and type."""

from __future__ import annotations

import re

import pytest

from ttdn_docs.admin import DocumentKind
from ttdn_docs.check.rules import element_specs
from ttdn_docs.docxfacts.styles import ELEMENT_STYLES
from ttdn_docs.errors import ProfileError
from ttdn_docs.layout.elements import ELEMENTS, element, mark_element, profile_elements, style_at
from ttdn_docs.profiles import Style, builtin_profile_ids, load_profile
from ttdn_docs.profiles.types import type_name

PROFILES = builtin_profile_ids()


def test_keys_styles_and_style_ids_are_unique() -> None:
    for values in ([e.key for e in ELEMENTS], [e.style for e in ELEMENTS], [e.style_id for e in ELEMENTS]):
        assert len(values) == len(set(values))


def test_the_style_table_is_the_registry() -> None:
    assert ELEMENT_STYLES == {e.key: e.style for e in ELEMENTS}


@pytest.mark.parametrize("profile_id", PROFILES)
def test_every_styled_element_resolves_to_a_style_of_the_profile(profile_id: str) -> None:
    profile = load_profile(profile_id)
    found = profile_elements(profile)
    assert found, "no element"
    for entry in found:
        assert isinstance(style_at(profile, entry), Style), entry.key
    keys = {e.key for e in found}
    assert {f"national_{i}" for i in range(1, len(profile.elements.national_lines) + 1)} <= keys
    assert {"number", "place_date", "signer_name", "annex_label"} <= keys


@pytest.mark.parametrize("profile_id", PROFILES)
def test_a_mark_is_one_entry_under_all_its_names(profile_id: str) -> None:
    profile = load_profile(profile_id)
    for name in ("draft", "urgency", "confidentiality", "drafter"):
        entry = mark_element(name)  # type: ignore[arg-type]
        assert entry.key == f"mark_{name}"
        assert profile.elements.mark_style(name) is style_at(profile, entry)  # type: ignore[arg-type]
    assert element("mark_draft").path == "elements.draft_mark"


@pytest.mark.parametrize("profile_id", PROFILES)
def test_the_checker_names_elements_as_the_registry(profile_id: str) -> None:
    specs = element_specs(load_profile(profile_id))
    assert [s.key for s in specs if s.key == "place_date"] == ["place_date"]
    assert next(s for s in specs if s.key == "place_date").label == "Địa danh, ngày tháng năm"
    assert all(s.checked for s in specs)


@pytest.mark.parametrize("profile_id", PROFILES)
def test_type_table_gives_name_abbreviation_and_family(profile_id: str) -> None:
    profile = load_profile(profile_id)
    plan = profile.document_type("ke_hoach")
    assert (plan.name, plan.abbreviation, plan.family) == ("Kế hoạch", "KH", "titled")
    assert profile.document_type(DocumentKind.QUYET_DINH).family == "decision"
    assert profile.family_of("cong_van") == "cong_van"
    assert profile.type_name(DocumentKind.BAO_CAO) == "Báo cáo"
    # Every constant of the (open) kinds has an entry in both rule books.
    constants = {getattr(DocumentKind, name) for name in dir(DocumentKind) if name.isupper()}
    assert len(constants) == 12 and constants <= set(profile.types)


def test_an_unknown_type_is_named_in_vietnamese() -> None:
    profile = load_profile("state")
    with pytest.raises(ProfileError, match=r"không có loại văn bản 'giay_khen' \(types.giay_khen\)"):
        profile.document_type("giay_khen")
    # ND 30 gives công văn no abbreviation: asking for it names the field.
    with pytest.raises(ProfileError, match=r"types.cong_van.abbreviation"):
        profile.abbreviation(DocumentKind.CONG_VAN)
    assert load_profile("party").abbreviation(DocumentKind.CONG_VAN) == "CV"


def test_names_without_a_profile_come_from_the_built_in_profiles() -> None:
    assert type_name(DocumentKind.TO_TRINH) == "Tờ trình"
    assert type_name("khong_co") == "khong_co"


def _with_layout_change(change: dict[str, object]) -> str:
    import yaml

    from ttdn_docs.profiles.loader import DATA_DIR

    data = yaml.safe_load((DATA_DIR / "state-nd30-2020.yaml").read_text(encoding="utf-8"))
    data["id"] = "state-layout-test"
    data["layouts"]["cong_van"].update(change)
    return yaml.safe_dump(data, allow_unicode=True)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"header_left": ["issuer", "so_hieu"]}, "layouts.cong_van.header_left: không có thành phần 'so_hieu'"),
        ({"body": ["basis", "body"], "bases": None}, "có 'basis' nhưng thiếu 'bases'"),
    ],
)
def test_a_layout_naming_what_does_not_exist_is_refused(tmp_path: object, change: dict[str, object], message: str) -> None:
    from pathlib import Path

    from ttdn_docs.profiles import load_profile as load

    path = Path(str(tmp_path)) / "state-layout-test.yaml"
    path.write_text(_with_layout_change(change), encoding="utf-8")
    with pytest.raises(ProfileError, match=re.escape(message)):
        load(path)


def test_every_family_of_the_types_has_a_layout_and_each_layout_names_known_elements() -> None:
    from ttdn_docs.layout.elements import known_layout_names
    from ttdn_docs.profiles.model import SLOTS

    for profile_id in PROFILES:
        profile = load_profile(profile_id)
        assert {t.family for t in profile.types.values()} <= set(profile.layouts)
        for layout in profile.layouts.values():
            assert all(name in known_layout_names() for slot in SLOTS for name in layout.slot(slot))
        assert "kind_title" not in profile.layouts["cong_van"].title
        assert profile.layouts["cong_van"].as_above_first
