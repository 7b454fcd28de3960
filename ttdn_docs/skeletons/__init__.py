"""Starting points to edit: ``ttdn-docs init plan`` writes a commune's plan skeleton."""

from typing import TYPE_CHECKING

from ttdn_docs.exports import lazy_exports

if TYPE_CHECKING:
    from ttdn_docs.skeletons.plan import plan_skeleton, plan_skeleton_data

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        ".plan": ("plan_skeleton", "plan_skeleton_data"),
    },
)

__all__ = ["plan_skeleton", "plan_skeleton_data"]
