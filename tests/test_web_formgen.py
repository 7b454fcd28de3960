"""The form generator follows any model: a model written here (an author's outline tree,
as the plan and report bodies become) gets its form and comes back from it unchanged."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal, Union

import pytest
from pydantic import Field, Tag

pytest.importorskip("starlette", reason='needs the web extra: pip install "ttdn-docs[web]"')

from ttdn_docs.admin.text import CleanText  # noqa: E402
from ttdn_docs.admin.values import FORM, MAPPING, TEXT, InputDate  # noqa: E402
from ttdn_docs.datafile import validate  # noqa: E402
from ttdn_docs.errors import InputError  # noqa: E402
from ttdn_docs.ttdn.common import Model  # noqa: E402
from ttdn_docs.ttdn.plan import ForeignInfoPlan, Item  # noqa: E402
from ttdn_docs.web.formgen import MARK, Node, apply_op, form_data, model_form  # noqa: E402

ItemOrText = Annotated[Union[Annotated[Item, Tag(MAPPING)], Annotated[CleanText, Tag(TEXT)]], FORM]


class OutlineSection(Model):
    """A section of an author's outline: a title, its bullets, its own sub-sections."""

    title: CleanText = Field(title="tên mục")
    items: list[ItemOrText] = Field(default_factory=list, title="ý")
    children: list[OutlineSection] = Field(default_factory=list, title="mục con")


class Outlined(Model):
    kind: Literal["outlined"] = Field(default="outlined", title="loại")
    style: Literal["bullets", "points"] = Field(default="bullets", title="cách trình bày")
    date: InputDate | None = Field(default=None, title="ngày")
    done: bool = Field(default=False, title="đã xong")
    body: list[OutlineSection] = Field(min_length=1, title="các mục")


DATA: dict[str, Any] = {
    "kind": "outlined",
    "style": "points",
    "date": dt.date(2025, 8, 5),
    "done": True,
    "body": [
        {"title": "Mục đích, yêu cầu", "items": [], "children": [
            {"title": "Mục đích", "items": ["Tuyên truyền.", {"text": "Nâng cao nhận thức.", "items": ["cán bộ", "nhân dân"]}], "children": []},
            {"title": "Yêu cầu", "items": ["Phù hợp thực tế."], "children": []},
        ]},
        {"title": "Tổ chức thực hiện", "items": ["Các chi bộ triển khai."], "children": []},
    ],
}


def _sent(nodes: list[Node]) -> dict[str, str]:
    """What a browser sends for these fields, untouched."""
    fields: dict[str, str] = {}
    for top in nodes:
        for node in top.walk():
            if node.widget == "list":
                fields[node.name + MARK] = "list"
            elif node.widget == "hidden":
                fields[node.name], fields[node.name + MARK] = node.value, "text"
            elif node.widget != "group":
                fields[node.name + MARK] = node.widget
                if node.widget != "bool" or node.value:
                    fields[node.name] = node.value
    return fields


def test_a_recursive_outline_round_trips_through_its_form() -> None:
    nodes, loose = model_form(Outlined, DATA)
    assert loose == []
    by_name = {n.name: n for top in nodes for n in top.walk()}
    assert by_name["body"].widget == "list" and by_name["body.0.children"].widget == "list"
    assert by_name["body.0.children.0.title"].title == "tên mục"
    assert by_name["body.0.children.0.items"].widget == "outline"
    assert by_name["body.0.children.0.items"].value == "Tuyên truyền.\nNâng cao nhận thức.\n  cán bộ\n  nhân dân"
    assert by_name["style"].widget == "choice" and by_name["style"].options == ["bullets", "points"]
    assert by_name["kind"].widget == "hidden" and by_name["date"].value == "5/8/2025"
    data, problems = form_data(_sent(nodes), Outlined)
    assert problems == []
    assert validate(Outlined, data, "biểu mẫu") == Outlined.model_validate(DATA)


def test_sections_are_added_moved_and_removed_at_any_depth() -> None:
    data, _ = form_data(_sent(model_form(Outlined, DATA)[0]), Outlined)
    assert apply_op(data, "down:body.0.children.0")
    assert [c["title"] for c in data["body"][0]["children"]] == ["Yêu cầu", "Mục đích"]
    assert apply_op(data, "add:body.1.children")
    assert data["body"][1]["children"] == [{}]
    assert apply_op(data, "del:body.0")
    assert [s["title"] for s in data["body"]] == ["Tổ chức thực hiện"]
    assert not apply_op(data, "up:body.0")  # already first
    assert not apply_op(data, "del:body.7")  # a stale button names nothing


def test_errors_land_on_their_field() -> None:
    sent = _sent(model_form(Outlined, DATA)[0])
    sent["body.0.children.1.title"] = ""
    sent["date"] = "31/2/2026"
    data, _ = form_data(sent, Outlined)
    with pytest.raises(InputError) as caught:
        validate(Outlined, data, "biểu mẫu")
    nodes, loose = model_form(Outlined, data, caught.value.problems)
    by_name = {n.name: n for top in nodes for n in top.walk()}
    assert by_name["date"].errors == ["ngày: '31/2/2026' không phải ngày có thật: tháng 2 năm 2026 chỉ có 28 ngày"]
    assert by_name["body.0.children.1.title"].errors == ["mục con thứ 2 của các mục thứ 1: thiếu trường bắt buộc 'title' (tên mục)"]
    assert loose == []


def test_the_plan_form_round_trips() -> None:
    from ttdn_docs.skeletons.plan import plan_skeleton_data

    skeleton = plan_skeleton_data("11239", "state", 2026)
    skeleton["signature"] = {**skeleton["signature"], "name": "Vũ Minh Nguyệt"}  # the skeleton's <<CẦN ĐIỀN>>
    plan = validate(ForeignInfoPlan, skeleton, "x")
    data, problems = form_data(_sent(model_form(ForeignInfoPlan, plan.model_dump(mode="python"))[0]), ForeignInfoPlan)
    assert problems == []
    assert validate(ForeignInfoPlan, data, "biểu mẫu").to_document() == plan.to_document()


def test_yaml_box_for_other_shapes_and_its_syntax_error() -> None:
    class Odd(Model):
        table: dict[str, int] = Field(default_factory=dict, title="bảng")

    nodes, _ = model_form(Odd, {"table": {"a": 1}})
    assert nodes[0].widget == "yaml" and nodes[0].value == "a: 1\n"
    data, problems = form_data({"table": "a: [1", "table" + MARK: "yaml"}, Odd)
    assert [p.path for p in problems] == ["table"]
    assert problems[0].message.startswith("không đọc được YAML")


@pytest.mark.parametrize("example", ["own_outline/plan.yaml", "own_outline/report.yaml", "thanh_mien_2025/report.yaml"])
def test_examples_in_their_authors_outlines_round_trip(example: str) -> None:
    from pathlib import Path

    from ttdn_docs.api import load_document

    document = load_document(Path(__file__).resolve().parents[1] / "examples" / example)
    model = type(document)
    data, problems = form_data(_sent(model_form(model, document.model_dump(mode="python"))[0]), model)  # type: ignore[arg-type]
    assert problems == []
    assert validate(model, data, "biểu mẫu").to_document() == document.to_document()  # type: ignore[type-var]
