"""Collects findings under rule ids of one profile."""

from __future__ import annotations

import re
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


# Rules whose fault usually runs through the whole document (a font, a size, the line
# or paragraph spacing, the indent): the same rule broken the same way in several
# paragraphs is one finding that counts them.
_DOCUMENT_WIDE = re.compile(r"^(?:[A-Z]+\.)?(?:FONT\.[A-Z]+|[A-Z_0-9]+\.(?:SIZE|LINE_SPACING|SPACE_AFTER|INDENT))$")
_LISTED = 8


def merge_document_wide(findings: list[Finding]) -> list[Finding]:
    """One finding per rule, severity and found value for the document-wide rules,
    standing for every paragraph it was found in (message says how many, and which)."""
    groups: dict[tuple[str, str, str], list[Finding]] = {}
    for finding in findings:
        if _DOCUMENT_WIDE.match(finding.rule):
            groups.setdefault((finding.rule, finding.severity, finding.found), []).append(finding)
    out: list[Finding] = []
    for finding in findings:
        group = groups.get((finding.rule, finding.severity, finding.found)) if _DOCUMENT_WIDE.match(finding.rule) else None
        if group is None or len(group) == 1:
            out.append(finding)
            continue
        if group[0] is not finding:
            continue
        numbers = tuple(f.location.paragraph for f in group if f.location.paragraph is not None)
        shown = ", ".join(str(n) for n in numbers[:_LISTED]) + (", …" if len(numbers) > _LISTED else "")
        message = f"{finding.message} Cùng lỗi ở {len(group)} đoạn (đoạn {shown})."
        out.append(replace(finding, message=message, paragraphs=numbers))
    return out


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
