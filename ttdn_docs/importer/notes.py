"""What the importer could not place exactly: one warning per paragraph, in Vietnamese."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol


class Placed(Protocol):
    paragraph: int


@dataclass(frozen=True)
class ImportWarning:
    paragraph: int | None  # the paragraph's number in reading order (as the checker counts)
    message: str

    def describe(self) -> str:
        return f"đoạn {self.paragraph}: {self.message}" if self.paragraph is not None else self.message


@dataclass
class Notes:
    warnings: list[ImportWarning] = field(default_factory=list)

    def add(self, paragraph: int | None, message: str) -> None:
        self.warnings.append(ImportWarning(paragraph, message))

    def unplaced(self, node: Placed, where: str) -> None:
        """A paragraph kept as text in ``where`` because it fits no field of the model."""
        self.add(node.paragraph, f"không xếp được vào phần nào của mẫu; giữ nguyên văn trong {where}")
