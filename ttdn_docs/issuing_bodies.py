"""The issuing bodies of a commune, from the profile's ``bodies:`` data.

A body (Đảng ủy, its Ban Thường vụ, a chi bộ, the Văn phòng; UBND, HĐND, Ủy ban MTTQ)
gives the header lines, the abbreviation, the signer and the archive entry a skeleton
writes (``init document --body``), and whether a deputy may sign for its head: a cấp ủy
is a collective, so its deputy signs T/M with his own post and a K/T line under it is
refused here, naming the field.
"""

from __future__ import annotations

from typing import Any

from ttdn_docs.admin import SignatureAuthority
from ttdn_docs.datafile import LineMap
from ttdn_docs.errors import FieldProblem, InputError, TtdnError
from ttdn_docs.profiles import Profile
from ttdn_docs.profiles.model import IssuingBody
from ttdn_docs.ttdn.commune import FAMILIES, commune_issuer
from ttdn_docs.units import Commune
from ttdn_docs.units.keys import name_key


def body_of(profile: Profile, key: str) -> IssuingBody:
    """The body ``key`` of the profile; a Vietnamese error listing the bodies it has."""
    found = profile.bodies.get(key)
    if found is None:
        listed = ", ".join(f"{k} ({body.name})" for k, body in profile.bodies.items()) or "không có"
        raise TtdnError(f"Hồ sơ thể thức '{profile.id}' không có cơ quan ban hành '{key}' (--body); chọn một trong: {listed}.")
    return found


def body_fields(profile: Profile, body: IssuingBody, commune: Commune, unit: str | None = None) -> dict[str, Any]:
    """The ``issuer`` and ``signature`` of a document of ``body`` in ``commune`` (``unit``:
    a chi bộ's own name), and its archive entries. The commune's code goes with the
    commune's own issuer only (the official list names no chi bộ or HĐND)."""
    words = {"commune": commune.full_name, "province": commune.province.full_name, "unit": unit or ""}
    if "{unit}" in " ".join([*body.superior, *body.lines]) and not unit:
        raise TtdnError(f"{body.name} cần tên riêng: thêm --unit-name (ví dụ --unit-name \"Thôn Đông\").")
    lines = [line.format_map(words) for line in body.lines]
    issuer: dict[str, Any] = {
        "superior": [line.format_map(words) for line in body.superior],
        "name": lines[0] if len(lines) == 1 else lines,
        "abbreviation": body.abbreviation,
        "commune_code": commune.code,
    }
    if not issuer["superior"]:
        del issuer["superior"]
    if profile.family not in FAMILIES or name_key(" ".join(lines)) != name_key(commune_issuer(commune, profile.family).display_name):
        del issuer["commune_code"]
    signature: dict[str, Any] = {"position": body.position}
    if body.collective is not None:
        signature = {"collective": body.collective, **signature}
    return {"issuer": issuer, "signature": signature, "archive": list(body.archive)}


def body_of_issuer(profile: Profile, issuer_lines: list[str]) -> IssuingBody | None:
    """The profile's body whose header lines the issuer's start like (``Chi bộ …``);
    the longest such start wins."""
    typed = name_key(" ".join(issuer_lines))
    found: tuple[int, IssuingBody | None] = (0, None)
    for body in profile.bodies.values():
        start = name_key(" ".join(body.lines).split("{", 1)[0])
        if start and typed.startswith(start) and len(start) > found[0]:
            found = (len(start), body)
    return found[1]


def check_signing_body(document: Any, profile: Profile, source: str, lines: LineMap | None = None) -> None:
    """Refuse a deputy signing for the head (K/T) of a body that has none: a cấp ủy."""
    issuer, signature = getattr(document, "issuer", None), getattr(document, "signature", None)
    if issuer is None or signature is None or not profile.bodies:
        return
    if signature.authority is not SignatureAuthority.DEPUTY or signature.collective is not None:
        return
    body = body_of_issuer(profile, list(issuer.lines))
    if body is None or body.deputy_for_head:
        return
    collective = body.collective or body.name
    message = (
        f"{body.name} là tập thể: cấp phó không ký thay (K/T) mà ký thay mặt tập thể — ghi "
        f"'collective: {collective}' và chức vụ của mình ở 'position' (ví dụ Phó Bí thư)"
    )
    line = (lines or {}).get(("signature", "authority"))
    raise InputError(source, [FieldProblem("signature.authority", message, line, place="thẩm quyền ký")])
