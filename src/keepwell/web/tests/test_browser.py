"""The main journey in a real browser: sign in as HR, find a person, see the contracts ending soon."""

from __future__ import annotations

import pytest
from conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_hr_signs_in_and_sees_employees_and_contracts_ending(world, browser_page):
    page = browser_page
    page.goto("/")
    assert "/login/" in page.url
    page.fill("#id_username", "hr_a")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/")
    page.click("text=Employees")
    rows = page.locator("table.data tbody tr")
    assert rows.count() == 6
    page.click("text=N001")
    assert page.locator("h1").inner_text().startswith("N001")
    assert "20000.00 CNY" in page.locator("table.data").first.inner_text()
    # Beijing: written notice 30 days before the 2027-01-15 expiry.
    assert "2026-12-16" in page.locator("#legal .alert").inner_text()
    page.goto("/contracts/ending/?as_of=2026-11-27")
    assert page.locator("table.data tbody tr").first.inner_text().split("\t")[0] == "N001"


def test_a_manager_cannot_open_another_team_in_the_browser(world, browser_page):
    page = browser_page
    page.goto("/login/")
    page.fill("#id_username", "manager_south")
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/")
    response = page.goto("/employees/N001/")
    assert response.status == 404
