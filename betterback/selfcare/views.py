import json
import uuid

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from betterback.audit.services import source_of
from betterback.audit.targets import Target
from betterback.core.charts import Point, trend_svg
from betterback.patients.access import (
    clinician_required,
    own_patient_record,
    patient_for_clinician,
    patient_required,
)
from betterback.plan import reader as plans
from betterback.plan import services as plan_services
from betterback.selfcare import progress, services
from betterback.selfcare.forms import (
    ERRORS,
    CheckInForm,
    FlareNoteForm,
    GoalReviewForm,
    GradingForm,
    ReminderForm,
)
from betterback.selfcare.models import CheckIn, Flare, GoalReview, ReminderChoice


def _today():
    return timezone.localdate()


def _plan(request: HttpRequest, patient, kind: Target) -> plans.Plan:
    """The plan for the page; opening the page (a GET) is recorded as a read of ``kind``. A POST
    is a write, recorded by its service, so the form shown again after it is not a new read."""
    if request.method == "GET":
        return services.open_page(
            patient=patient,
            kind=kind,
            actor=request.user,
            source=source_of(request),
            today=_today(),
        )
    return plans.read(patient, _today())


def _service_errors(form, problems: dict) -> None:
    for name, code in problems.items():
        field = name if name in form.fields else None
        form.add_error(field, str(ERRORS.get(code, ERRORS["invalid"])))


