from django import forms
from django.utils.translation import gettext_lazy as _

from betterback.plan.models import Unit
from betterback.selfcare.models import Status

SLEEP = [(1, _("Very bad")), (2, _("Bad")), (3, _("So-so")), (4, _("Good")), (5, _("Very good"))]
MOOD = [(1, _("Very low")), (2, _("Low")), (3, _("So-so")), (4, _("Good")), (5, _("Very good"))]
ATTAINMENT = [
    (-2, _("Much less than I hoped")),
    (-1, _("A little less than I hoped")),
    (0, _("As I hoped")),
    (1, _("A little more than I hoped")),
    (2, _("Much more than I hoped")),
]
ERRORS = {
    "required": _("Please answer this."),
    "invalid": _("Choose one of the answers shown."),
    "too_long": _("The text is too long."),
    "out_of_range": _("The time of the entry is not possible; check the clock of your device."),
}


ZERO_TO_TEN = [(n, str(n)) for n in range(11)]


def _radio(label, choices, *, help_text="", required=False) -> forms.TypedChoiceField:
    """A row of numbered radio buttons whose answer is a whole number (None when skipped)."""
    return forms.TypedChoiceField(
        label=label,
        help_text=help_text,
        choices=choices,
        coerce=int,
        empty_value=None,
        required=required,
        widget=forms.RadioSelect,
    )


class CheckInForm(forms.Form):
    """The check-in: one status (and amount) per action, then confidence, pain, sleep, mood."""

    key = forms.UUIDField(widget=forms.HiddenInput)
    confidence = _radio(
        _("How sure are you that you can keep to your plan this week?"),
        ZERO_TO_TEN,
        help_text=_("0 = not sure at all, 10 = completely sure"),
        required=True,
    )
    pain = _radio(
        _("How much pain have you had today? (you can skip this)"),
        ZERO_TO_TEN,
        help_text=_("0 = no pain, 10 = worst pain imaginable"),
    )
    sleep = _radio(_("How did you sleep?"), SLEEP)
    mood = _radio(_("How is your mood?"), MOOD)
    note = forms.CharField(
        label=_("Anything you want to remember (optional)"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, actions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.actions = list(actions)
        for action in self.actions:
            self.fields[f"status-{action.key}"] = forms.ChoiceField(
                label=action.what,
                choices=Status.choices,
                required=False,
                widget=forms.RadioSelect,
            )
            unit = action.graded.get_unit_display() if action.graded else _("minutes or times")
            self.fields[f"amount-{action.key}"] = forms.IntegerField(
                label=_("How much? (%(unit)s)") % {"unit": unit},
                min_value=0,
                max_value=1000,
                required=False,
            )

    def action_rows(self):
        return [
            (action, self[f"status-{action.key}"], self[f"amount-{action.key}"])
            for action in self.actions
        ]

    def data_for_service(self) -> dict:
        data = self.cleaned_data
        return {
            "actions": {
                a.key: {
                    "status": data.get(f"status-{a.key}") or "",
                    "amount": data.get(f"amount-{a.key}"),
                }
                for a in self.actions
            },
            "confidence": data["confidence"],
            "pain": data.get("pain"),
            "sleep": data.get("sleep"),
            "mood": data.get("mood"),
            "note": data.get("note", ""),
        }


class GoalReviewForm(forms.Form):
    def __init__(self, *args, goals=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.goals = list(goals)
        for goal in self.goals:
            self.fields[f"goal-{goal.key}"] = forms.TypedChoiceField(
                label=goal.text, choices=ATTAINMENT, coerce=int, widget=forms.RadioSelect
            )

    def reviews(self) -> dict:
        return {g.key: (self.cleaned_data[f"goal-{g.key}"], "") for g in self.goals}


class FlareNoteForm(forms.Form):
    key = forms.UUIDField(widget=forms.HiddenInput)
    tried = forms.CharField(label=_("What did you try?"), max_length=300)
    helped = forms.ChoiceField(
        label=_("Did it help?"),
        choices=[("yes", _("It helped")), ("some", _("A little")), ("no", _("It did not help"))],
        required=False,
        widget=forms.RadioSelect,
    )


class GradingForm(forms.Form):
    unit = forms.ChoiceField(label=_("Measured in"), choices=Unit.choices)
    baseline = forms.IntegerField(
        label=_("What can be managed on an ordinary day"), min_value=1, max_value=1000
    )
    starts_on = forms.DateField(
        label=_("First week starts"),
        # A date input takes and shows the ISO date, whatever the page's language.
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    steps = forms.CharField(
        label=_("Planned amount per week"),
        help_text=_(
            "Separated by commas, week 1 first, e.g. 12, 13, 15. Leave empty to start 20% below an "
            "ordinary day and add about 10% a week for 8 weeks."
        ),
        required=False,
        max_length=400,
    )

    def clean_steps(self):
        from betterback.plan.grading import parse_steps

        text = self.cleaned_data["steps"].strip()
        if not text:
            return []
        try:
            return parse_steps(text)
        except ValueError:
            raise forms.ValidationError(
                _("Give whole numbers from 1 to 1000, separated by commas."), code="steps"
            ) from None


WEEKDAYS = [
    (0, _("Monday")),
    (1, _("Tuesday")),
    (2, _("Wednesday")),
    (3, _("Thursday")),
    (4, _("Friday")),
    (5, _("Saturday")),
    (6, _("Sunday")),
]


class ReminderForm(forms.Form):
    by_email = forms.TypedChoiceField(
        label=_("Reminders to check in"),
        choices=[("1", _("Yes, by email")), ("0", _("No reminders"))],
        coerce=lambda v: v == "1",
        widget=forms.RadioSelect,
    )
    weekdays = forms.TypedMultipleChoiceField(
        label=_("On these days"),
        choices=WEEKDAYS,
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    time = forms.TimeField(
        label=_("At this time"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("by_email"):
            if not cleaned.get("weekdays"):
                self.add_error(
                    "weekdays", forms.ValidationError(_("Choose at least one day."), code="days")
                )
            if cleaned.get("time") is None and "time" not in self.errors:
                self.add_error("time", forms.ValidationError(_("Choose a time."), code="time"))
        return cleaned
