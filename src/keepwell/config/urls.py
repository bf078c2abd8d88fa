from django.urls import include, path

urlpatterns = [
    path("api/", include("keepwell.api.urls")),
    path("", include("keepwell.web.urls")),
]
