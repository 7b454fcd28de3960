"""The TTĐN year-end report (Báo cáo kết quả công tác thông tin đối ngoại) and its generic
anatomy.

The report answers a plan: it cites the plan (number, date), reports on it section by
section — leadership and direction, results (by content area and by unit, with the
indicator table), shortcomings and causes, directions for next year, proposals — and goes
to the body above. Section titles and order are defaults that can be changed. Parts still
to be written carry ``<<CẦN ĐIỀN: …>>`` (see ``ttdn.todo``) or an empty figure; such a
report becomes a document only as a draft (``marks.draft``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, Literal, Union

from pydantic import ConfigDict, Field, Tag, ValidationInfo, field_validator, model_validator
from pydantic.config import JsonDict

from ttdn_docs.admin import (
    AdminDocument,
    Annex,
    Block,
    DocumentKind,
    Marks,
    Paragraph,
    Section,
)
from ttdn_docs.admin.text import CleanText
from ttdn_docs.admin.values import FORM, ITEM_WORD, MAPPING, TEXT, InputDate
from ttdn_docs.errors import FieldProblem, IncompleteDocumentError
from ttdn_docs.input_problems import place_of
from ttdn_docs.generic.parts import Basis, DocumentNumber, Citation, Issuer, Model, RecipientList, Signer, admin_document
from ttdn_docs.ttdn.indicators import Indicator, IndicatorLabels, fill_years, indicator_table
from ttdn_docs.generic.outline import OUTLINE_DESCRIPTION, OutlineNode, TextNode, find_part, outline_blocks, placeholders, typed_parts_optional
from ttdn_docs.ttdn.plan import Opening, item_section
from ttdn_docs.generic.items import ItemOrText
from ttdn_docs.generic.todo import todo_problems
from ttdn_docs.vn import numeric_date

# A list whose items error messages call "ý" (``ý thứ 2 của phần lãnh đạo, chỉ đạo``).
ITEM_IS_IDEA: JsonDict = {ITEM_WORD: "ý"}

SectionKey = Literal["leadership", "results", "shortcomings", "directions", "proposals"]
DEFAULT_SECTION_ORDER: list[SectionKey] = ["leadership", "results", "shortcomings", "directions", "proposals"]


class PlanReference(Citation):
    """The plan reported on, cited in full the first time (type, number, date, issuer,
    subject): ``Kế hoạch số 04-KH/ĐU, ngày 05/8/2025 của Đảng uỷ xã Thanh Miện về …``.
    The number is copied as issued, ký hiệu included."""

    kind: CleanText = Field(default="Kế hoạch", max_length=100, title="loại văn bản")
    number: CleanText = Field(max_length=60, title="số, ký hiệu")


class Period(Model):
    """The period the figures cover, when it is not the calendar year."""

    start: InputDate | None = Field(default=None, title="ngày bắt đầu")
    end: InputDate | None = Field(default=None, title="ngày kết thúc")

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.start is not None and self.end is not None and self.start > self.end:
            raise ValueError("ngày bắt đầu kỳ báo cáo sau ngày kết thúc")
        return self

    def text(self, year: int) -> str:
        """``năm 2025`` or ``từ ngày 16/12/2024 đến ngày 15/12/2025``."""
        parts = []
        if self.start is not None:
            parts.append(f"từ ngày {numeric_date(self.start)}")
        if self.end is not None:
            parts.append(f"đến ngày {numeric_date(self.end)}")
        return " ".join(parts) if parts else f"năm {year}"


class TaskResult(Model):
    """The result of one task of the plan. ``task`` (the plan's wording) reminds the
    writer what was asked and is not printed; ``result`` is."""

    task: CleanText | None = Field(default=None, max_length=5000, title="nhiệm vụ")
    result: CleanText = Field(max_length=20_000, title="nội dung kết quả")


TaskResultOrText = Annotated[Union[Annotated[TaskResult, Tag(MAPPING)], Annotated[CleanText, Tag(TEXT)]], FORM]


class UnitReport(Model):
    """What one assigned unit did: one entry per task (or free results)."""

    place_label = "{unit}"

    unit: CleanText = Field(max_length=300, title="tên đơn vị")
    results: list[TaskResultOrText] = Field(min_length=1, max_length=500, title="kết quả")

    def texts(self) -> list[str]:
        return [r if isinstance(r, str) else r.result for r in self.results]


class ContentArea(Model):
    """Results in one content area of the plan (dissemination, media, image promotion …)."""

    place_label = "lĩnh vực “{title}”"

    title: CleanText = Field(max_length=500, title="tên lĩnh vực")
    items: list[ItemOrText] = Field(min_length=1, max_length=500, title="ý")


class Results(Model):
    """Kết quả thực hiện: an optional introduction, results by content area, by unit."""

    intro: CleanText | None = Field(default=None, max_length=20_000, title="đoạn mở")
    by_content: list[ContentArea] = Field(default_factory=list, max_length=100, title="lĩnh vực")
    by_unit: list[UnitReport] = Field(default_factory=list, max_length=200, title="đơn vị")


class Shortcomings(Model):
    """Hạn chế and nguyên nhân."""

    limitations: list[ItemOrText] = Field(min_length=1, max_length=500, title="mục hạn chế", json_schema_extra=ITEM_IS_IDEA)
    causes: list[ItemOrText] = Field(default_factory=list, max_length=500, title="mục nguyên nhân", json_schema_extra=ITEM_IS_IDEA)


class ReportSections(Model):
    leadership: list[ItemOrText] = Field(min_length=1, max_length=500, title="phần lãnh đạo, chỉ đạo", json_schema_extra=ITEM_IS_IDEA)
    results: Results = Field(title="phần kết quả thực hiện")
    shortcomings: Shortcomings = Field(title="phần hạn chế, nguyên nhân")
    directions: list[ItemOrText] = Field(min_length=1, max_length=500, title="phần phương hướng, nhiệm vụ", json_schema_extra=ITEM_IS_IDEA)
    proposals: list[ItemOrText] = Field(default_factory=list, max_length=500, title="phần đề xuất, kiến nghị", json_schema_extra=ITEM_IS_IDEA)


class ReportSectionTitles(Model):
    """Headings of the report; ``{year}``, ``{next_year}``, ``{previous_year}`` are
    replaced by the report's years. Any may be changed."""

    leadership: CleanText = Field(default="Công tác lãnh đạo, chỉ đạo", title="tên phần Lãnh đạo, chỉ đạo")
    results: CleanText = Field(default="Kết quả thực hiện", title="tên phần Kết quả thực hiện")
    results_by_unit: CleanText = Field(default="Kết quả thực hiện của các cơ quan, đơn vị", title="tên mục Kết quả của các đơn vị")
    indicators: CleanText = Field(default="Một số chỉ tiêu chủ yếu", title="tên mục Chỉ tiêu")
    indicators_in_annex: CleanText = Field(default="Số liệu một số chỉ tiêu chủ yếu tại Phụ lục kèm theo Báo cáo này.", title="câu dẫn tới phụ lục chỉ tiêu")
    indicators_annex: CleanText = Field(default="Kết quả một số chỉ tiêu công tác thông tin đối ngoại năm {year}", title="tên phụ lục chỉ tiêu")
    shortcomings: CleanText = Field(default="Hạn chế, nguyên nhân", title="tên phần Hạn chế, nguyên nhân")
    limitations: CleanText = Field(default="Hạn chế", title="tên mục Hạn chế")
    causes: CleanText = Field(default="Nguyên nhân", title="tên mục Nguyên nhân")
    directions: CleanText = Field(default="Phương hướng, nhiệm vụ năm {next_year}", title="tên phần Phương hướng, nhiệm vụ")
    proposals: CleanText = Field(default="Đề xuất, kiến nghị", title="tên phần Đề xuất, kiến nghị")


class ReportClosing(Model):
    """``Trên đây là Báo cáo <trích yếu>, <issuer> trân trọng báo cáo <report_to>.`` —
    or a free ``text``."""

    report_to: CleanText | None = Field(default=None, max_length=500, title="cấp trên nhận báo cáo")
    text: CleanText | None = Field(default=None, max_length=5000, title="toàn văn đoạn kết")


class ForeignInfoReport(Model):
    """Báo cáo kết quả công tác thông tin đối ngoại of a commune Đảng ủy or UBND."""

    model_config = ConfigDict(extra="forbid", frozen=True, json_schema_extra=typed_parts_optional(("plan", "sections")))

    kind: Literal["report"] = Field(default="report", title="loại tài liệu")
    profile: CleanText = Field(default="party-hd36-2018", max_length=200, title="hồ sơ thể thức")
    issuer: Issuer = Field(title="cơ quan ban hành")
    number: DocumentNumber = Field(default=None, title="số văn bản")
    date: InputDate | None = Field(default=None, title="ngày ban hành")
    year: int = Field(ge=2000, le=2200, description="the year reported on", title="năm báo cáo")
    period: Period | None = Field(default=None, title="kỳ báo cáo")
    place: CleanText = Field(max_length=200, title="địa danh")
    summary: CleanText = Field(max_length=1000, title="trích yếu")
    plan: PlanReference | None = Field(title="kế hoạch được báo cáo")
    addressees: list[CleanText] = Field(default_factory=list, max_length=50, title="kính gửi")
    # The author's outline (``generic.outline``); without it the body is the standard one
    # built from ``sections``, and ``plan`` and ``sections`` are required.
    outline: list[OutlineNode] | None = Field(default=None, max_length=5000, title="dàn ý", description=OUTLINE_DESCRIPTION)
    opening: Opening | None = Field(default=None, title="đoạn mở đầu")
    sections: ReportSections | None = Field(title="nội dung báo cáo")
    section_order: list[SectionKey] = Field(default_factory=lambda: list(DEFAULT_SECTION_ORDER), min_length=1, title="thứ tự các phần")
    section_titles: ReportSectionTitles = Field(default_factory=ReportSectionTitles, title="tên các phần")
    indicators: list[Indicator] = Field(default_factory=list, max_length=500, title="chỉ tiêu")
    indicators_placement: Literal["body", "annex"] = Field(default="body", title="vị trí bảng chỉ tiêu")
    indicator_labels: IndicatorLabels = Field(default_factory=IndicatorLabels, title="tên cột bảng chỉ tiêu")
    closing: ReportClosing = Field(default_factory=ReportClosing, title="đoạn kết")
    recipients: RecipientList = Field(title="nơi nhận")
    signature: Signer = Field(title="người ký")
    marks: Marks = Field(default_factory=Marks, title="dấu hiệu văn bản")
    not_reported: list[CleanText] = Field(
        title="đơn vị chưa gửi kết quả",
        default_factory=list,
        max_length=200,
        description="units of the plan that sent no results (written by aggregate; not printed)",
    )

    @field_validator("plan", "sections")
    @classmethod
    def _given_without_outline(cls, value: object, info: ValidationInfo) -> object:
        if value is None and info.data.get("outline") is None:
            raise ValueError("phải có nội dung (hoặc viết cả thân văn bản theo dàn ý 'outline')")
        return value

    @field_validator("section_order")
    @classmethod
    def _no_repeats(cls, order: list[SectionKey]) -> list[SectionKey]:
        repeated = sorted({key for key in order if order.count(key) > 1})
        if repeated:
            raise ValueError("mục lặp lại trong 'section_order': " + ", ".join(repeated))
        return order

    @model_validator(mode="before")
    @classmethod
    def _typed_parts_optional_with_outline(cls, data: Any) -> Any:
        """With an outline, the plan reference and the typed sections are optional."""
        if isinstance(data, dict) and data.get("outline") is not None:
            return {"plan": None, "sections": None, **data}
        return data

    @model_validator(mode="after")
    def _consistent(self) -> ForeignInfoReport:
        if self.outline is not None and self.sections is None and (placed := [p for p in self._placed_parts() if p in DEFAULT_SECTION_ORDER]):
            raise ValueError(f"thiếu 'sections' (dàn ý 'outline' đặt phần {', '.join(placed)} bằng 'part')")
        if self.date is not None and self.date.year not in (self.year, self.year + 1):
            raise ValueError(f"ngày ban hành {numeric_date(self.date)} không thuộc năm báo cáo {self.year} hoặc năm sau")
        keys = [i.key for i in self.indicators]
        repeated = sorted({k for k in keys if keys.count(k) > 1})
        if repeated:
            raise ValueError("chỉ tiêu trùng mã (key): " + ", ".join(repeated))
        return self

    # -- what is still missing -------------------------------------------------------

    def missing_parts(self) -> list[FieldProblem]:
        """Every part still to be written, by field path: ``<<CẦN ĐIỀN: …>>`` markers
        and indicators without a value."""
        data = self.model_dump(mode="python")
        problems = todo_problems(data, lambda path: place_of(type(self), data, path))
        problems += [
            FieldProblem(
                f"indicators.{index}.value",
                f"chưa có số liệu '{indicator.name}' (điền số hoặc xóa chỉ tiêu này)",
                place=place_of(type(self), data, f"indicators.{index}.value"),
            )
            for index, indicator in enumerate(self.indicators)
            if indicator.value is None
        ]
        return problems

    def ensure_complete(self) -> None:
        """Raise ``IncompleteDocumentError`` listing what is missing, unless a draft."""
        if self.marks.draft:
            return
        problems = self.missing_parts()
        if problems:
            raise IncompleteDocumentError("báo cáo", problems)

    # -- wording ---------------------------------------------------------------------

    def title(self, key: str) -> str:
        return fill_years(getattr(self.section_titles, key), self.year)

    def _placed_parts(self) -> list[str]:
        return placeholders(list(self.outline or []))

    def closing_part(self) -> str | None:
        """The closing paragraph: the outline's ``part: closing``, else the typed one."""
        node = find_part(list(self.outline or []), "closing")
        if isinstance(node, TextNode):
            return node.paragraph
        return self.closing_text() if self.outline is None else None

    def opening_text(self) -> str:
        if self.opening is None and self.plan is None:
            return ""
        opening = self.opening or Opening(
            bases=[Basis(verb="Thực hiện", documents=[self.plan] if self.plan is not None else [])],
            action=f"báo cáo kết quả thực hiện {(self.period or Period()).text(self.year)}",
        )
        return opening.text_for(self.issuer.display_name)

    def closing_text(self) -> str:
        closing = self.closing
        if closing.text is not None:
            return closing.text
        head = f"Trên đây là Báo cáo {self.summary}"
        if closing.report_to:
            return f"{head}, {self.issuer.display_name} trân trọng báo cáo {closing.report_to}."
        return f"{head} của {self.issuer.display_name}."

    # -- anatomy ---------------------------------------------------------------------

    def _repr_html_(self) -> str:
        """A notebook cell shows the document as it will print (``ttdn_docs.preview``)."""
        from ttdn_docs import display

        return display.html("domain", self)

    def to_document(self) -> AdminDocument:
        """The generic anatomy; refuses a report with parts still to be written unless
        it is a draft (``marks.draft``)."""
        self.ensure_complete()
        if self.outline is not None:
            body = outline_blocks(list(self.outline), self._typed_part)
        else:
            body = [Paragraph(text=self.opening_text())]
            for key in self.section_order:
                body += self._typed_part(key)
            body.append(Paragraph(text=self.closing_text()))
        return admin_document(self, DocumentKind.BAO_CAO, body, self._annexes())

    def _typed_part(self, part: str) -> list[Block]:
        """A typed part in its standard form; a section without content writes nothing."""
        if part == "opening":
            return [Paragraph(text=self.opening_text())] if self.opening_text() else []
        if part == "closing":
            return [Paragraph(text=self.closing_text())]
        if part == "indicators":
            return [Section(title=self.title("indicators"), children=[self._indicator_table_block()])] if self.indicators else []
        if self.sections is None:
            return []
        builders: dict[str, Callable[[], Section | None]] = {
            "leadership": lambda: item_section(self.title("leadership"), list(self._sections.leadership), "bullets"),
            "results": self._results_section,
            "shortcomings": self._shortcomings_section,
            "directions": lambda: item_section(self.title("directions"), list(self._sections.directions), "bullets"),
            "proposals": self._proposals_section,
        }
        section = builders[part]() if part in builders else None
        return [section] if section is not None else []

    @property
    def _sections(self) -> ReportSections:
        assert self.sections is not None
        return self.sections

    def _indicator_table_block(self) -> Block:
        return indicator_table(self.indicators, self.indicator_labels, self.year)

    def _results_section(self) -> Section | None:
        results = self._sections.results
        children: list[Block] = []
        if results.intro is not None:
            children.append(Paragraph(text=results.intro))
        children += [item_section(area.title, list(area.items), "bullets") for area in results.by_content]
        if results.by_unit:
            units: list[Block] = [item_section(unit.unit, list(unit.texts())) for unit in results.by_unit]
            children.append(Section(title=self.title("results_by_unit"), children=units))
        if self.indicators and self.indicators_placement == "body":
            children.append(Section(title=self.title("indicators"), children=[self._indicator_table_block()]))
        elif self.indicators:
            children.append(Paragraph(text=self.title("indicators_in_annex")))
        if not children:
            return None
        return Section(title=self.title("results"), children=children)

    def _shortcomings_section(self) -> Section:
        shortcomings = self._sections.shortcomings
        if not shortcomings.causes:
            return item_section(self.title("shortcomings"), list(shortcomings.limitations), "bullets")
        return Section(
            title=self.title("shortcomings"),
            children=[
                item_section(self.title("limitations"), list(shortcomings.limitations), "bullets"),
                item_section(self.title("causes"), list(shortcomings.causes), "bullets"),
            ],
        )

    def _proposals_section(self) -> Section | None:
        proposals = self._sections.proposals
        return item_section(self.title("proposals"), list(proposals), "bullets") if proposals else None

    def _annexes(self) -> list[Annex]:
        if not self.indicators or self.indicators_placement != "annex":
            return []
        return [Annex(title=self.title("indicators_annex"), body=[self._indicator_table_block()])]

