from django.urls import path

from betterback.training import views

app_name = "training"
T = "clinic/training/"
urlpatterns = [
    path(T, views.overview, name="overview"),
    path(T + "modules/<slug:module_id>/", views.module, name="module"),
    path(T + "modules/<slug:module_id>/done/", views.module_done, name="module_done"),
    path(T + "modules/<slug:module_id>/quiz/<slug:question_id>/", views.question, name="question"),
    path(T + "cases/<slug:case_id>/", views.case, name="case"),
    path(T + "cases/<slug:case_id>/<slug:step_id>/", views.step, name="step"),
    path(T + "reflections/", views.reflections, name="reflections"),
    path(
        "clinic/patients/<uuid:public_id>/sessions/<int:session_id>/reflection/",
        views.reflect,
        name="reflect",
    ),
    path("clinic/admin/training/", views.clinic_progress, name="clinic_progress"),
]
