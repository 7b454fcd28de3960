"""Rule books as data. ``load_profile("party-hd36-2018")`` or ``load_profile(path)``.

Adding a rule book is adding a YAML file: built-in ones live in ``profiles/data/``; any
other file can be given by path.
"""

from typing import TYPE_CHECKING

from ttdn_docs.exports import lazy_exports

if TYPE_CHECKING:
    from ttdn_docs.profiles.loader import BUILTIN_PROFILES, PROFILE_ALIASES, builtin_profile_ids, load_profile
    from ttdn_docs.profiles.model import Profile, Separator, Style

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        ".loader": ("BUILTIN_PROFILES", "PROFILE_ALIASES", "builtin_profile_ids", "load_profile"),
        ".model": ("Profile", "Separator", "Style"),
    },
)

__all__ = [
    "BUILTIN_PROFILES",
    "PROFILE_ALIASES",
    "Profile",
    "Separator",
    "Style",
    "builtin_profile_ids",
    "load_profile",
]
