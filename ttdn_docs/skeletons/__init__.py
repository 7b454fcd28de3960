"""Starting points to edit: ``ttdn-docs init plan`` writes a commune's plan skeleton."""

from ttdn_docs.skeletons.plan import plan_skeleton, plan_skeleton_data

__all__ = ["plan_skeleton", "plan_skeleton_data"]
