"""The header against the rule book and the official list of units.

* An issuer belongs to one rule book: a Party body (Đảng ủy) is never printed under the
  Quốc hiệu, a State body (Ủy ban nhân dân) never under ĐẢNG CỘNG SẢN VIỆT NAM — the
  number, the T/M line and the header would all be of the wrong book. The words telling
  them apart are profile data (``other_family_issuers``, shared with the checker); a
  user's own profile with an empty list prints any issuer.
* With ``commune_code`` given, the issuer and the place must be spelled as in the official
  list (``Thanh Mien`` → ``Thanh Miện``): a warning, or a refusal under ``--strict``.
"""

from __future__ import annotations

from typing import Any

from ttdn_docs.errors import FieldProblem, InputError
from ttdn_docs.profiles import Profile
from ttdn_docs.ttdn.commune import FAMILIES, commune_issuer
from ttdn_docs.ttdn.common import Issuer
from ttdn_docs.units import UnitNotFoundError, get_commune, place_name
from ttdn_docs.units.keys import name_key


def check_issuer_family(document: Any, profile: Profile, source: str) -> None:
    """Refuse an issuer of the other rule book (``InputError`` naming the issuer): its name
    starts like one of the profile's ``other_family_issuers`` (the data the checker uses
    to tell a document checked against the wrong profile)."""
    issuer = getattr(document, "issuer", None)
    if not isinstance(issuer, Issuer) or not profile.other_family_issuers:
        return
    name = name_key(issuer.display_name)
    if not any(name.startswith(name_key(start)) for start in profile.other_family_issuers if name_key(start)):
        return
    message = (
        f"'{issuer.display_name}' không phải cơ quan ban hành theo hồ sơ thể thức '{profile.id}' "
        f"({profile.title}): tiêu đề, số ký hiệu và thẩm quyền ký sẽ sai khối. Hãy bỏ --profile để dùng "
        "hồ sơ ghi trong tệp, chọn hồ sơ của khối kia, hoặc dùng hồ sơ riêng ghi cơ quan này ở 'other_family_issuers'"
    )
    raise InputError(source, [FieldProblem("issuer.name", message, place="cơ quan ban hành")])


def official_spelling(document: Any, profile: Profile) -> list[FieldProblem]:
    """Where the issuer or the place differs from the official list for ``commune_code``."""
    issuer = getattr(document, "issuer", None)
    if not isinstance(issuer, Issuer) or not issuer.commune_code or profile.family not in FAMILIES:
        return []
    try:
        commune = get_commune(issuer.commune_code)
    except UnitNotFoundError:
        return [FieldProblem("issuer.commune_code", f"mã xã '{issuer.commune_code}' không có trong danh mục", place="mã xã")]
    official = commune_issuer(commune, profile.family)
    problems = []
    pairs = [("issuer.name", "tên cơ quan ban hành", issuer.display_name, official.display_name)]
    if issuer.superior and official.superior:
        pairs.append(("issuer.superior", "cơ quan cấp trên", " ".join(issuer.superior), " ".join(official.superior)))
    place = getattr(document, "place", None)
    if isinstance(place, str) and place:
        pairs.append(("place", "địa danh", place, place_name(commune)))
    for path, what, typed, expected in pairs:
        if name_key(typed) != name_key(expected):
            problems.append(
                FieldProblem(
                    path,
                    f"'{typed}' khác danh mục đơn vị hành chính (mã {commune.code}): "
                    f"'{expected}'; hãy sửa cho đúng, hoặc bỏ commune_code nếu không phải xã này",
                    place=what,
                )
            )
    return problems
