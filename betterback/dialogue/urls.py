from django.urls import path

from betterback.dialogue import views

app_name = "dialogue"
P = "clinic/patients/<uuid:public_id>/"
urlpatterns = [
    path(P + "sessions/start/", views.start, name="start"),
    path(P + "sessions/<int:session_id>/", views.session, name="session"),
    path(P + "sessions/<int:session_id>/end/", views.end, name="end"),
    path(P + "sessions/<int:session_id>/summary/", views.summary, name="summary"),
    path(P + "materials/<slug:material_id>/", views.material, name="material"),
    path(P + "plan/", views.patient_plan, name="patient_plan"),
    path(P + "plan/print/", views.patient_plan_print, name="patient_plan_print"),
    path("me/plan/", views.my_plan, name="my_plan"),
    path("me/plan/print/", views.my_plan_print, name="my_plan_print"),
]
