from django.urls import path

from betterback.safety import views

app_name = "safety"
urlpatterns = [
    path(
        "clinic/patients/<uuid:public_id>/alerts/<uuid:alert_id>/acknowledge/",
        views.acknowledge,
        name="acknowledge",
    ),
    path("clinic/admin/safety/", views.clinic_settings, name="clinic_settings"),
]
