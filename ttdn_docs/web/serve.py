"""The ``serve`` subcommand: registration in the CLI and the server run.

Imported by ``cli.py`` for every command, so nothing here imports Starlette or uvicorn
at module level: without the ``web`` extra only ``serve`` itself says what to install.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ttdn_docs.errors import TtdnError

if TYPE_CHECKING:
    import socket

HOST = "127.0.0.1"  # never another interface: the page is for this computer only
DEFAULT_PORT = 8765


def add_serve(commands: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    serve = commands.add_parser("serve", help="mở trang soạn, xem trước, kiểm tra văn bản trên trình duyệt của máy này")
    serve.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"cổng trên 127.0.0.1 (mặc định: {DEFAULT_PORT})")
    serve.add_argument("--register", type=Path, help="sổ đăng ký số (tệp SQLite) cho trang «Sổ đăng ký số» và 'number: auto'")
    serve.add_argument("--no-browser", action="store_true", help="không tự mở trình duyệt")
    serve.set_defaults(handler=run_serve)


def run_serve(args: argparse.Namespace) -> int:
    import threading
    import webbrowser

    server = make_server(args.register)
    listening = bind(args.port)
    url = f"http://{HOST}:{listening.getsockname()[1]}/"
    print(f"Trang ttdn-docs: {url} (chỉ máy này mở được). Dừng: Ctrl+C.", flush=True)
    if not args.no_browser:
        threading.Timer(0.8, webbrowser.open, args=(url,)).start()
    try:
        server.run(sockets=[listening])
    finally:
        listening.close()
    return 0


def bind(port: int) -> socket.socket:
    """A socket listening on 127.0.0.1:``port`` (0: any free port), or one clear message."""
    import socket

    if not 0 <= port <= 65535:
        raise TtdnError(f"Cổng {port} không hợp lệ: chọn một số từ 1 đến 65535.")
    listening = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        listening.bind((HOST, port))
        listening.listen(64)
    except OSError:
        listening.close()
        raise TtdnError(f"Cổng {port} đang được dùng (có thể trang đã mở sẵn): chọn cổng khác bằng --port.") from None
    return listening


def make_server(register: Path | None = None) -> Any:
    """A uvicorn server of the app (not started; ``run`` it on a socket from ``bind``)."""
    try:
        import uvicorn

        from ttdn_docs.web.app import create_app
    except ImportError:
        raise TtdnError('Trang trên trình duyệt cần gói bổ sung: pip install "ttdn-docs[web]"') from None
    from ttdn_docs.register import register_path

    config = uvicorn.Config(
        create_app(register=register_path(register)), host=HOST, log_level="warning",
        server_header=False, date_header=False, lifespan="on",
    )
    return uvicorn.Server(config)
