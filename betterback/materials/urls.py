from django.urls import path

from betterback.materials import views

app_name = "materials"
urlpatterns = [
    path(
        "clinic/patients/<uuid:public_id>/materials/<slug:material_id>/print/",
        views.clinician_print,
        name="clinician_print",
    ),
    path("me/materials/<slug:material_id>/", views.patient_material, name="patient_material"),
    path("me/materials/<slug:material_id>/print/", views.patient_print, name="patient_print"),
]
