from django import forms
from django.utils.translation import gettext_lazy as _

from betterback.content.pack import pack
from betterback.training.course import Question, Step


class QuestionForm(forms.Form):
    """One quiz question. ``chosen()`` gives the option ids in the form the question checks."""

    def __init__(self, *args, question: Question, **kwargs):
        super().__init__(*args, **kwargs)
        self.question = question
        choices = [(option.id, str(option.text)) for option in question.shown]
        if question.type in ("single", "phrasing"):
            self.fields["answer"] = forms.ChoiceField(
                label=str(question.prompt),
                choices=choices,
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose one answer.")},
            )
        elif question.type == "multiple":
            self.fields["answer"] = forms.MultipleChoiceField(
                label=str(question.prompt),
                choices=choices,
                widget=forms.CheckboxSelectMultiple,
                help_text=_("Tick every answer that fits."),
                error_messages={"required": _("Tick at least one answer.")},
            )
        else:
            places = [("", _("Choose a place"))] + [
                (str(n), str(n)) for n in range(1, len(choices) + 1)
            ]
            for option_id, text in choices:
                self.fields[f"place_{option_id}"] = forms.ChoiceField(
                    label=text,
                    choices=places,
                    error_messages={"required": _("Give this step a place.")},
                )

    def clean(self):
        cleaned = super().clean()
        if self.question.type == "order" and not self.errors:
            places = [cleaned[f"place_{option.id}"] for option in self.question.shown]
            if len(set(places)) != len(places):
                raise forms.ValidationError(_("Give each step a different place."))
        return cleaned

    def chosen(self) -> list[str]:
        if self.question.type == "order":
            by_place = {
                int(self.cleaned_data[f"place_{option.id}"]): option.id
                for option in self.question.shown
            }
            return [by_place[place] for place in sorted(by_place)]
        answer = self.cleaned_data["answer"]
        return answer if isinstance(answer, list) else [answer]


def option_text(option) -> str:
    """A choice's words: its own text, else the title of the material it opens."""
    return str(option.text) if option.text else str(pack()[option.material].title)


class StepChoiceForm(forms.Form):
    def __init__(self, *args, step: Step, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["option"] = forms.ChoiceField(
            label=str(step.prompt),
            choices=[(option.id, option_text(option)) for option in step.shown],
            widget=forms.RadioSelect,
            error_messages={"required": _("Choose one answer.")},
        )


class ReflectionForm(forms.Form):
    went_well = forms.CharField(
        label=_("What went well in this session?"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    try_next = forms.CharField(
        label=_("What will you try next time?"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not (cleaned["went_well"].strip() or cleaned["try_next"].strip()):
            raise forms.ValidationError(_("Write at least one of the two."))
        return cleaned
