"""Builds the Django forms for any material from its definition in the content pack.

One builder per field type. A material becomes a ``Worksheet``: one main form for its plain fields
(and the version it started from) and one formset per list field. Saved data is plain JSON::

    {"life_areas": ["family"],
     "activities": [{"key": "a1b2c3d4", "text": "Walk the dog", "rank": 1, ...}],
     "confidence": 7, "next_visit": "2026-12-24"}
"""

import uuid
from collections.abc import Callable
from datetime import date

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from betterback.content.model import Field, Material
from betterback.materials.display import is_empty, name_field

# Empty rows shown under a list's items, so a new item can be written without JavaScript.
EMPTY_ROWS = 3

Links = dict[str, list[tuple[str, str]]]  # "material-id/field-id" -> [(item key, item label)]


def _described(form_field: forms.Field, definition: Field) -> forms.Field:
    form_field.label = definition.label
    help_parts = [str(definition.help)] if definition.help else []
    if definition.type == "scale" and (definition.min_label or definition.max_label):
        ends = []
        if definition.min_label:
            ends.append(f"{definition.min} = {definition.min_label}")
        if definition.max_label:
            ends.append(f"{definition.max} = {definition.max_label}")
        help_parts.append(", ".join(ends))
    form_field.help_text = " ".join(help_parts)
    return form_field


def _choices(definition: Field) -> list[tuple[str, object]]:
    return [(option.id, option.label) for option in definition.options]


def _text(definition: Field, in_list: bool, links: Links) -> forms.Field:
    widget = forms.Textarea(attrs={"rows": 4}) if definition.type == "textarea" else None
    field = forms.CharField(required=definition.required, widget=widget, strip=True)
    field.validators.append(MaxLengthValidator(definition.max_length))
    field.widget.attrs["maxlength"] = str(definition.max_length)
    return field


def _single(definition: Field, in_list: bool, links: Links) -> forms.Field:
    if in_list:
        return forms.ChoiceField(
            required=False, choices=[("", _("Not chosen")), *_choices(definition)]
        )
    return forms.ChoiceField(
        required=definition.required, choices=_choices(definition), widget=forms.RadioSelect
    )


def _multiple(definition: Field, in_list: bool, links: Links) -> forms.Field:
    field = forms.MultipleChoiceField(
        required=definition.required,
        choices=_choices(definition),
        widget=forms.CheckboxSelectMultiple,
    )
    if definition.max:
        field.validators.append(_at_most(definition.max))
    return field


def _at_most(limit: int) -> Callable:
    def check(values):
        if len(values) > limit:
            raise ValidationError(
                ngettext_lazy("Choose at most %(limit)d.", "Choose at most %(limit)d.", "limit"),
                code="too_many",
                params={"limit": limit},
            )

    return check


def _scale(definition: Field, in_list: bool, links: Links) -> forms.Field:
    steps = [(n, str(n)) for n in range(definition.min, definition.max + 1)]
    if in_list:
        return forms.TypedChoiceField(
            required=False, choices=[("", _("Not chosen")), *steps], coerce=int, empty_value=None
        )
    return forms.TypedChoiceField(
        required=definition.required,
        choices=steps,
        coerce=int,
        empty_value=None,
        widget=forms.RadioSelect(attrs={"class": "bb-scale"}),
    )


def _date(definition: Field, in_list: bool, links: Links) -> forms.Field:
    return forms.DateField(
        required=definition.required and not in_list,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y", "%d/%m/%Y"],
    )


def _link(definition: Field, in_list: bool, links: Links) -> forms.Field:
    choices = links.get(definition.links_to, [])
    if definition.multiple:
        return forms.MultipleChoiceField(
            required=False, choices=choices, widget=forms.CheckboxSelectMultiple
        )
    return forms.ChoiceField(required=False, choices=[("", _("Not chosen")), *choices])


def _checkbox(definition: Field, in_list: bool, links: Links) -> forms.Field:
    return forms.BooleanField(required=False)


def _places(count: int, empty_label) -> list:
    return [("", empty_label)] + [
        (n, _("Number %(rank)s") % {"rank": n}) for n in range(1, count + 1)
    ]


def _rank(definition: Field, in_list: bool, links: Links) -> forms.Field:
    return forms.TypedChoiceField(
        required=False,
        coerce=int,
        empty_value=None,
        choices=_places(definition.max, _("Not ranked")),
    )


