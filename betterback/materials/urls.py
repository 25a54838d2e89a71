from django.urls import path

from betterback.materials import views

app_name = "materials"
urlpatterns = [
    path(
        "clinic/patients/<uuid:public_id>/materials/what-matters/",
        views.clinician_what_matters,
        name="clinician_what_matters",
    ),
    path(
        "clinic/patients/<uuid:public_id>/materials/what-matters/print/",
        views.clinician_what_matters_print,
        name="clinician_what_matters_print",
    ),
    path("me/materials/what-matters/", views.patient_what_matters, name="patient_what_matters"),
    path(
        "me/materials/what-matters/print/",
        views.patient_what_matters_print,
        name="patient_what_matters_print",
    ),
]
