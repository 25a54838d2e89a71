from django.urls import path

from betterback.rights import views

app_name = "rights"
urlpatterns = [
    path("me/my-data/", views.my_data, name="my_data"),
    path("me/my-data/data.json", views.data_json, name="json"),
    path("me/my-data/summary.pdf", views.summary_pdf, name="pdf"),
    path("me/my-data/fhir.json", views.fhir_json, name="fhir"),
    path("me/my-data/delete/", views.delete, name="delete"),
]
