from django.urls import path

from betterback.selfcare import offline, views

app_name = "selfcare"
urlpatterns = [
    path("me/check-in/", views.check_in, name="check_in"),
    path("me/goals/review/", views.goal_review, name="goal_review"),
    path("me/flare-up/", views.flare_up, name="flare_up"),
    path("me/flare-up/start/", views.flare_start, name="flare_start"),
    path("me/flare-up/end/", views.flare_end, name="flare_end"),
    path("me/flare-up/note/", views.flare_note, name="flare_note"),
    path("me/progress/", views.my_progress, name="my_progress"),
    path("me/reminders/", views.reminders, name="reminders"),
    path("me/graded/<str:action_key>/", views.my_grading, name="my_grading"),
    path("me/sync/", views.sync, name="sync"),
    path("manifest.webmanifest", offline.manifest, name="manifest"),
    path("sw.js", offline.service_worker, name="service_worker"),
    path(
        "clinic/patients/<uuid:public_id>/progress/",
        views.patient_progress,
        name="patient_progress",
    ),
    path(
        "clinic/patients/<uuid:public_id>/graded/<str:action_key>/",
        views.grading,
        name="grading",
    ),
]
