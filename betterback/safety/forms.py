from django import forms
from django.utils.translation import gettext_lazy as _

from betterback.clinics.models import Clinic
from betterback.content.pack import safety
from betterback.content.safety import PHONE
from betterback.safety.models import WhatWasDone


class AcknowledgeForm(forms.Form):
    what_was_done = forms.ChoiceField(
        label=_("What was done?"),
        choices=WhatWasDone.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what was done.")},
    )
    note = forms.CharField(
        label=_("Note (optional)"),
        help_text=_("A few words for your colleagues, for example who you spoke to."),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=500,
        required=False,
        error_messages={"max_length": _("Write at most %(limit_value)d characters.")},
    )

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("what_was_done") == WhatWasDone.OTHER
            and not cleaned.get("note", "").strip()
        ):
            self.add_error(
                "note",
                forms.ValidationError(_("Say in the note what was done."), code="note_required"),
            )
        return cleaned


def region_choices() -> list[tuple[str, str]]:
    pack_safety = safety()
    default = pack_safety.regions[pack_safety.default_region]
    return [("", _("None chosen: the default region (%(name)s)") % {"name": default.name})] + [
        (region.id, str(region.name)) for region in pack_safety.regions.values()
    ]


class ClinicSafetyForm(forms.ModelForm):
    escalation_minutes = forms.IntegerField(
        label=_("Working minutes before an unacknowledged urgent alert goes to the administrator"),
        help_text=_(
            "Counted in opening hours on weekdays, not on public holidays. 120 is 2 working hours."
        ),
        min_value=15,
        max_value=480,
        error_messages={
            "min_value": _("Use at least %(limit_value)s minutes."),
            "max_value": _("Use at most %(limit_value)s minutes (one working day)."),
            "invalid": _("Enter a whole number of minutes."),
            "required": _("Enter a number of minutes."),
        },
    )

    class Meta:
        model = Clinic
        fields = [
            "region",
            "helpline_phone",
            "acute_route",
            "duty_email",
            "escalation_minutes",
            "opens_at",
            "closes_at",
        ]
        labels = {
            "region": _("Region"),
            "helpline_phone": _(
                "Number of the out-of-hours helpline (leave empty for the region's)"
            ),
            "acute_route": _("Acute route for your clinicians (leave empty for the region's)"),
            "duty_email": _("Duty email address (optional)"),
            "opens_at": _("The clinic opens at"),
            "closes_at": _("The clinic closes at"),
        }
        help_texts = {
            "helpline_phone": _(
                "Patients are told to call this number when their own doctor is closed."
            ),
            "duty_email": _(
                "Gets the same email as the clinicians when a patient needs attention now."
            ),
        }
        widgets = {
            "region": forms.Select(),
            "acute_route": forms.Textarea(attrs={"rows": 4}),
            "opens_at": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "closes_at": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        }
        error_messages = {
            "duty_email": {"invalid": _("Enter a valid email address.")},
            "opens_at": {
                "invalid": _("Enter a time such as 08:00."),
                "required": _("Enter a time such as 08:00."),
            },
            "closes_at": {
                "invalid": _("Enter a time such as 16:00."),
                "required": _("Enter a time such as 16:00."),
            },
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].widget.choices = region_choices()

    def clean_region(self):
        region = self.cleaned_data["region"]
        if region and region not in safety().regions:
            raise forms.ValidationError(_("Choose one of the regions shown."), code="invalid")
        return region

    def clean_helpline_phone(self):
        phone = self.cleaned_data["helpline_phone"].strip()
        if phone and not PHONE.match(phone):
            raise forms.ValidationError(
                _("Enter a phone number of digits and spaces, for example 70 11 07 07."),
                code="invalid",
            )
        return phone

    def clean(self):
        cleaned = super().clean()
        opens, closes = cleaned.get("opens_at"), cleaned.get("closes_at")
        if opens and closes and closes <= opens:
            self.add_error(
                "closes_at",
                forms.ValidationError(_("The clinic must close after it opens."), code="order"),
            )
        return cleaned
