from django import forms
from django.utils.translation import gettext_lazy as _

from betterback.content.pack import pack


class ChooseMaterialsForm(forms.Form):
    """Which materials to use today, and in which order (the toolkit's order by default)."""

    materials = forms.MultipleChoiceField(
        label=_("Materials for today's session"),
        help_text=_("Choose the materials that fit. You can change the choice during the session."),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    def __init__(self, *args, changed_at_home=(), **kwargs):
        super().__init__(*args, **kwargs)
        materials = list(pack().values())
        changed = _("changed at home since the last session")
        self.fields["materials"].choices = [
            (m.id, f"{m.number}. {m.title}" + (f" ({changed})" if m.id in changed_at_home else ""))
            for m in materials
        ]
        for material in materials:
            self.fields[f"order_{material.id}"] = forms.TypedChoiceField(
                label=_("Order of “%(title)s”") % {"title": material.title},
                choices=[("", _("Toolkit order"))] + [(n, str(n)) for n in range(1, 13)],
                coerce=int,
                empty_value=None,
                required=False,
            )

    def ordered(self) -> list[str]:
        numbers = {m.id: m.number for m in pack().values()}
        chosen = self.cleaned_data["materials"]
        return sorted(
            chosen,
            key=lambda m: (self.cleaned_data.get(f"order_{m}") or numbers[m] + 100, numbers[m]),
        )

    def bound_order_fields(self) -> list:
        return [self[f"order_{material.id}"] for material in pack().values()]
