from django.urls import path

from betterback.sharing import views

app_name = "sharing"
urlpatterns = [
    path("me/sharing/", views.mine, name="mine"),
    path("me/sharing/new/", views.create, name="create"),
    path("me/sharing/<uuid:share_id>/stop/", views.revoke, name="revoke"),
    path("share/<str:token>/", views.accept, name="accept"),
    path("clinic/shared/", views.shared_list, name="shared_list"),
    path("clinic/shared/<uuid:share_id>/", views.shared_plan, name="shared_plan"),
]
