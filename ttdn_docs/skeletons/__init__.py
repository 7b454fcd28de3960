"""Starting points to edit: ``ttdn-docs init plan`` writes a commune's plan skeleton,
``ttdn-docs init document`` a document of any type."""

from typing import TYPE_CHECKING

from ttdn_docs.exports import lazy_exports

if TYPE_CHECKING:
    from ttdn_docs.skeletons.document import document_skeleton, document_skeleton_data
    from ttdn_docs.skeletons.plan import plan_skeleton, plan_skeleton_data

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        ".document": ("document_skeleton", "document_skeleton_data"),
        ".plan": ("plan_skeleton", "plan_skeleton_data"),
    },
)

__all__ = ["document_skeleton", "document_skeleton_data", "plan_skeleton", "plan_skeleton_data"]