BUILDERS: dict[str, Callable[[Field, bool, Links], forms.Field]] = {
    "text": _text,
    "textarea": _text,
    "single_choice": _single,
    "multiple_choice": _multiple,
    "checklist": _multiple,
    "body_chart": _multiple,
    "scale": _scale,
    "date": _date,
    "link": _link,
    "checkbox": _checkbox,
    "rank": _rank,
}


def form_field(definition: Field, *, links: Links, in_list=False, locked=False) -> forms.Field:
    field = _described(BUILDERS[definition.type](definition, in_list, links), definition)
    if definition.type == "link" and not links.get(definition.links_to):
        nothing = _("There is nothing to choose from yet.")
        field.help_text = f"{field.help_text} {nothing}".strip()
    if locked:
        field.disabled = True
        field.required = False
    return field


def _stored(value):
    """A cleaned value as JSON: dates as ISO text, empty values as None or []."""
    if isinstance(value, date):
        return value.isoformat()
    if value == "":
        return None
    return value


def _ranked_card_names(definition: Field) -> list[str]:
    return [f"{definition.id}__{option.id}" for option in definition.options]


class MainForm(forms.Form):
    """The material's fields that are not lists, plus the version the form started from."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    draft = forms.CharField(widget=forms.HiddenInput, required=False, max_length=32)

    def __init__(self, *args, material: Material, links: Links, patient_view: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.material = material
        for definition in material.fields:
            locked = patient_view and definition.clinician_only
            if definition.type == "list":
                continue
            if definition.type == "ranked_cards":
                for option, name in zip(
                    definition.options, _ranked_card_names(definition), strict=True
                ):
                    field = forms.TypedChoiceField(
                        required=False,
                        coerce=int,
                        empty_value=None,
                        label=option.label,
                        choices=_places(definition.rank, _("Not chosen")),
                        disabled=locked,
                    )
                    self.fields[name] = field
                continue
            self.fields[definition.id] = form_field(definition, links=links, locked=locked)

    def clean(self):
        data = super().clean()
        for definition in self.material.fields:
            if definition.type != "ranked_cards":
                continue
            ranks = [data.get(name) for name in _ranked_card_names(definition)]
            chosen = [r for r in ranks if r]
            for rank in sorted(set(chosen)):
                if chosen.count(rank) > 1:
                    self.add_error(
                        None,
                        ValidationError(
                            _("%(field)s: only one card can be number %(rank)d."),
                            code="rank_taken",
                            params={"field": definition.label, "rank": rank},
                        ),
                    )
        return data

    def values(self) -> dict:
        data = self.cleaned_data
        values = {}
        for definition in self.material.fields:
            if definition.type == "list":
                continue
            if definition.type == "ranked_cards":
                ranked = [
                    (data.get(name), option.id)
                    for option, name in zip(
                        definition.options, _ranked_card_names(definition), strict=True
                    )
                    if data.get(name)
                ]
                values[definition.id] = [option_id for _, option_id in sorted(ranked)]
                continue
            values[definition.id] = _stored(data.get(definition.id))
        return values


def initial_main(material: Material, data: dict, version: int) -> dict:
    initial = {"version": version, "draft": uuid.uuid4().hex}
    for definition in material.fields:
        value = data.get(definition.id)
        if definition.type == "list":
            continue
        if definition.type == "ranked_cards":
            for rank, option_id in enumerate(value or [], start=1):
                initial[f"{definition.id}__{option_id}"] = rank
            continue
        initial[definition.id] = value
    return initial


class ItemForm(forms.Form):
    """One item of a list; the fields are added per list definition."""

    key = forms.CharField(widget=forms.HiddenInput, required=False, max_length=32)

    def __init__(self, *args, definition: Field, links: Links, patient_view: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.definition = definition
        locked = patient_view and definition.clinician_only
        # An empty row is fine; "required" applies once something is written in the row.
        self.required_in_row = []
        for item in definition.item_fields:
            field = form_field(
                item,
                links=links,
                in_list=True,
                locked=locked or (patient_view and item.clinician_only),
            )
            if field.required:
                field.required = False
                self.required_in_row.append(item.id)
            self.fields[item.id] = field

    def _filled(self, data: dict) -> list[str]:
        return [item.id for item in self.definition.item_fields if not is_empty(data.get(item.id))]

    def clean(self):
        data = super().clean()
        naming = name_field(self.definition)
        first_text = naming if naming is not None and naming.type == "text" else None
        filled = self._filled(data)
        for item_id in self.required_in_row:
            if filled and item_id not in filled and item_id not in self.errors:
                self.add_error(
                    item_id, ValidationError(_("This field is required."), code="required")
                )
        if (
            first_text
            and filled
            and first_text.id not in filled
            and first_text.id not in self.errors
        ):
            self.add_error(
                first_text.id,
                ValidationError(
                    _("Fill in “%(label)s”, or clear the rest of this row."),
                    code="text_missing",
                    params={"label": first_text.label},
                ),
            )
        return data

    def item(self) -> dict | None:
        data = self.cleaned_data
        if data.get("DELETE") or not self._filled(data):
            return None
        item = {"key": data.get("key") or uuid.uuid4().hex[:8]}
        for definition in self.definition.item_fields:
            item[definition.id] = _stored(data.get(definition.id))
        return item


class ItemFormSet(forms.BaseFormSet):
    def __init__(self, *args, definition: Field, links: Links, patient_view: bool, **kwargs):
        self.definition = definition
        super().__init__(
            *args,
            form_kwargs={"definition": definition, "links": links, "patient_view": patient_view},
            **kwargs,
        )

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        # Read every posted row. Django skips an "extra" row that equals its initial data; when
        # the page was rendered before an autosave created that item, the row would be skipped
        # and the item lost. Blank rows are dropped by item() instead.
        form.empty_permitted = False
        return form

    def clean(self):
        if any(self.errors):
            return
        per_row = [form.item() for form in self.forms]
        # Each row's item key after saving ("" for an empty or removed row), so the page's
        # script can give new rows their keys and not create them twice.
        self.row_keys = [item["key"] if item else "" for item in per_row]
        items = [item for item in per_row if item]
        if len(items) > self.definition.max_items:
            raise ValidationError(
                ngettext_lazy(
                    "“%(label)s” can hold at most %(limit)d item.",
                    "“%(label)s” can hold at most %(limit)d items.",
                    "limit",
                ),
                code="too_many",
                params={"label": self.definition.label, "limit": self.definition.max_items},
            )
        for rank_field in (i for i in self.definition.item_fields if i.type == "rank"):
            ranks = [item[rank_field.id] for item in items if item.get(rank_field.id)]
            for rank in sorted(set(ranks)):
                if ranks.count(rank) > 1:
                    raise ValidationError(
                        _("Only one item can be number %(rank)d. Choose a different number."),
                        code="rank_taken",
                        params={"rank": rank},
                    )
        self.items = items


def item_formset(definition: Field, saved: list, *, links: Links, patient_view: bool, post=None):
    extra = max(0, min(EMPTY_ROWS, definition.max_items - len(saved)))
    # The page never shows more rows than this; a forged TOTAL_FORMS beyond it is refused
    # instead of making the server build hundreds of rows.
    most_rows = max(len(saved), definition.max_items) + EMPTY_ROWS
    formset_class = forms.formset_factory(
        ItemForm,
        formset=ItemFormSet,
        extra=extra,
        can_delete=True,
        max_num=most_rows,
        absolute_max=most_rows,
    )
    return formset_class(
        post,
        initial=saved,
        prefix=definition.id,
        definition=definition,
        links=links,
        patient_view=patient_view,
    )


class Worksheet:
    """The forms of one material page, bound or not."""

    def __init__(self, material: Material, data: dict, version: int, *, links: Links,
                 patient_view: bool, post=None):  # fmt: skip
        self.material = material
        self.main = MainForm(
            post,
            material=material,
            links=links,
            patient_view=patient_view,
            initial=initial_main(material, data, version),
        )
        self.lists = {
            definition.id: item_formset(
                definition,
                list(data.get(definition.id) or []),
                links=links,
                patient_view=patient_view,
                post=post,
            )
            for definition in material.fields
            if definition.type == "list"
        }

    @property
    def forms(self) -> list:
        return [self.main, *self.lists.values()]

    def is_valid(self) -> bool:
        return all([form.is_valid() for form in self.forms])

    def based_on_version(self) -> int:
        return self.main.cleaned_data["version"]

    def draft(self) -> str:
        return self.main.cleaned_data.get("draft") or ""

    def data(self) -> dict:
        values = self.main.values()
        for field_id, formset in self.lists.items():
            values[field_id] = formset.items
        return {definition.id: values.get(definition.id) for definition in self.material.fields}
