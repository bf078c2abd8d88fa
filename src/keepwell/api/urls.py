from django.urls import path
from drf_spectacular.views import SpectacularAPIView

from keepwell.api import views

urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("employees/", views.EmployeeListView.as_view(), name="api-employee-list"),
    path("employees/<str:employee_id>/", views.EmployeeDetailView.as_view(), name="api-employee-detail"),
    path("contracts/", views.ContractListView.as_view(), name="api-contract-list"),
    path("renewals/", views.RenewalQueueView.as_view(), name="api-renewal-queue"),
    path("renewal-policy/", views.RenewalPolicyView.as_view(), name="api-renewal-policy"),
    path("renewals/<str:employee_id>/", views.RenewalCaseView.as_view(), name="api-renewal-case"),
]
