"""``ttdn-docs serve``: a page in the officer's own browser to write, preview, download,
check and fix documents and to keep the register of numbers — on 127.0.0.1 only, with
nothing sent anywhere. Needs the ``web`` extra: ``pip install "ttdn-docs[web]"``; the
package itself imports Starlette only when the app is asked for.
"""

from typing import TYPE_CHECKING

from ttdn_docs.exports import lazy_exports

if TYPE_CHECKING:
    from ttdn_docs.web.app import create_app

__getattr__, __dir__ = lazy_exports(__name__, {".app": ("create_app",)})

__all__ = ["create_app"]
