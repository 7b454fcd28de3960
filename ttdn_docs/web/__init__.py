"""``ttdn-docs serve``: a page in the officer's own browser to write, preview, download,
check and fix documents and to keep the register of numbers — on 127.0.0.1 only, with
nothing sent anywhere. Needs the ``web`` extra: ``pip install "ttdn-docs[web]"``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ttdn_docs.web.app import create_app

__all__ = ["create_app"]


def __getattr__(name: str) -> Any:
    # Starlette is an optional extra: import it only when the app is asked for.
    if name == "create_app":
        from ttdn_docs.web.app import create_app

        return create_app
    raise AttributeError(name)
