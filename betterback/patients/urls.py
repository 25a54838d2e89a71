from django.urls import path

from betterback.patients import views

app_name = "patients"
urlpatterns = [
    path("clinic/", views.patient_list, name="list"),
    path("clinic/patients/<uuid:public_id>/", views.patient_overview, name="overview"),
    path("clinic/patients/<uuid:public_id>/end-care/", views.end_care, name="end_care"),
    path("me/", views.patient_home, name="home"),
    path("me/access-log/", views.access_log, name="access_log"),
]
