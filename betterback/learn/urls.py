from django.urls import path

from betterback.learn import views

app_name = "learn"
urlpatterns = [
    path("me/learn/", views.library, name="library"),
    path("me/learn/<slug:material_id>/", views.material, name="material"),
]
