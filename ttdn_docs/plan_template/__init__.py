"""A plan template: one plan YAML whose values hold placeholders, filled per commune
from the official unit list and a table row.

``batch`` renders many communes from one; ``skeletons`` writes one to start from. It sits
below both (tests/test_layers.py), so neither the skeleton writer nor anything else needs
the batch runner to read a template.
"""

from typing import TYPE_CHECKING

from ttdn_docs.exports import lazy_exports

if TYPE_CHECKING:
    from ttdn_docs.plan_template.expand import Expander, PlaceholderEnvironment, PlaceholderError
    from ttdn_docs.plan_template.fields import FIELDS, commune_fields
    from ttdn_docs.plan_template.row_values import ALIASES, FieldColumn, apply_row, field_columns
    from ttdn_docs.plan_template.table import Table, TableRow, read_table
    from ttdn_docs.plan_template.template import PlanTemplate

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        ".expand": ("Expander", "PlaceholderEnvironment", "PlaceholderError"),
        ".fields": ("FIELDS", "commune_fields"),
        ".row_values": ("ALIASES", "FieldColumn", "apply_row", "field_columns"),
        ".table": ("Table", "TableRow", "read_table"),
        ".template": ("PlanTemplate",),
    },
)

__all__ = [
    "ALIASES",
    "FIELDS",
    "Expander",
    "FieldColumn",
    "PlaceholderEnvironment",
    "PlaceholderError",
    "PlanTemplate",
    "Table",
    "TableRow",
    "apply_row",
    "commune_fields",
    "field_columns",
    "read_table",
]
