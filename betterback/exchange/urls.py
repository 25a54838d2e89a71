from django.urls import path

from betterback.exchange import views

app_name = "exchange"
urlpatterns = [
    path("clinic/patients/<uuid:public_id>/fhir.json", views.patient_fhir, name="patient_fhir"),
]
