"""The clinical review sheet (`betterback review-sheet -o FILE.pdf`): every clinical
statement of the content in use, Danish beside English, with its sources and version, and a
sign-off block after each part, for a clinician who reviews the content before a clinic uses it.

The parts, in order: the warning-sign texts every page shows, the warning-sign screen (signs,
urgencies, combinations), the thresholds for change and the patients' words for each band, the
materials of the content pack, and the clinicians' course. Built from the loaded pack and
definitions, so the sheet is always the content the app shows.
"""

from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _

from betterback.content.model import Material, Text
from betterback.content.pack import pack, safety
from betterback.printing.pdf import render_pdf
from betterback.questionnaires.definitions import Instrument, instruments
from betterback.safety.models import Level
from betterback.training.course import course


@dataclass
class Row:
    label: str
    da: str
    en: str
    sources: tuple[str, ...] = ()  # citations


@dataclass
class Part:
    number: int
    title: str
    version: str
    rows: list[Row] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)  # every citation of the part
    note: str = ""


def _words() -> dict[str, str]:
    """The labels of the sheet's rows, in the active language."""
    return {
        "heading": _("heading"),
        "text": _("text"),
        "reason shown to the clinician": _("reason shown to the clinician"),
        "combination": _("combination"),
        "variant": _("variant"),
        "explained to the patient": _("explained to the patient"),
        "quiz": _("quiz"),
        "feedback": _("feedback"),
    }


def _row(label: str, text: Text | None, citations: tuple[str, ...] = ()) -> list[Row]:
    if text is None:
        return []
    by_language = text.by_language
    return [Row(label, by_language["da"], by_language["en"], citations)]


def _both(text: Text) -> str:
    return f"{text.by_language['da']} / {text.by_language['en']}"


def _cite(ids, citations: dict[str, str]) -> tuple[str, ...]:
    return tuple(citations.get(i, i) for i in ids)


def _safety_part(number: int) -> Part:
    words = _words()
    texts = safety()
    citations = {source.id: source.citation for source in texts.sources}
    part = Part(number, _("Warning-sign texts, the same on every page"), texts.version)
    for level_number, advice in enumerate(texts.advice.values(), start=1):
        cited = _cite(advice.sources, citations)
        name = str(Level(level_number).label)
        part.rows += _row(f"{name}: {words['heading']}", advice.heading)
        part.rows += _row(f"{name}: {words['text']}", advice.body, cited)
    for region in texts.regions.values():
        part.rows.append(
            Row(
                _("%(name)s: helpline %(phone)s (checked %(when)s: %(where)s)")
                % {
                    "name": _both(region.name),
                    "phone": region.helpline_phone,
                    "when": region.checked_at,
                    "where": region.checked,
                },
                region.acute_route.by_language["da"],
                region.acute_route.by_language["en"],
            )
        )
    part.sources = [source.citation for source in texts.sources]
    return part


def _screen_part(number: int, screen: Instrument) -> Part:
    words = _words()
    part = Part(number, _("The warning-sign screen"), screen.version)
    for item in screen.items:
        history = _(", history: asked at intake only") if item.history else ""
        label = f"{item.number}. {item.id} ({item.urgency}{history})"
        part.rows += _row(label, item.text)
        part.rows += _row(f"{item.number}. {words['reason shown to the clinician']}", item.reason)
    for combination in screen.combinations:
        groups = " + ".join("(" + " | ".join(group) + ")" for group in combination.groups)
        label = f"{words['combination']} {combination.id}: {groups} → {combination.urgency}"
        part.rows += _row(label, combination.reason)
    for variant in screen.variants:
        asked = _("asks history items") if variant.asks_history else _("no history items")
        part.rows += _row(
            f"{words['variant']} {variant.id} ({asked})", variant.recall or variant.name
        )
    part.sources = list(screen.sources)
    return part


def _change_part(number: int) -> Part:
    words = _words()
    part = Part(number, _("Change over time and the patients' words for each band"), "")
    for definition in instruments().values():
        if not definition.scored:
            continue
        thresholds = (
            f"better ≥ {definition.mic_points} points"
            + (
                f" or ≥ {definition.mic_percent}% and ≥ {definition.mic_floor_points} points"
                if definition.mic_percent
                else ""
            )
            + f"; worse ≥ {definition.mic_points_worse} points"
            if definition.mic_points is not None
            else "no minimal important change"
        )
        part.rows.append(
            Row(
                f"{definition.id} {definition.version}: {thresholds}",
                definition.mic_source,
                "",
            )
        )
        for band in definition.bands:
            label = f"{definition.id} {band.id}: {_both(band.label)}"
            part.rows += _row(label, band.patient_label)
            part.rows += _row(f"{definition.id} {band.id}: {words['explained to the patient']}",
                              band.explain)  # fmt: skip
        part.sources += [s for s in definition.sources if s not in part.sources]
    return part


