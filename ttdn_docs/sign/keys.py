"""Where the signing key lives, and how its PIN is asked for.

The library never writes a key, a certificate's private part or a PIN anywhere: a PKCS#12
file is read into memory for the one signature, a PKCS#11 token keeps its key inside and
only signs a digest. The PIN comes from an environment variable or a prompt, never from a
command-line argument (which other users of the machine can read from the process list).
"""

from __future__ import annotations

import getpass
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ttdn_docs.errors import TtdnError
from ttdn_docs.sign import PIN_ENV


class SigningKeyError(TtdnError):
    pass


@dataclass(frozen=True)
class KeySource:
    """A PKCS#12 file (``.p12``, ``.pfx``) or a PKCS#11 module with its token."""

    pkcs12: Path | None = None
    pkcs11_module: str | None = None
    token_label: str | None = None
    key_label: str | None = None
    cert_label: str | None = None

    def describe(self) -> str:
        if self.pkcs12 is not None:
            return f"tệp khóa {self.pkcs12}"
        token = f" (thiết bị '{self.token_label}')" if self.token_label else ""
        return f"thiết bị ký số qua {self.pkcs11_module}{token}"


def read_pin(env_var: str = PIN_ENV, *, what: str = "mã PIN") -> str:
    """The PIN from ``env_var`` when set, else from a prompt that does not echo."""
    value = os.environ.get(env_var)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise SigningKeyError(
            f"cần {what}: đặt biến môi trường {env_var} hoặc chạy lệnh trên màn hình để nhập "
            "(không nhập mã PIN trên dòng lệnh)"
        )
    return getpass.getpass(f"Nhập {what}: ")


@contextmanager
def open_signer(source: KeySource, pin: str) -> Iterator[Any]:
    """A pyHanko signer for ``source``; a PKCS#11 session is closed on leaving."""
    if source.pkcs12 is not None:
        yield _pkcs12_signer(source.pkcs12, pin)
        return
    if source.pkcs11_module is None:
        raise SigningKeyError("cần chọn nơi giữ khóa ký: --pkcs12 TỆP hoặc --pkcs11 THƯ_VIỆN")
    from pyhanko.config.pkcs11 import TokenCriteria
    from pyhanko.sign.pkcs11 import PKCS11Signer, open_pkcs11_session

    try:
        session = open_pkcs11_session(
            source.pkcs11_module,
            token_criteria=TokenCriteria(label=source.token_label) if source.token_label else None,
            user_pin=pin,
        )
    except Exception:  # the module's own errors say nothing an officer can act on
        raise SigningKeyError(
            f"không mở được {source.describe()}: kiểm tra thiết bị đã cắm, đường dẫn thư viện PKCS#11 "
            "và mã PIN"
        ) from None
    try:
        yield PKCS11Signer(session, key_label=source.key_label, cert_label=source.cert_label or source.key_label)
    finally:
        session.close()


def _pkcs12_signer(path: Path, pin: str) -> Any:
    from pyhanko.sign import signers

    if not path.is_file():
        raise SigningKeyError(f"không có tệp khóa '{path}'")
    from ttdn_docs.sign import quiet_pyhanko

    with quiet_pyhanko():  # its log line for a wrong password is English
        signer = signers.SimpleSigner.load_pkcs12(  # type: ignore[no-untyped-call]
            str(path), passphrase=pin.encode("utf-8") if pin else None
        )
    if signer is None:
        raise SigningKeyError(f"không mở được tệp khóa '{path}': sai mật khẩu hoặc tệp không phải PKCS#12 (.p12, .pfx)")
    return signer