@require_http_methods(["GET", "POST"])
@patient_required
def check_in(request: HttpRequest) -> HttpResponse:
    patient, source = own_patient_record(request), source_of(request)
    plan = _plan(request, patient, Target.PLAN)
    form = CheckInForm(
        request.POST if request.method == "POST" else None,
        actions=plan.actions,
        initial={"key": uuid.uuid4()},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.record_check_in(
                patient=patient,
                key=form.cleaned_data["key"],
                made_at=None,
                data=form.data_for_service(),
                action_keys=[a.key for a in plan.actions],
                actor=request.user,
                source=source,
            )
        except services.Invalid as error:
            _service_errors(form, error.problems)
        else:
            messages.success(request, _("Your check-in is saved. Well done for keeping track."))
            return redirect("front:patient_home")
    return render(
        request,
        "selfcare/check_in.html",
        {"form": form, "plan": plan},
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
@patient_required
def goal_review(request: HttpRequest) -> HttpResponse:
    patient, source = own_patient_record(request), source_of(request)
    plan = _plan(request, patient, Target.GOAL_REVIEW)
    week = services.monday(_today())
    done = {r.goal_key: r.attainment for r in GoalReview.objects.filter(patient=patient, week=week)}
    form = GoalReviewForm(
        request.POST if request.method == "POST" else None,
        goals=plan.goals,
        initial={f"goal-{k}": v for k, v in done.items()},
    )
    if request.method == "POST" and form.is_valid():
        services.review_goals(
            patient=patient, week=week, reviews=form.reviews(), actor=request.user, source=source
        )
        messages.success(
            request,
            _("Thank you. If a goal feels too big or too small, change it in My goals."),
        )
        return redirect("front:patient_home")
    return render(
        request,
        "selfcare/goal_review.html",
        {"form": form, "plan": plan},
        status=400 if form.errors else 200,
    )


@require_GET
@patient_required
def flare_up(request: HttpRequest) -> HttpResponse:
    patient = own_patient_record(request)
    plan = _plan(request, patient, Target.FLARE)
    flare = services.open_flare(patient)
    return render(
        request,
        "selfcare/flare_up.html",
        {
            "plan": plan,
            "flare": flare,
            "notes": list(flare.notes.all()) if flare else [],
            "form": FlareNoteForm(initial={"key": uuid.uuid4()}),
        },
    )


@require_POST
@patient_required
def flare_start(request: HttpRequest) -> HttpResponse:
    services.start_flare(
        patient=own_patient_record(request), actor=request.user, source=source_of(request)
    )
    return redirect("selfcare:flare_up")


@require_POST
@patient_required
def flare_end(request: HttpRequest) -> HttpResponse:
    patient = own_patient_record(request)
    flare = services.open_flare(patient)
    if flare:
        services.end_flare(flare=flare, actor=request.user, source=source_of(request))
        messages.success(
            request,
            _("The flare-up is logged as over. Think about what helped; it is useful next time."),
        )
    return redirect("front:patient_home")


@require_POST
@patient_required
def flare_note(request: HttpRequest) -> HttpResponse:
    patient, source = own_patient_record(request), source_of(request)
    form = FlareNoteForm(request.POST)
    if form.is_valid():
        try:
            services.add_flare_note(
                patient=patient,
                key=form.cleaned_data["key"],
                made_at=None,
                tried=form.cleaned_data["tried"],
                helped=form.cleaned_data["helped"],
                actor=request.user,
                source=source,
            )
        except services.Invalid as error:
            _service_errors(form, error.problems)
        else:
            messages.success(request, _("Your note is saved."))
            return redirect("selfcare:flare_up")
    flare = services.open_flare(patient)
    return render(
        request,
        "selfcare/flare_up.html",
        {
            "plan": plans.read(patient, _today()),
            "flare": flare,
            "notes": list(flare.notes.all()) if flare else [],
            "form": form,
        },
        status=400,
    )


def _progress_context(patient) -> dict:
    today = _today()
    weeks = progress.weeks(
        CheckIn.objects.filter(patient=patient).only("made_at", "actions", "confidence", "pain"),
        GoalReview.objects.filter(patient=patient).only("week", "attainment"),
        Flare.objects.filter(patient=patient).only("started_at"),
        today,
    )
    charts = []
    for attribute, title, low, high in (
        ("done_percent", _("Planned actions done (%)"), 0, 100),
        ("confidence", _("Confidence (0-10)"), 0, 10),
        ("pain", _("Pain (0-10)"), 0, 10),
        ("attainment", _("Goal reviews (-2 to +2)"), -2, 2),
        ("flares", _("Flare-ups started"), 0, max([3, *[w.flares for w in weeks]])),
    ):
        # Every week counts its flare-ups (none is 0); the other series skip empty weeks.
        points = [
            Point(w.start, getattr(w, attribute))
            for w in weeks
            if attribute == "flares" or getattr(w, attribute) is not None
        ]
        charts.append(
            {
                "id": attribute,
                "title": title,
                "svg": trend_svg(
                    points,
                    minimum=low,
                    maximum=high,
                    title=title,
                    description=_("One point per week; the table has the same numbers."),
                )
                if len(points) > 1
                else "",
                "first_last": progress.first_and_last(weeks, attribute),
            }
        )
    return {
        "weeks": weeks,
        "charts": charts,
        "flares": Flare.objects.filter(patient=patient).prefetch_related("notes")[:10],
        "check_ins": CheckIn.objects.filter(patient=patient)[:10],
    }


@require_GET
@patient_required
def my_progress(request: HttpRequest) -> HttpResponse:
    patient = own_patient_record(request)
    _plan(request, patient, Target.PROGRESS)
    return render(request, "selfcare/progress.html", _progress_context(patient))


@require_http_methods(["GET", "POST"])
@patient_required
def reminders(request: HttpRequest) -> HttpResponse:
    patient, source = own_patient_record(request), source_of(request)
    choice = (
        services.read_reminders(patient=patient, actor=request.user, source=source)
        if request.method == "GET"
        else ReminderChoice.objects.filter(patient=patient).first()
    )
    initial = (
        {
            "by_email": "1" if choice.by_email else "0",
            "weekdays": choice.weekdays,
            "time": choice.time,
        }
        if choice
        else {"by_email": "0"}
    )
    form = ReminderForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.save_reminders(
            patient=patient,
            weekdays=form.cleaned_data["weekdays"] if form.cleaned_data["by_email"] else [],
            time=form.cleaned_data["time"] if form.cleaned_data["by_email"] else None,
            by_email=form.cleaned_data["by_email"],
            actor=request.user,
            source=source,
        )
        messages.success(request, _("Your reminders are saved."))
        return redirect("front:patient_home")
    return render(
        request, "selfcare/reminders.html", {"form": form}, status=400 if form.errors else 200
    )


@require_POST
@patient_required
def sync(request: HttpRequest) -> HttpResponse:
    """Entries a device kept while offline, as JSON: {"entries": [...]}. Safe to resend."""
    patient = own_patient_record(request)
    try:
        payload = json.loads(request.body or b"{}")
        entries = payload.get("entries")
        if not isinstance(entries, list):
            raise ValueError
    except (ValueError, AttributeError):
        return JsonResponse({"error": 'expected {"entries": [...]}'}, status=400)
    plan = plans.read(patient, _today())
    results = services.sync(
        patient=patient,
        entries=entries,
        action_keys=[a.key for a in plan.actions],
        actor=request.user,
        source=source_of(request),
    )
    return JsonResponse(
        {"results": [{"key": r.key, "status": r.status, "problems": r.problems} for r in results]}
    )


@require_GET
@clinician_required
def patient_progress(request: HttpRequest, public_id) -> HttpResponse:
    patient = patient_for_clinician(request, public_id)
    plan = _plan(request, patient, Target.PROGRESS)
    return render(
        request,
        "selfcare/patient_progress.html",
        {"patient": patient, "plan": plan, **_progress_context(patient)},
    )


def _grading(request: HttpRequest, patient, action_key, done_url) -> HttpResponse:
    action = _plan(request, patient, Target.GRADED_ACTIVITY).action(action_key)
    if action is None:
        raise Http404
    graded = action.graded
    initial = (
        {
            "unit": graded.unit,
            "baseline": graded.baseline,
            "starts_on": graded.starts_on,
            "steps": ", ".join(str(s) for s in graded.steps),
        }
        if graded
        else {"unit": "minutes", "starts_on": services.monday(_today())}
    )
    form = GradingForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        plan_services.save_grading(
            patient=patient,
            action_key=action.key,
            **form.cleaned_data,
            actor=request.user,
            source=source_of(request),
        )
        messages.success(request, _("The graded plan is saved."))
        return redirect(done_url)
    return render(
        request,
        "selfcare/grading.html",
        {"patient": patient, "action": action, "form": form, "back": done_url},
        status=400 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
@clinician_required
def grading(request: HttpRequest, public_id, action_key) -> HttpResponse:
    patient = patient_for_clinician(request, public_id)
    return _grading(
        request, patient, action_key, reverse("selfcare:patient_progress", args=[public_id])
    )


@require_http_methods(["GET", "POST"])
@patient_required
def my_grading(request: HttpRequest, action_key) -> HttpResponse:
    patient = own_patient_record(request)
    return _grading(request, patient, action_key, reverse("front:patient_home"))
