"""What Phụ lục I asks of the images: the signer's blue, the seal red, both transparent PNGs.

The images are the user's; a wrong one is signed all the same (the signature is valid) but
the officer is told, since the e-office system's reviewer will send it back.
"""

from __future__ import annotations

from pathlib import Path

_WANTED = {"signer": ("xanh", "chữ ký"), "body": ("đỏ", "con dấu")}


def image_notes(image: Path, role: str) -> list[str]:
    """Vietnamese notes on what in ``image`` departs from Phụ lục I (none: all well)."""
    from PIL import Image, UnidentifiedImageError

    colour, what = _WANTED[role]
    try:
        with Image.open(image) as opened:
            kind = opened.format
            picture = opened.convert("RGBA")
    except (OSError, UnidentifiedImageError):
        return [f"không đọc được '{image}' như một hình ảnh; cần tệp PNG nền trong suốt"]
    picture.thumbnail((160, 160))
    raw = picture.tobytes()  # RGBA, four bytes a pixel (getdata is deprecated in Pillow 13)
    pixels = [tuple(raw[i:i + 4]) for i in range(0, len(raw), 4)]
    opaque = [p for p in pixels if p[3] > 128]
    notes = []
    if kind != "PNG":
        notes.append(f"hình {what} nên là tệp PNG (đang là {kind})")
    if len(opaque) > len(pixels) * 0.95:
        notes.append(f"hình {what} chưa có nền trong suốt (Phụ lục I: PNG nền trong suốt)")
    inked = [p for p in opaque if min(p[:3]) < 200]  # leave a white ground out of the colour
    if inked:
        r, g, b = (sum(p[i] for p in inked) / len(inked) for i in range(3))
        is_blue = b > r + 30 and b > g + 10
        is_red = r > g + 50 and r > b + 50
        if (role == "signer" and not is_blue) or (role == "body" and not is_red):
            notes.append(f"hình {what} nên màu {colour} (Phụ lục I)")
    return notes
