"""Collects findings under rule ids of one profile."""

from __future__ import annotations

from dataclasses import dataclass, replace

from ttdn_docs.boundedcache import BoundedCache
from ttdn_docs.check.findings import Finding, Severity
from ttdn_docs.docxread.view import Location, Para
from ttdn_docs.check.rules import ElementSpec, Rule, element_specs, lookup, rule_id, rules, severity_of, source_of
from ttdn_docs.profiles.model import Profile, Style


class Reporter:
    def __init__(self, profile: Profile) -> None:
        self.profile = profile
        catalogue = _catalogue(profile)
        self.rules: dict[str, Rule] = catalogue.rules
        # Element key → (spec, the profile's style for it), resolved once per profile.
        self.element_styles: dict[str, tuple[ElementSpec, Style]] = catalogue.element_styles
        self.findings: list[Finding] = []
        # Paragraph number → the numbered heading it stands under ("II.1"), once read.
        self.sections: dict[int, str] = {}

    def add(
        self,
        code: str,
        where: Para | Location | None,
        message: str,
        *,
        expected: object = "",
        found: object = "",
        severity: Severity | None = None,
    ) -> None:
        """Report a broken rule. ``code`` must be in the catalogue (a typo is a bug)."""
        rule = self.rules[code]
        source = source_of(self.profile, rule.source_path)
        if isinstance(where, Para):
            location = where.location()
        else:
            location = where or Location("body")
        if location.story == "body" and location.paragraph in self.sections:
            location = replace(location, section=self.sections[location.paragraph])
        self.findings.append(
            Finding(
                rule=rule_id(self.profile, code),
                severity=severity or severity_of(self.profile, rule),
                message=message,
                location=location,
                expected=_text(expected),
                found=_text(found),
                ref=source.ref if source is not None else "",
                path=rule.path,
                title=rule.title,
            )
        )


def _text(value: object) -> str:
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


@dataclass(frozen=True)
class _Catalogue:
    profile: Profile
    rules: dict[str, Rule]
    element_styles: dict[str, tuple[ElementSpec, Style]]


# The rule catalogue of the last profiles used, kept with the profile itself so that an
# id reused by a new object never returns another profile's rules.
_CATALOGUES: BoundedCache[int, _Catalogue] = BoundedCache(16)


def _catalogue(profile: Profile) -> _Catalogue:
    found = _CATALOGUES.get(id(profile))
    if found is None or found.profile is not profile:
        styles = {spec.key: (spec, lookup(profile, spec.path)) for spec in element_specs(profile)}
        found = _CATALOGUES.put(id(profile), _Catalogue(profile, rules(profile), styles))
    return found
