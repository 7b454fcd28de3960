"""The foreign-information (thông tin đối ngoại) domain: plan and report schemas, the
report scaffold from a plan and the aggregation of the units' result files."""

from typing import TYPE_CHECKING

from ttdn_docs.exports import lazy_exports

if TYPE_CHECKING:
    from ttdn_docs.ttdn.aggregate import Aggregation, aggregate
    from ttdn_docs.generic.parts import Basis, Citation, Issuer, RecipientList, Signer
    from ttdn_docs.ttdn.indicators import Indicator, IndicatorLabels
    from ttdn_docs.ttdn.load import load_plan, load_report
    from ttdn_docs.ttdn.plan import Closing, ForeignInfoPlan, Opening, UnitTasks
    from ttdn_docs.ttdn.report import ForeignInfoReport, PlanReference, ReportSections, ReportSectionTitles
    from ttdn_docs.ttdn.scaffold import ReportOutline, load_outline, report_from_plan
    from ttdn_docs.ttdn.unit_results import UnitFile, UnitResults, load_unit_file

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        ".aggregate": ("Aggregation", "aggregate"),
        "ttdn_docs.generic.parts": ("Basis", "Citation", "Issuer", "RecipientList", "Signer"),
        ".indicators": ("Indicator", "IndicatorLabels"),
        ".load": ("load_plan", "load_report"),
        ".plan": ("Closing", "ForeignInfoPlan", "Opening", "UnitTasks"),
        ".report": ("ForeignInfoReport", "PlanReference", "ReportSections", "ReportSectionTitles"),
        ".scaffold": ("ReportOutline", "load_outline", "report_from_plan"),
        ".unit_results": ("UnitFile", "UnitResults", "load_unit_file"),
    },
)

__all__ = [
    "Aggregation",
    "Basis",
    "Citation",
    "Closing",
    "ForeignInfoPlan",
    "ForeignInfoReport",
    "Indicator",
    "IndicatorLabels",
    "Issuer",
    "Opening",
    "PlanReference",
    "RecipientList",
    "ReportOutline",
    "ReportSectionTitles",
    "ReportSections",
    "Signer",
    "UnitFile",
    "UnitResults",
    "UnitTasks",
    "aggregate",
    "load_outline",
    "load_plan",
    "load_report",
    "load_unit_file",
    "report_from_plan",
]
