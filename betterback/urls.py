from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

urlpatterns = [
    path("", include("betterback.front.urls")),
    path("", include("betterback.accounts.urls")),
    path("", include("betterback.patients.urls")),
    path("", include("betterback.invitations.urls")),
    path("", include("betterback.materials.urls")),
    path("", include("betterback.dialogue.urls")),
    path("", include("betterback.questionnaires.urls")),
    path("", include("betterback.selfcare.urls")),
    path("", include("betterback.learn.urls")),
    path("", include("betterback.printing.urls")),
    path("", include("betterback.exchange.urls")),
    path("", include("betterback.rights.urls")),
    path("", include("betterback.sharing.urls")),
    path("", include("betterback.training.urls")),
    path("", include("betterback.safety.urls")),
    # Staff log in through the app's own login: throttled, audited, with the short staff session.
    path("admin/login/", RedirectView.as_view(pattern_name="accounts:login", query_string=True)),
    path("admin/", admin.site.urls),
]

handler403 = "betterback.core.views.error_403"
handler404 = "betterback.core.views.error_404"
handler500 = "betterback.core.views.error_500"
