"""The content pack as Python values: what the loader builds and the rest of the app reads.

Everything here is immutable and holds no database or request state.
"""

from dataclasses import dataclass
from dataclasses import field as dataclass_field
from pathlib import Path
from typing import ClassVar

from django.utils.translation import get_language

from betterback.content import regional

LANGUAGES = ("da", "en")
PHASES = ("understand", "plan", "act", "follow_up")
AUDIENCES = ("patient", "clinician")

CHOICE_TYPES = ("single_choice", "multiple_choice", "checklist", "ranked_cards", "body_chart")
FIELD_TYPES = (
    "text",
    "textarea",
    "scale",
    "date",
    "list",
    "link",
    *CHOICE_TYPES,
)
ITEM_FIELD_TYPES = (
    "text",
    "textarea",
    "single_choice",
    "checkbox",
    "scale",
    "date",
    "rank",
    "link",
)
BODY_REGIONS = (
    "head",
    "neck",
    "shoulder_left",
    "shoulder_right",
    "arm_left",
    "arm_right",
    "upper_back",
    "lower_back",
    "abdomen",
    "hip_left",
    "hip_right",
    "buttock_left",
    "buttock_right",
    "thigh_left",
    "thigh_right",
    "knee_left",
    "knee_right",
    "lower_leg_left",
    "lower_leg_right",
    "foot_left",
    "foot_right",
)


@dataclass(frozen=True)
class Text:
    """One user-facing text in every language; str() gives the active language."""

    by_language: dict[str, str]

    def __str__(self) -> str:
        return self.by_language.get(get_language() or "da", self.by_language["da"])

    @property
    def paragraphs(self) -> list[str]:
        return [p.strip() for p in str(self).split("\n\n") if p.strip()]

    @property
    def blocks(self) -> list[dict]:
        """The paragraphs as blocks: lines that start with "- " are bullet lists, the other
        lines of a paragraph are its text: [{"text": "..."} or {"bullets": ["...", ...]}]."""
        blocks = []
        for paragraph in self.paragraphs:
            text, bullets = [], []
            for line in (line.strip() for line in paragraph.splitlines()):
                if not line:
                    continue
                if line.startswith("- "):
                    if text:
                        blocks.append({"text": " ".join(text)})
                        text = []
                    bullets.append(line[2:].strip())
                else:
                    if bullets:
                        blocks.append({"bullets": bullets})
                        bullets = []
                    text.append(line)
            if text:
                blocks.append({"text": " ".join(text)})
            if bullets:
                blocks.append({"bullets": bullets})
        return blocks


class RegionalText(Text):
    """A text that names the region's own services: its placeholders ({helpline_name},
    {helpline_phone}) are filled in from the region active for this request (content.regional),
    the way the language is."""

    def __str__(self) -> str:
        return super().__str__().format_map(regional.values())

    @property
    def template(self) -> str:
        """The text with its placeholders, in the active language (for checks and search)."""
        return Text.__str__(self)


@dataclass(frozen=True)
class Option:
    id: str
    label: Text


@dataclass(frozen=True)
class Field:
    id: str
    type: str
    label: Text
    help: Text | None = None
    clinician_only: bool = False
    required: bool = False
    options: tuple[Option, ...] = ()
    options_from: str = ""
    max_length: int = 0
    min: int = 0
    max: int = 0
    min_label: Text | None = None
    max_label: Text | None = None
    rank: int = 0
    max_items: int = 0
    item_fields: tuple["Field", ...] = ()
    links_to: str = ""
    multiple: bool = False

    def option_label(self, option_id: str) -> str:
        for option in self.options:
            if option.id == option_id:
                return str(option.label)
        return ""

    def item_field(self, field_id: str) -> "Field":
        for item_field in self.item_fields:
            if item_field.id == field_id:
                return item_field
        raise KeyError(field_id)


@dataclass(frozen=True)
class Section:
    kind: ClassVar[str] = "section"  # the templates' switch, and the prefix of the page anchor

    id: str
    heading: Text
    body: Text
    sources: tuple[str, ...]
    shared: str = ""  # a warning-sign level: the section shows the pack's one text for it


@dataclass(frozen=True)
class ChartColumn:
    id: str
    label: Text


@dataclass(frozen=True)
class ChartRow:
    id: str
    label: Text
    values: tuple[float, ...]  # one per column, in the columns' order


@dataclass(frozen=True)
class Chart:
    """Numbers by row and column, drawn as bars and always shown as a table too."""

    kind: ClassVar[str] = "chart"

    id: str
    title: Text
    description: Text  # a plain summary: the chart's text alternative
    columns: tuple[ChartColumn, ...]
    rows: tuple[ChartRow, ...]
    sources: tuple[str, ...]
    unit: str = ""
    highlight_field: str = ""  # a single_choice field whose answer names a column
    after_section: str = ""  # "": after all sections

    def column(self, column_id: str) -> ChartColumn | None:
        return next((c for c in self.columns if c.id == column_id), None)


@dataclass(frozen=True)
class Aspect:
    id: str
    label: Text


@dataclass(frozen=True)
class Point:
    """What one option says about one aspect."""

    aspect: Aspect
    text: Text


@dataclass(frozen=True)
class ComparedOption:
    id: str
    title: Text
    points: tuple[Point, ...]  # one per aspect, in the aspects' order
    sources: tuple[str, ...] = ()
    option_of: str = ""  # a choice field of the material that offers this option by its id


@dataclass(frozen=True)
class Comparison:
    """Options side by side: the same questions (aspects) asked of each."""

    kind: ClassVar[str] = "comparison"

    id: str
    heading: Text
    aspects: tuple[Aspect, ...]
    options: tuple[ComparedOption, ...]
    sources: tuple[str, ...]
    intro: Text | None = None
    after_section: str = ""  # "": after all sections


@dataclass(frozen=True)
class Illustration:
    id: str
    path: Path
    alt: Text
    caption: Text | None = None

    def svg(self) -> str:
        return self.path.read_text(encoding="utf-8")


@dataclass(frozen=True)
class Source:
    id: str
    citation: str


@dataclass(frozen=True)
class Material:
    id: str
    number: int
    version: str
    phase: str
    audience: tuple[str, ...]
    in_plan: bool
    title: Text
    summary: Text
    intro: Text
    sources: tuple[Source, ...]
    sections: tuple[Section, ...] = ()
    illustrations: tuple[Illustration, ...] = ()
    fields: tuple[Field, ...] = ()
    charts: tuple[Chart, ...] = ()
    comparisons: tuple[Comparison, ...] = ()
    roles: tuple = ()  # content.roles.Role: what the material is to the code
    folder: Path = dataclass_field(default=Path("."), compare=False)

    @property
    def reading_order(self) -> tuple[Section | Chart | Comparison, ...]:
        """The sections, each followed by the charts and comparisons placed after it, then
        those placed after all sections."""
        extras = [*self.charts, *self.comparisons]
        parts: list[Section | Chart | Comparison] = []
        for section in self.sections:
            parts += [section, *(e for e in extras if e.after_section == section.id)]
        return (*parts, *(e for e in extras if not e.after_section))

    def field(self, field_id: str) -> Field:
        for candidate in self.fields:
            if candidate.id == field_id:
                return candidate
        raise KeyError(field_id)
