from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from betterback.audit.services import source_of
from betterback.patients.access import clinician_required, own_patient_record, patient_required
from betterback.sharing import services
from betterback.sharing.access import share_for_clinician, share_for_patient
from betterback.sharing.forms import CodeForm, ShareForm

# The new link and code, kept in the patient's session only until the next page shows them.
SESSION_NEW = "new_share"


def _mine(request: HttpRequest, form, status=200) -> HttpResponse:
    shares = services.shares_of(
        patient=own_patient_record(request), actor=request.user, source=source_of(request)
    )
    context = {"shares": shares, "form": form}
    new = request.session.pop(SESSION_NEW, None)
    share = next((s for s in shares if new and str(s.public_id) == new["share"]), None)
    if share is not None and share.status == "pending":
        context.update(
            new_share=share,
            url=services.share_url(request, new["token"]),
            code=services.shown_code(new["code"]),
        )
    return render(request, "sharing/mine.html", context, status=status)


@require_GET
@patient_required
def mine(request: HttpRequest) -> HttpResponse:
    return _mine(request, ShareForm())


@require_POST
@patient_required
def create(request: HttpRequest) -> HttpResponse:
    form = ShareForm(request.POST)
    if not form.is_valid():
        return _mine(request, form, status=400)
    share, token, code = services.create_share(
        patient=own_patient_record(request),
        actor=request.user,
        source=source_of(request),
        **form.cleaned_data,
    )
    request.session[SESSION_NEW] = {"share": str(share.public_id), "token": token, "code": code}
    return redirect("sharing:mine")


@require_http_methods(["GET", "POST"])
@patient_required
def revoke(request: HttpRequest, share_id) -> HttpResponse:
    share = share_for_patient(request, share_id)
    if request.method == "POST":
        services.revoke_share(share=share, actor=request.user, source=source_of(request))
        messages.success(
            request, _("You no longer share with %(recipient)s.") % {"recipient": share.recipient}
        )
        return redirect("sharing:mine")
    services.read_share(share=share, actor=request.user, source=source_of(request))
    return render(request, "sharing/revoke.html", {"share": share})


@never_cache
@require_http_methods(["GET", "POST"])
def accept(request: HttpRequest, token) -> HttpResponse:
    # Not @clinician_required: its refusal would write the path, and with it a working link,
    # into the audit log.
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if request.user.role != "clinician":
        return render(request, "sharing/clinician_only.html")
    clinician = request.user.clinician
    try:
        if request.method == "POST":
            share = services.accept_share(
                secret=token, clinician=clinician, source=source_of(request)
            )
        else:
            share = services.find_open(token)
    except services.ShareUnusable as problem:
        mine = problem.share
        if mine is not None and mine.status == "active" and mine.clinician_id == clinician.pk:
            return redirect("sharing:shared_plan", share_id=mine.public_id)
        return render(request, "sharing/unusable.html", {"status": problem.status}, status=410)
    if request.method == "POST":
        return redirect("sharing:shared_plan", share_id=share.public_id)
    return render(request, "sharing/accept.html", {"share": share})


@require_GET
@clinician_required
def shared_list(request: HttpRequest) -> HttpResponse:
    form = CodeForm(request.GET or None)
    if form.is_valid():
        return redirect("sharing:accept", token=form.cleaned_data["code"])
    shares = services.shared_with(clinician=request.user.clinician, source=source_of(request))
    return render(request, "sharing/shared_list.html", {"shares": shares, "form": form})


@require_GET
@clinician_required
def shared_plan(request: HttpRequest, share_id) -> HttpResponse:
    share = share_for_clinician(request, share_id)
    shared = services.read_shared(share=share, actor=request.user, source=source_of(request))
    return render(
        request,
        "sharing/shared_plan.html",
        {"share": share, "patient": share.patient, **shared},
    )
