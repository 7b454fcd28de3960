"""Many communes × one plan template → one .docx per commune, with a manifest.

>>> from ttdn_docs.batch import run_batch
>>> from ttdn_docs.units import communes_in_province
>>> result = run_batch("examples/batch/plan-template.yaml", "out",
...                    communes=communes_in_province("31"), workers=2)  # doctest: +SKIP

See ``docs/batch.md``: template placeholders (``FIELDS``), the table, file names, the
manifest and resuming a killed batch.
"""

from typing import TYPE_CHECKING

from ttdn_docs.exports import lazy_exports

if TYPE_CHECKING:
    from ttdn_docs.plan_template.expand import Expander, PlaceholderEnvironment
    from ttdn_docs.plan_template.fields import FIELDS, commune_fields
    from ttdn_docs.batch.manifest import COLUMNS, MANIFEST_CSV, MANIFEST_JSON, ManifestEntry
    from ttdn_docs.plan_template.template import PlanTemplate
    from ttdn_docs.batch.progress import Progress
    from ttdn_docs.plan_template.row_values import ALIASES
    from ttdn_docs.batch.runner import BatchResult, CheckHook, output_name, run_batch
    from ttdn_docs.plan_template.table import Table, TableRow, read_table

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "ttdn_docs.plan_template.expand": ("Expander", "PlaceholderEnvironment"),
        "ttdn_docs.plan_template.fields": ("FIELDS", "commune_fields"),
        ".manifest": ("COLUMNS", "MANIFEST_CSV", "MANIFEST_JSON", "ManifestEntry"),
        "ttdn_docs.plan_template.template": ("PlanTemplate",),
        ".progress": ("Progress",),
        "ttdn_docs.plan_template.row_values": ("ALIASES",),
        ".runner": ("BatchResult", "CheckHook", "output_name", "run_batch"),
        "ttdn_docs.plan_template.table": ("Table", "TableRow", "read_table"),
    },
)

__all__ = [
    "ALIASES",
    "COLUMNS",
    "FIELDS",
    "MANIFEST_CSV",
    "MANIFEST_JSON",
    "BatchResult",
    "CheckHook",
    "Expander",
    "ManifestEntry",
    "PlaceholderEnvironment",
    "PlanTemplate",
    "Progress",
    "Table",
    "TableRow",
    "commune_fields",
    "output_name",
    "read_table",
    "run_batch",
]
