"""An uploaded file saved into a request's own temporary folder."""

from __future__ import annotations

import re
from pathlib import Path

from starlette.datastructures import UploadFile

from ttdn_docs.web.workspace import safe_name

_CHUNK = 1024 * 1024


async def saved_upload(upload: UploadFile, folder: Path) -> Path:
    """``upload`` written to ``folder`` under a safe form of its name (the size was
    already capped when the request was read)."""
    path = folder / safe_name(upload.filename or "")
    with path.open("wb") as out:
        while chunk := await upload.read(_CHUNK):
            out.write(chunk)
    await upload.close()
    return path


def named(message: str, path: Path, name: str) -> str:
    """A library message about the saved ``path`` told with the name the officer chose
    (never the temporary folder)."""
    return re.sub(f"{re.escape(str(path))}|{re.escape(path.name)}", lambda _: name, message)
