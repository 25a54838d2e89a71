"""Every text a patient reads, as readability blocks: the content pack (materials and the
warning-sign texts), the questionnaires as patients see them, and the screen and email texts of
the patient's pages (from the translations, by the templates they come from).

    python -m betterback.testing.patient_texts        # the blocks that miss the goals, worst first
"""

import re
from pathlib import Path

from betterback.content.model import Field, Material, Text
from betterback.content.readability import Block, blocks, too_hard

PACKAGE = Path(__file__).resolve().parent.parent
LOCALE = PACKAGE / "locale"
# The templates of pages and emails a patient meets (paths relative to betterback/).
PATIENT_TEMPLATES = (
    "patients/templates/patients/home.html",
    "patients/templates/patients/access_log.html",
    "patients/templates/patients/_material_rows.html",
    "selfcare/",
    "questionnaires/templates/questionnaires/answer.html",
    "questionnaires/templates/questionnaires/done.html",
    "questionnaires/templates/questionnaires/my_",
    "questionnaires/templates/questionnaires/_change_words.html",
    "questionnaires/templates/questionnaires/email_",
    "invitations/templates/invitations/accept",
    "invitations/templates/invitations/email_",
    "rights/",
    "sharing/templates/sharing/mine",
    "learn/",
    "dialogue/templates/dialogue/plan",
    "dialogue/templates/plan/_parts.html",
    "safety/templates/safety/_advice",
)


def _text(where: str, text: Text | None) -> list[Block]:
    if text is None:
        return []
    return blocks(where, text.by_language["da"], text.by_language["en"])


def _field(where: str, field: Field) -> list[Block]:
    found = _text(f"{where}.label", field.label) + _text(f"{where}.help", field.help)
    for option in field.options:
        found += _text(f"{where}.options.{option.id}", option.label)
    for item in field.item_fields:
        found += _field(f"{where}.{item.id}", item)
    return found


def material_blocks(material: Material) -> list[Block]:
    where = material.id
    found = []
    for name in ("title", "summary", "intro"):
        found += _text(f"{where}.{name}", getattr(material, name))
    for section in material.sections:
        found += _text(f"{where}.sections.{section.id}.heading", section.heading)
        body = section.body
        if section.shared:  # the placeholders, not one region's numbers
            body = Text(body.by_language)
        found += _text(f"{where}.sections.{section.id}.body", body)
    for picture in material.illustrations:
        found += _text(f"{where}.illustrations.{picture.id}.alt", picture.alt)
        found += _text(f"{where}.illustrations.{picture.id}.caption", picture.caption)
    for field in material.fields:
        found += _field(f"{where}.fields.{field.id}", field)
    for chart in material.charts:
        here = f"{where}.charts.{chart.id}"
        found += _text(f"{here}.title", chart.title)
        found += _text(f"{here}.description", chart.description)
        for part in (*chart.columns, *chart.rows):
            found += _text(f"{here}.{part.id}", part.label)
    for comparison in material.comparisons:
        here = f"{where}.comparisons.{comparison.id}"
        found += _text(f"{here}.heading", comparison.heading)
        found += _text(f"{here}.intro", comparison.intro)
        for aspect in comparison.aspects:
            found += _text(f"{here}.aspects.{aspect.id}", aspect.label)
        for option in comparison.options:
            found += _text(f"{here}.{option.id}.title", option.title)
            for point in option.points:
                found += _text(f"{here}.{option.id}.{point.aspect.id}", point.text)
    return found


def pack_blocks() -> list[Block]:
    from betterback.content.pack import pack, safety

    found = []
    for material in pack().values():
        found += material_blocks(material)
    for level, advice in safety().advice.items():
        found += _text(f"safety.{level}.heading", advice.heading)
        found += _text(f"safety.{level}.body", Text(advice.body.by_language))
    return found


def questionnaire_blocks() -> list[Block]:
    from betterback.questionnaires.definitions import instruments

    found = []
    for definition in instruments().values():
        where = definition.id
        for name in ("name", "short_name", "intro", "recall", "copyright"):
            found += _text(f"{where}.{name}", getattr(definition, name))
        for item in definition.items:
            found += _text(f"{where}.items[{item.number}]", item.text)
            for option in item.scale.options:
                found += _text(f"{where}.items[{item.number}].{option.code}", option.label)
            found += _text(f"{where}.items[{item.number}].min", item.scale.min_label)
            found += _text(f"{where}.items[{item.number}].max", item.scale.max_label)
        for band in definition.bands:
            found += _text(f"{where}.bands.{band.id}.patient_label", band.patient_label)
            found += _text(f"{where}.bands.{band.id}.explain", band.explain)
        for variant in definition.variants:
            found += _text(f"{where}.variants.{variant.id}.name", variant.name)
            found += _text(f"{where}.variants.{variant.id}.text", variant.text)
            found += _text(f"{where}.variants.{variant.id}.recall", variant.recall)
    return found


def _po_entries(path: Path):
    """(references, msgid, msgstr) of every translated entry of a .po file."""

    def joined(lines: str) -> str:
        return "".join(re.findall(r'"(.*)"', lines)).replace("\\n", "\n").replace('\\"', '"')

    for chunk in path.read_text(encoding="utf-8").split("\n\n"):
        references = " ".join(re.findall(r"^#: (.*)$", chunk, re.MULTILINE)).split()
        msgid = re.search(r'^msgid ((?:".*"\n?)+)', chunk, re.MULTILINE)
        msgstr = re.search(r'^msgstr ((?:".*"\n?)+)', chunk, re.MULTILINE)
        if msgid and msgstr and not chunk.startswith("#~"):
            yield references, joined(msgid.group(1)), joined(msgstr.group(1))


def screen_blocks() -> list[Block]:
    found = []
    for references, english, danish in _po_entries(LOCALE / "da" / "LC_MESSAGES" / "django.po"):
        files = [reference.rsplit(":", 1)[0] for reference in references]
        if english and danish and any(f.startswith(PATIENT_TEMPLATES) for f in files):
            found += blocks(f"{files[0]}: {english[:40]}", danish, english)
    return found


def patient_blocks() -> list[Block]:
    return pack_blocks() + questionnaire_blocks() + screen_blocks()


def report(found: list[Block]) -> str:
    danish, english = too_hard(found)
    lines = [f"Danish blocks above LIX goal: {len(danish)}"]
    lines += [f"  LIX {score:5.1f}  {block.where}: {block.da[:90]}" for score, block in danish]
    lines.append(f"English blocks below Flesch goal: {len(english)}")
    lines += [f"  Flesch {score:5.1f}  {block.where}: {block.en[:90]}" for score, block in english]
    return "\n".join(lines)


if __name__ == "__main__":
    import os

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "betterback.settings")
    os.environ.setdefault("DJANGO_DEBUG", "1")
    django.setup()
    print(report(patient_blocks()))
