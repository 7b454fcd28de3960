"""The library's front door: load any supported input, render it to a file.

Used by the CLI and by other commune tools that import ttdn_docs.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol

from ttdn_docs.admin import AdminDocument
from ttdn_docs.datafile import load_data, validate
from ttdn_docs.errors import FieldProblem, InputError
from ttdn_docs.profiles import Profile, load_profile
from ttdn_docs.profiles.model import Profile as ProfileModel
from ttdn_docs.render import write_docx
from ttdn_docs.ttdn.plan import ForeignInfoPlan


class DomainDocument(Protocol):
    """What every domain model offers: its profile id and its generic anatomy."""

    profile: str

    def to_document(self) -> AdminDocument: ...


# kind field in the input → model; later kinds (report) register here.
DOCUMENT_MODELS: dict[str, type[Any]] = {"plan": ForeignInfoPlan}


def load_document(path: Path) -> DomainDocument:
    """Load a plan (or any registered kind, chosen by its ``kind:`` field) from a file."""
    data, lines = load_data(Path(path))
    kind = data.get("kind", "plan") if isinstance(data, dict) else "plan"
    model = DOCUMENT_MODELS.get(str(kind))
    if model is None:
        known = ", ".join(sorted(DOCUMENT_MODELS))
        raise InputError(str(path), [FieldProblem("kind", f"loại tài liệu '{kind}' không được hỗ trợ; chấp nhận: {known}", lines.get(("kind",)))])
    document: DomainDocument = validate(model, data, str(path), lines)
    return document


def resolve_profile(document: DomainDocument, profile: str | Path | Profile | None = None) -> Profile:
    if isinstance(profile, ProfileModel):
        return profile
    return load_profile(profile if profile is not None else document.profile)


def render_file(
    document: DomainDocument,
    output: Path,
    *,
    profile: str | Path | Profile | None = None,
    template: Path | None = None,
    overwrite: bool = True,
) -> Path:
    """Render a domain document to ``output`` (atomic write)."""
    chosen = resolve_profile(document, profile)
    return write_docx(document.to_document(), chosen, Path(output), template, overwrite=overwrite)


def json_schema(what: str) -> dict[str, Any]:
    """JSON Schema of an input kind (``plan``) or of a profile file (``profile``)."""
    if what == "profile":
        return ProfileModel.model_json_schema()
    return DOCUMENT_MODELS[what].model_json_schema()
