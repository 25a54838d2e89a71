from django.urls import path

from betterback.clinics import views

app_name = "clinics"
urlpatterns = [
    path("clinic/admin/", views.admin_overview, name="admin_overview"),
]
