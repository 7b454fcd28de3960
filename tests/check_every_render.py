"""Every document any test renders is checked against the profile it was rendered with.

A renderer change that breaks a rule then fails the test that rendered the document,
wherever it is. A test that renders a faulty document on purpose opts out with
``@pytest.mark.check_errors_expected``; property-based tests (random text in every field,
where a lower-case place name is a true finding) are not checked.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

import ttdn_docs.render as render_module
from ttdn_docs.profiles import Profile
from ttdn_docs.render.engine import CompiledTemplate


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "check_errors_expected: the test renders a document that breaks the rules on purpose"
    )


@pytest.fixture(autouse=True)
def _check_every_render(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    if request.node.get_closest_marker("check_errors_expected") or getattr(
        getattr(request, "function", None), "is_hypothesis_test", False
    ):
        yield
        return
    from ttdn_docs.check import check_file

    errors: list[str] = []
    current: list[Profile] = []
    build_context = render_module.build_context
    render = CompiledTemplate.render

    def recording_context(document: Any, profile: Profile, *args: Any, **kwargs: Any) -> Any:
        current[:] = [profile]
        return build_context(document, profile, *args, **kwargs)

    def checked_render(self: CompiledTemplate, context: dict[str, Any], *args: Any) -> bytes:
        data = render(self, context, *args)
        if current:
            errors.extend(f.describe() for f in check_file(data, current[0]).errors)
        return data

    monkeypatch.setattr(render_module, "build_context", recording_context)
    monkeypatch.setattr(CompiledTemplate, "render", checked_render)
    yield
    assert not errors, "the document rendered in this test breaks the rules:\n" + "\n".join(errors)
