from __future__ import annotations

from rest_framework import serializers

from keepwell.contracts.models import EmploymentContract
from keepwell.people.models import Employee


class EmployeeSerializer(serializers.ModelSerializer):
    team = serializers.CharField(source="team.code", read_only=True)
    manager_id = serializers.CharField(source="manager.employee_id", read_only=True, default=None)

    class Meta:
        model = Employee
        fields = [
            "employee_id",
            "name",
            "email",
            "team",
            "manager_id",
            "role",
            "hire_date",
            "jurisdiction",
            "timezone",
            "currency",
            "status",
        ]
        read_only_fields = fields


class EmployeeUpdateSerializer(serializers.Serializer):
    name = serializers.CharField(required=False)
    email = serializers.CharField(required=False, allow_blank=True)
    status = serializers.CharField(required=False)


class ContractSerializer(serializers.ModelSerializer):
    employee_id = serializers.CharField(source="employee.employee_id", read_only=True)
    monthly_base_salary = serializers.SerializerMethodField()

    class Meta:
        model = EmploymentContract
        fields = [
            "contract_id",
            "employee_id",
            "sequence",
            "type",
            "start_date",
            "end_date",
            "monthly_base_salary",
            "currency",
            "jurisdiction",
        ]
        read_only_fields = fields

    def get_monthly_base_salary(self, contract: EmploymentContract) -> str | None:
        """Shown only to those allowed to see pay; null otherwise."""
        visible = self.context.get("salary_visible", lambda employee: False)
        return str(contract.monthly_base_salary) if visible(contract.employee) else None
