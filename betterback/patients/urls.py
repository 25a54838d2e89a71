from django.urls import path

from betterback.patients import views

app_name = "patients"
urlpatterns = [
    path("clinic/patients/<uuid:public_id>/end-care/", views.end_care, name="end_care"),
    path("me/access-log/", views.access_log, name="access_log"),
]
