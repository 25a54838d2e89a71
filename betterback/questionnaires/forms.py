from django import forms
from django.utils.translation import gettext_lazy as _

from betterback.questionnaires.definitions import instruments
from betterback.questionnaires.wording import WordingError, parse_pack

MAX_PACK_BYTES = 200_000


def entry_choices() -> list[tuple[str, str]]:
    choices = []
    for definition in instruments().values():
        for variant in definition.variants or [None]:
            if variant:
                choices.append((f"{definition.id}:{variant.id}", variant.name))
            else:
                choices.append((definition.id, definition.name))
    return choices


class ScheduleForm(forms.Form):
    intake = forms.MultipleChoiceField(
        label=_("Before the first consultation"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    follow_up = forms.MultipleChoiceField(
        label=_("At each follow-up"), widget=forms.CheckboxSelectMultiple, required=False
    )
    weeks = forms.CharField(
        label=_("Follow-up weeks after the first consultation"),
        help_text=_("Whole numbers of weeks, separated by commas, for example 4, 12, 26."),
        max_length=60,
        required=False,
    )
    psfs_three = forms.BooleanField(
        label=_("Ask for at least three activities in the Patient-Specific Functional Scale"),
        help_text=_(
            "The published rule scores the mean of however many activities are rated. Tick this "
            "if your clinic wants three before the patient can send their answers."
        ),
        required=False,
    )

    def __init__(self, *args, schedule, **kwargs):
        super().__init__(*args, **kwargs)
        self.clinic = schedule.clinic
        for name in ("intake", "follow_up"):
            self.fields[name].choices = entry_choices()
            self.fields[name].initial = getattr(schedule, name)
        self.fields["weeks"].initial = ", ".join(str(w) for w in schedule.follow_up_weeks)
        self.fields["psfs_three"].initial = (schedule.min_answered or {}).get("psfs") == 3

    def _licensed(self, entries):
        for entry in entries:
            definition = instruments()[entry.partition(":")[0]]
            if (
                not definition.reference_wording
                and not self.clinic.wording_packs.filter(instrument_id=definition.id).exists()
            ):
                raise forms.ValidationError(
                    _("Install the licensed wording of %(name)s before patients are asked it."),
                    code="needs_pack",
                    params={"name": definition.short_name},
                )
        return entries

    def clean_intake(self):
        return self._licensed(self.cleaned_data["intake"])

    def clean_follow_up(self):
        return self._licensed(self.cleaned_data["follow_up"])

    def clean_weeks(self):
        text = self.cleaned_data["weeks"].replace(";", ",")
        weeks = set()
        for part in filter(None, (p.strip() for p in text.split(","))):
            if not part.isdigit() or not 1 <= int(part) <= 104:
                raise forms.ValidationError(
                    _("Give whole numbers of weeks from 1 to 104, separated by commas."),
                    code="bad_week",
                )
            weeks.add(int(part))
        if len(weeks) > 12:
            raise forms.ValidationError(_("Give at most 12 follow-ups."), code="too_many")
        return sorted(weeks)


class WordingPackForm(forms.Form):
    instrument = forms.ChoiceField(label=_("Questionnaire"))
    file = forms.FileField(
        label=_("Wording pack (a .toml file)"),
        help_text=_("The licensed wording in one language, in BetterBack's wording-pack format."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["instrument"].choices = [
            (d.id, d.name) for d in instruments().values() if d.kind != "open"
        ]

    def clean(self):
        cleaned = super().clean()
        upload, instrument_id = cleaned.get("file"), cleaned.get("instrument")
        if not upload or not instrument_id:
            return cleaned
        if upload.size > MAX_PACK_BYTES:
            self.add_error("file", forms.ValidationError(_("The file is too large."), code="size"))
            return cleaned
        try:
            text = upload.read().decode("utf-8")
        except UnicodeDecodeError:
            self.add_error(
                "file",
                forms.ValidationError(_("The file must be UTF-8 text."), code="encoding"),
            )
            return cleaned
        definition = instruments()[instrument_id]
        try:
            parse_pack(text, definition)
        except WordingError as error:
            self.add_error(
                "file",
                forms.ValidationError(
                    _("The pack cannot be used: field “%(field)s”: %(problem)s"),
                    code="invalid_pack",
                    params={"field": error.field, "problem": error.problem},
                ),
            )
            return cleaned
        cleaned["instrument"], cleaned["source_text"] = definition, text
        return cleaned
