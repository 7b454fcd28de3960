"""Rule books as data. ``load_profile("party-hd36-2018")`` or ``load_profile(path)``.

Adding a rule book is adding a YAML file: built-in ones live in ``profiles/data/``; any
other file can be given by path.
"""

from ttdn_docs.profiles.loader import BUILTIN_PROFILES, builtin_profile_ids, load_profile
from ttdn_docs.profiles.model import Profile, Separator, Style

__all__ = ["BUILTIN_PROFILES", "Profile", "Separator", "Style", "builtin_profile_ids", "load_profile"]
