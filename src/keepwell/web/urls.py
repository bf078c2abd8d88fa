from django.contrib.auth import views as auth_views
from django.urls import path

from keepwell.web import views

urlpatterns = [
    path("login/", auth_views.LoginView.as_view(template_name="web/login.html"), name="login"),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("", views.home, name="home"),
    path("employees/", views.employee_list_view, name="employee-list"),
    path("employees/<str:employee_id>/", views.employee_detail_view, name="employee-detail"),
    path("contracts/ending/", views.contracts_ending_view, name="contracts-ending"),
    path("renewals/", views.renewal_queue_view, name="renewal-queue"),
    path("renewal-policy/", views.renewal_policy_page, name="renewal-policy"),
    path("renewals/<str:employee_id>/", views.renewal_case_view, name="renewal-case"),
]
