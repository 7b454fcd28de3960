"""LibreOffice, run headless: the one module that starts it (conversions to .docx, .odt
and PDF, for the reader and the renderer alike).

Each run has a throw-away profile, so that parallel conversions and a user's own
LibreOffice session do not collide.
"""

from __future__ import annotations

import functools
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from ttdn_docs.errors import RenderError

CONVERT_TIMEOUT_S = 180
# A file from outside (import of .doc/.odt) converts in seconds or not at all.
IMPORT_TIMEOUT_S = 90

# The filter named, not guessed: a file that began as a web page (HTML saved as .odt)
# opens as a «Writer/Web» document, for which LibreOffice finds no .docx filter by itself.
EXPORT_FILTERS = {"docx": "docx:MS Word 2007 XML", "odt": "odt:writer8"}


def soffice_path() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def soffice_convert(
    source: Path, target_format: str, *, export_filter: str | None = None, timeout: float = CONVERT_TIMEOUT_S
) -> bytes:
    """The bytes of ``source`` converted by LibreOffice to ``target_format`` (``pdf``,
    ``docx``, ``odt``) with ``export_filter`` (default: ``EXPORT_FILTERS``' one)."""
    produced = soffice_convert_many([source], target_format, export_filter=export_filter, timeout=timeout)[source]
    if produced is None:
        raise RenderError(f"LibreOffice không chuyển được '{source}' sang {target_format.upper()}")
    return produced


def soffice_convert_many(
    sources: list[Path], target_format: str, *, export_filter: str | None = None, timeout: float = CONVERT_TIMEOUT_S
) -> dict[Path, bytes | None]:
    """Each of ``sources`` converted in one LibreOffice run (a run costs a start of about a
    second, so a batch converts many at once); ``None`` for a file LibreOffice could not
    convert. The sources must have distinct names. LibreOffice runs in a throw-away
    profile that forbids linked content and macros and sends requests to a proxy that is
    not there, with no network at all where ``unshare -n`` works (a file from outside may
    link images or pages on a server: opening it must not reach the officer's network),
    and is killed with its children past ``timeout`` seconds."""
    soffice = soffice_path()
    if soffice is None:
        first = sources[0] if sources else ""
        raise RenderError(
            f"Cần LibreOffice (lệnh soffice) để chuyển '{first}' sang {target_format.upper()}; "
            "hãy cài LibreOffice (gói libreoffice-writer)"
        )
    with tempfile.TemporaryDirectory(prefix="ttdn-soffice-") as work:
        profile = Path(work, "profile")
        (profile / "user").mkdir(parents=True)
        (profile / "user" / "registrymodifications.xcu").write_text(_LOCKED_DOWN_SETTINGS, encoding="utf-8")
        command = [
            *no_network_prefix(), soffice, "--headless", "--norestore", "--nolockcheck",
            f"-env:UserInstallation={profile.as_uri()}",
            "--convert-to", export_filter or EXPORT_FILTERS.get(target_format, target_format), "--outdir", work,
            *map(str, sources),
        ]
        environment = {k: v for k, v in os.environ.items() if k.lower() != "no_proxy"} | _PROXY_ENV
        process = subprocess.Popen(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True, env=environment
        )
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            _kill_group(process)
            what = f"'{sources[0]}'" if len(sources) == 1 else f"{len(sources)} tệp"
            raise RenderError(
                f"LibreOffice không chuyển xong {what} sang {target_format.upper()} trong {timeout:.0f} giây"
            ) from None
        out: dict[Path, bytes | None] = {}
        for source in sources:
            produced = Path(work) / (source.stem + "." + target_format)
            out[source] = produced.read_bytes() if produced.is_file() else None
        return out


def _kill_group(process: subprocess.Popen[bytes]) -> None:
    """Kill LibreOffice and the processes it started (soffice.bin outlives oosplash)."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    process.wait()


@functools.cache
def no_network_prefix() -> tuple[str, ...]:
    """``unshare -n`` (root) or ``unshare -rn`` (a user namespace) when it works here:
    the converter then has no network at all. Empty where neither works (the profile's
    settings still forbid linked content)."""
    unshare = shutil.which("unshare")
    if unshare is None:
        return ()
    for prefix in ((unshare, "-n"), (unshare, "-r", "-n")):
        try:
            probe = subprocess.run([*prefix, "true"], capture_output=True, timeout=10, check=False)
        except (OSError, subprocess.TimeoutExpired):
            continue
        if probe.returncode == 0:
            return prefix
    return ()


# The throw-away profile's settings: links to other files or servers are never updated
# or followed, macros never run, and the internet goes through a proxy that is not there
# (1 = manual proxy; port 9 is "discard", closed on an ordinary machine).
_LOCKED_DOWN_SETTINGS = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" \
xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="BlockUntrustedRefererLinks" \
oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="MacroSecurityLevel" \
oor:op="fuse"><value>3</value></prop></item>
<item oor:path="/org.openoffice.Office.Common/Security/Scripting"><prop oor:name="DisableMacrosExecution" \
oor:op="fuse"><value>true</value></prop></item>
<item oor:path="/org.openoffice.Office.Writer/Content/Update"><prop oor:name="Link" \
oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Inet/Settings"><prop oor:name="ooInetProxyType" oor:op="fuse"><value>1</value></prop></item>
<item oor:path="/org.openoffice.Inet/Settings"><prop oor:name="ooInetHTTPProxyName" oor:op="fuse"><value>127.0.0.1</value></prop></item>
<item oor:path="/org.openoffice.Inet/Settings"><prop oor:name="ooInetHTTPProxyPort" oor:op="fuse"><value>9</value></prop></item>
<item oor:path="/org.openoffice.Inet/Settings"><prop oor:name="ooInetHTTPSProxyName" oor:op="fuse"><value>127.0.0.1</value></prop></item>
<item oor:path="/org.openoffice.Inet/Settings"><prop oor:name="ooInetHTTPSProxyPort" oor:op="fuse"><value>9</value></prop></item>
<item oor:path="/org.openoffice.Inet/Settings"><prop oor:name="ooInetFTPProxyName" oor:op="fuse"><value>127.0.0.1</value></prop></item>
<item oor:path="/org.openoffice.Inet/Settings"><prop oor:name="ooInetFTPProxyPort" oor:op="fuse"><value>9</value></prop></item>
<item oor:path="/org.openoffice.Inet/Settings"><prop oor:name="ooInetNoProxy" oor:op="fuse"><value></value></prop></item>
</oor:items>
"""
# Where no network namespace can be made, every request goes to a proxy that is not there.
_DEAD_PROXY = "http://127.0.0.1:9"
_PROXY_ENV = {name: _DEAD_PROXY for name in ("http_proxy", "https_proxy", "ftp_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "FTP_PROXY", "ALL_PROXY")}
