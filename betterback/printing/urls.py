from django.urls import path

from betterback.printing import views

app_name = "printing"
P = "clinic/patients/<uuid:public_id>/"
urlpatterns = [
    path(P + "pdf/<slug:material_id>/", views.clinician_material, name="clinician_material"),
    path(P + "plan.pdf", views.clinician_plan, name="clinician_plan"),
    path("clinic/pdf/blank/<slug:material_id>/", views.blank_material, name="blank_material"),
    path("clinic/pdf/questionnaire/<str:entry>/", views.questionnaire, name="questionnaire"),
    path("me/pdf/<slug:material_id>/", views.patient_material, name="patient_material"),
    path("me/plan.pdf", views.patient_plan, name="patient_plan"),
    path("clinic/training/certificate/", views.certificate, name="certificate"),
]
