import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from betterback.content.model import Material


def _from_content(form_field, definition) -> None:
    """Label, hint and options come from the content pack, in the active language."""
    form_field.label = definition.label
    form_field.help_text = definition.help or ""
    if definition.options:
        form_field.choices = [(option.id, option.label) for option in definition.options]


class WhatMattersForm(forms.Form):
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    life_areas = forms.MultipleChoiceField(widget=forms.CheckboxSelectMultiple, required=False)

    def __init__(self, *args, material: Material, **kwargs):
        super().__init__(*args, **kwargs)
        _from_content(self.fields["life_areas"], material.field("life_areas"))


class ActivityForm(forms.Form):
    key = forms.CharField(widget=forms.HiddenInput, required=False, max_length=32)
    text = forms.CharField(required=False)
    area = forms.ChoiceField(required=False)
    stopped_by_pain = forms.BooleanField(required=False)
    rank = forms.TypedChoiceField(required=False, coerce=int, empty_value=None)

    def __init__(self, *args, material: Material, **kwargs):
        super().__init__(*args, **kwargs)
        activities = material.field("activities")
        for name in ("text", "area", "stopped_by_pain", "rank"):
            _from_content(self.fields[name], activities.item_field(name))
        longest = activities.item_field("text").max_length
        self.fields["text"].validators.append(MaxLengthValidator(longest))
        self.fields["text"].widget.attrs["maxlength"] = str(longest)
        self.fields["area"].choices = [("", _("No area chosen")), *self.fields["area"].choices]
        self.fields["rank"].choices = [("", _("Not ranked"))] + [
            (n, _("Number %(rank)s") % {"rank": n})
            for n in range(1, activities.item_field("rank").max + 1)
        ]

    def clean(self):
        data = super().clean()
        text = (data.get("text") or "").strip()
        if not text and (data.get("rank") or data.get("stopped_by_pain")):
            self.add_error(
                "text",
                ValidationError(
                    _("Write the activity, or clear the rest of this row."), code="text_missing"
                ),
            )
        data["text"] = text
        return data

    def to_data(self) -> dict | None:
        data = self.cleaned_data
        if not data.get("text") or data.get("DELETE"):
            return None
        return {
            "key": data.get("key") or uuid.uuid4().hex[:8],
            "text": data["text"],
            "area": data.get("area") or "",
            "stopped_by_pain": bool(data.get("stopped_by_pain")),
            "rank": data.get("rank"),
        }


class BaseActivityFormSet(forms.BaseFormSet):
    def __init__(self, *args, material: Material, **kwargs):
        self.material = material
        super().__init__(*args, form_kwargs={"material": material}, **kwargs)

    def clean(self):
        if any(self.errors):
            return
        kept = [form.to_data() for form in self.forms]
        kept = [a for a in kept if a]
        if len(kept) > self.material.field("activities").max_items:
            raise ValidationError(
                ngettext_lazy(
                    "You can list at most %(limit)d activity.",
                    "You can list at most %(limit)d activities.",
                    "limit",
                ),
                code="too_many",
                params={"limit": self.material.field("activities").max_items},
            )
        ranks = [a["rank"] for a in kept if a["rank"]]
        for rank in sorted(set(ranks)):
            if ranks.count(rank) > 1:
                raise ValidationError(
                    _("Only one activity can be number %(rank)d. Choose a different number."),
                    code="rank_taken",
                    params={"rank": rank},
                )
        self.activities = kept


def build_forms(material: Material, entry_data: dict, version: int, post=None):
    """The pair of forms for the page: life areas (with the version) and the activity rows."""
    activities = entry_data.get("activities") or []
    main = WhatMattersForm(
        post,
        material=material,
        initial={"version": version, "life_areas": entry_data.get("life_areas") or []},
    )
    extra = max(0, min(3, material.field("activities").max_items - len(activities)))
    # The page never shows more rows than this; a forged TOTAL_FORMS beyond it is refused
    # instead of making the server build hundreds of rows.
    most_rows = max(len(activities), material.field("activities").max_items) + 3
    formset_class = forms.formset_factory(
        ActivityForm,
        formset=BaseActivityFormSet,
        extra=extra,
        can_delete=True,
        max_num=most_rows,
        absolute_max=most_rows,
    )
    rows = formset_class(post, material=material, initial=activities, prefix="activity")
    return main, rows


def collected_data(main: WhatMattersForm, rows: BaseActivityFormSet) -> dict:
    return {"life_areas": list(main.cleaned_data["life_areas"]), "activities": rows.activities}
