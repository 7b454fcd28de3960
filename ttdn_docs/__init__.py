"""ttdn_docs — compliant Vietnamese administrative documents for commune foreign-information
work (thông tin đối ngoại): plans and reports under the Party and State rule books.

Quick start::

    from ttdn_docs import load_plan, load_profile, render_docx
    plan = load_plan("examples/thanh_mien_2025/plan.yaml")
    data = render_docx(plan.to_document(), load_profile(plan.profile))
"""

__version__ = "0.1.0"

from typing import TYPE_CHECKING

from ttdn_docs import display
from ttdn_docs.exports import lazy_exports

if TYPE_CHECKING:
    from ttdn_docs.api import load_document, render_file
    from ttdn_docs.document_kinds import register_document_kind
    from ttdn_docs.generic import GenericDocument
    from ttdn_docs.errors import InputError, TtdnError
    from ttdn_docs.importer import load_docx
    from ttdn_docs.profiles import Profile, load_profile
    from ttdn_docs.render import render_docx, write_docx, write_docx_stream
    from ttdn_docs.ttdn import ForeignInfoPlan, load_plan
    from ttdn_docs.ttdn.rollover import rollover

# Notebook cells of models below the renderer are made by ``preview`` (see ``display``).
display.set_provider("ttdn_docs.preview")

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        ".api": ("load_document", "render_file"),
        ".document_kinds": ("register_document_kind",),
        ".generic": ("GenericDocument",),
        ".errors": ("InputError", "TtdnError"),
        ".importer": ("load_docx",),
        ".profiles": ("Profile", "load_profile"),
        ".render": ("render_docx", "write_docx", "write_docx_stream"),
        ".ttdn": ("ForeignInfoPlan", "load_plan"),
        ".ttdn.rollover": ("rollover",),
    },
)

__all__ = [
    "ForeignInfoPlan",
    "GenericDocument",
    "InputError",
    "Profile",
    "TtdnError",
    "__version__",
    "load_document",
    "load_docx",
    "load_plan",
    "load_profile",
    "register_document_kind",
    "render_docx",
    "render_file",
    "rollover",
    "write_docx",
    "write_docx_stream",
]