def _material_part(number: int, material: Material) -> Part:
    citations = {source.id: source.citation for source in material.sources}
    title = _("Material %(number)s: %(title)s") % {
        "number": material.number,
        "title": _both(material.title),
    }
    part = Part(number, title, material.version)
    part.rows += _row(_("summary"), material.summary)
    part.rows += _row(_("introduction"), material.intro)
    for section in material.sections:
        if section.shared:
            part.rows.append(
                Row(
                    _both(section.heading),
                    _("The shared warning-sign text “%(level)s” (part 1).")
                    % {"level": section.shared},
                    "",
                )
            )
            continue
        cited = _cite(section.sources, citations)
        part.rows += _row(_both(section.heading), section.body, cited)
    for chart in material.charts:
        cited = _cite(chart.sources, citations)
        part.rows += _row(_both(chart.title), chart.description, cited)
        columns = ", ".join(str(c.label.by_language["en"]) for c in chart.columns)
        for row in chart.rows:
            values = ", ".join(f"{v:g}{chart.unit}" for v in row.values)
            part.rows.append(Row(f"{_both(row.label)} ({columns})", values, values, cited))
    for comparison in material.comparisons:
        part.rows += _row(_both(comparison.heading), comparison.intro,
                          _cite(comparison.sources, citations))  # fmt: skip
        for option in comparison.options:
            cited = _cite(option.sources, citations)
            for point in option.points:
                label = f"{_both(option.title)}: {_both(point.aspect.label)}"
                part.rows += _row(label, point.text, cited)
    part.sources = [source.citation for source in material.sources]
    return part


def _course_parts(first: int) -> list[Part]:
    words = _words()
    parts = []
    loaded = course()
    for offset, module in enumerate(loaded.modules):
        citations = {source.id: source.citation for source in module.sources}
        title = _("Course module %(number)s: %(title)s") % {
            "number": module.number,
            "title": _both(module.title),
        }
        part = Part(first + offset, title, module.version)
        for section in module.sections:
            if section.shared:
                text = _("The shared warning-sign text “%(level)s” (part 1).") % {
                    "level": section.shared
                }
                part.rows.append(Row(_both(section.heading), text, ""))
                continue
            part.rows += _row(_both(section.heading), section.body,
                              _cite(section.sources, citations))  # fmt: skip
        for note in module.materials:
            cited = _cite(note.sources, citations)
            for name in ("when", "introduce", "pitfalls"):
                part.rows += _row(f"{note.material}: {name}", getattr(note, name), cited)
        for question in module.questions:
            part.rows += _row(f"{words['quiz']} {question.id}", question.prompt)
            for option in question.options:
                right = " ✓" if option.correct else ""
                part.rows += _row(f"  {option.id}{right}", option.explanation)
        part.sources = [source.citation for source in module.sources]
        parts.append(part)
    for offset, case in enumerate(loaded.cases, start=len(parts)):
        citations = {source.id: source.citation for source in case.sources}
        title = _("Course case %(number)s: %(title)s") % {
            "number": case.number,
            "title": _both(case.title),
        }
        part = Part(first + offset, title, case.version)
        for step in case.steps:
            cited = _cite(step.sources, citations)
            part.rows += _row(f"{step.id}", step.prompt, cited)
            part.rows += _row(f"{step.id}: {words['feedback']}", step.feedback, cited)
            for choice in step.options:
                best = " ✓" if choice.best else ""
                part.rows += _row(f"  {choice.id}{best}", choice.feedback, cited)
        part.sources = [source.citation for source in case.sources]
        parts.append(part)
    return parts


def parts() -> list[Part]:
    result = [_safety_part(1), _screen_part(2, instruments()["redflags"]), _change_part(3)]
    for material in pack().values():
        result.append(_material_part(len(result) + 1, material))
    result += _course_parts(len(result) + 1)
    return result


def review_sheet(language: str = "da") -> bytes:
    """The sheet as a tagged A4 PDF; the headings in ``language``, every text in both."""
    from django.utils import translation

    with translation.override(language):
        return render_pdf(
            "printing/review_sheet.html",
            {"parts": parts(), "made": timezone.localdate()},
            language=language,
            title=_("Clinical review sheet"),
            version=_("Content pack and course as loaded"),
        )
