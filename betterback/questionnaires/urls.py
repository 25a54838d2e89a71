from django.urls import path

from betterback.questionnaires import clinician_views, views

app_name = "questionnaires"
urlpatterns = [
    path("me/questionnaires/", views.my_questionnaires, name="mine"),
    path("me/questionnaires/<uuid:set_id>/", views.continue_set, name="continue"),
    path("me/questionnaires/<uuid:set_id>/done/", views.done, name="done"),
    path("me/questionnaires/<uuid:set_id>/<uuid:response_id>/", views.answer, name="answer"),
    path("me/results/", views.my_results, name="my_results"),
    path(
        "clinic/patients/<uuid:public_id>/results/",
        clinician_views.patient_results,
        name="patient_results",
    ),
    path(
        "clinic/patients/<uuid:public_id>/results/<uuid:response_id>/",
        clinician_views.response_detail,
        name="response_detail",
    ),
    path(
        "clinic/patients/<uuid:public_id>/paper/",
        clinician_views.paper_choice,
        name="paper_choice",
    ),
    path(
        "clinic/patients/<uuid:public_id>/paper/<str:entry>/",
        clinician_views.paper_entry,
        name="paper_entry",
    ),
    path("clinic/admin/questionnaires/", clinician_views.clinic_settings, name="clinic_settings"),
    path(
        "clinic/admin/questionnaires/wording/",
        clinician_views.install_pack,
        name="install_pack",
    ),
    path(
        "clinic/admin/questionnaires/wording/<int:pack_id>/remove/",
        clinician_views.remove_pack,
        name="remove_pack",
    ),
]
