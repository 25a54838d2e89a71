from django.urls import path

from betterback.front import views

app_name = "front"
urlpatterns = [
    path("", views.start, name="start"),
    path("me/", views.patient_home, name="patient_home"),
    path("clinic/", views.patient_list, name="patient_list"),
    path("clinic/patients/<uuid:public_id>/", views.patient_overview, name="patient_overview"),
    path("clinic/follow-up/", views.follow_up, name="follow_up"),
    path("clinic/admin/", views.admin_overview, name="admin_overview"),
]
