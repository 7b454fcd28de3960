"""Digital signatures as Nghị định 30/2020 (Phụ lục I) draws them: prepare, sign, verify.

An optional extra (``pip install "ttdn-docs[sign]"``, on pyHanko): ``prepare_pdf`` adds
empty named fields where the signer's image, the body's seal and an attachment's or copy's
text go; ``sign_pdf`` signs (PAdES B-B, B-T, B-LT) with a PKCS#12 file or a PKCS#11 token,
the body only after the signer (Điều 32); ``verify_pdf`` reports each signature. Keys and
PINs are never written anywhere (see ``keys``).
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from contextlib import contextmanager

from ttdn_docs.errors import TtdnError

# pyHanko imports cryptography's DSA support, which warns in English on every run; DSA is
# not used here.
warnings.filterwarnings("ignore", message="DSA is deprecated")

# The variable that holds the PIN; here so that the commands' help names it without
# loading the key handling (``keys``).
PIN_ENV = "TTDN_SIGN_PIN"

_MODULES = ("pyhanko", "pyhanko_certvalidator", "pypdfium2", "fontTools", "PIL")


def require_extra() -> None:
    """Raise one Vietnamese message when the ``sign`` extra is not installed."""
    import importlib.util

    missing = [m for m in _MODULES if importlib.util.find_spec(m) is None]
    if missing:
        raise TtdnError(
            "chức năng ký số cần cài thêm: pip install \"ttdn-docs[sign]\" (thiếu " + ", ".join(missing) + ")"
        )


@contextmanager
def quiet_pyhanko() -> Iterator[None]:
    """pyHanko logs its findings in English (with tracebacks); ours are the Vietnamese report."""
    import logging  # here, not at the top: ``ttdn-docs --help`` registers the sign commands

    logger = logging.getLogger("pyhanko")
    level = logger.level
    logger.setLevel(logging.CRITICAL + 1)
    try:
        yield
    finally:
        logger.setLevel(level)
