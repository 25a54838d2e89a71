from django.urls import path

from betterback.invitations import views

app_name = "invitations"
urlpatterns = [
    path("clinic/invitations/new/", views.invite, name="invite"),
    path("clinic/invitations/<int:pk>/", views.detail, name="detail"),
    path("clinic/invitations/<int:pk>/renew/", views.renew, name="renew"),
    path("invitation/<str:token>/", views.accept, name="accept"),
]
