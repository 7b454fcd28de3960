"""Kept importable from here: the author's outline moved to the generic layer
(``ttdn_docs.generic.outline``), since every document type's body is one."""

from ttdn_docs.generic.outline import (
    OUTLINE_DESCRIPTION as OUTLINE_DESCRIPTION,
    PART_TITLES as PART_TITLES,
    ListNode as ListNode,
    OutlineNode as OutlineNode,
    PartKey as PartKey,
    PlaceholderWriter as PlaceholderWriter,
    SectionNode as SectionNode,
    TableData as TableData,
    TableNode as TableNode,
    TextNode as TextNode,
    find_part as find_part,
    item_texts as item_texts,
    outline_blocks as outline_blocks,
    parts_named as parts_named,
    placeholders as placeholders,
    typed_parts_optional as typed_parts_optional,
    walk as walk,
)
