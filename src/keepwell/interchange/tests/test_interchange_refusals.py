"""Files that cannot be used at all change nothing; the commands' output and exit statuses."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from keepwell.audit.models import AuditEvent
from keepwell.crm.models import Activity
from keepwell.interchange.entities import ENTITIES
from keepwell.interchange.errors import FileRefused
from keepwell.interchange.services import export_file, import_file
from keepwell.interchange.tests.files import write_csv
from keepwell.people.models import Employee
from keepwell.tenancy.context import tenant_context

pytestmark = pytest.mark.django_db

GOOD_ROW = ["A1", "N001", "", "", "call", "screening", "2026-01-05T09:30:00+08:00", "30", "", ""]
COLUMNS = list(ENTITIES["activities"].column_names)


def _state(tenant):
    with tenant_context(tenant):
        return Activity.objects.count(), Employee.objects.count(), AuditEvent.objects.count()


@pytest.mark.parametrize(
    ("header", "field", "message"),
    [
        (
            COLUMNS[:-1],
            "replied_at",
            "the header lacks column 'replied_at'; activities files have the columns " + ", ".join(COLUMNS),
        ),
        (
            [*COLUMNS, "notes"],
            "notes",
            "unknown column 'notes' in the header; activities files have the columns " + ", ".join(COLUMNS),
        ),
        ([*COLUMNS[:-1], "kind"], "kind", "column 'kind' appears more than once in the header"),
        ([name.upper() for name in COLUMNS], "activity_id", "the header lacks column 'activity_id'"),
    ],
)
def test_a_wrong_header_refuses_the_whole_file_and_changes_nothing(world, tmp_path, header, field, message):
    path = write_csv(tmp_path / "activities.csv", "activities", [GOOD_ROW[: len(header)]], header=header)
    before = _state(world.tenant_a)

    with pytest.raises(FileRefused) as refused:
        import_file(tenant=world.tenant_a, entity="activities", path=path)

    assert refused.value.field == field
    assert refused.value.message.startswith(message)
    assert _state(world.tenant_a) == before
    assert not (tmp_path / "activities.csv.rejected.csv").exists()


def test_columns_may_come_in_any_order(world, tmp_path):
    order = [4, 0, 9, 1, 2, 3, 5, 6, 7, 8]
    path = write_csv(
        tmp_path / "activities.csv",
        "activities",
        [[GOOD_ROW[index] for index in order]],
        header=[COLUMNS[index] for index in order],
    )

    result = import_file(tenant=world.tenant_a, entity="activities", path=path)

    assert result.summary() == "read 1, imported 1, updated 0, rejected 0"
    with tenant_context(world.tenant_a):
        assert Activity.objects.get(activity_id="A1").kind == "call"


@pytest.mark.parametrize(
    ("name", "content", "file_format", "field", "message"),
    [
        ("missing.csv", None, None, "path", "no file"),
        ("empty.csv", b"", None, "path", "the file is empty: a CSV file starts with its header"),
        (
            "latin.csv",
            (",".join(COLUMNS) + "\nA1,Jos\xe9,,,,,,,,\n").encode("latin-1"),
            None,
            "path",
            "the file is not UTF-8",
        ),
        ("activities.txt", b"x", None, "format", "cannot tell the format of 'activities.txt'"),
        ("activities.csv", b"x", "parquet", "format", "unknown format 'parquet'; one of csv, json, xlsx"),
        (
            "object.json",
            b'{"activity_id": "A1"}',
            None,
            "path",
            "a JSON interchange file is an array of objects",
        ),
        ("broken.json", b"[{", None, "path", "not valid JSON"),
        ("fake.xlsx", b"not a workbook", None, "path", "not a readable XLSX workbook"),
    ],
)
def test_unusable_files_are_refused_naming_the_parameter(
    world, tmp_path, name, content, file_format, field, message
):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    before = _state(world.tenant_a)

    with pytest.raises(FileRefused) as refused:
        import_file(tenant=world.tenant_a, entity="activities", path=path, file_format=file_format)

    assert (refused.value.field, refused.value.message[: len(message)]) == (field, message)
    assert _state(world.tenant_a) == before


def test_an_unknown_entity_is_refused(world, tmp_path):
    with pytest.raises(FileRefused) as refused:
        import_file(tenant=world.tenant_a, entity="meetings", path=tmp_path / "x.csv")
    assert refused.value.field == "entity"


def _command(*arguments):
    stdout, stderr = StringIO(), StringIO()
    try:
        call_command(*arguments, stdout=stdout, stderr=stderr)
    except SystemExit as exit_:
        return exit_.code, stdout.getvalue(), stderr.getvalue()
    except CommandError as error:
        return error.returncode, stdout.getvalue(), str(error)
    return 0, stdout.getvalue(), stderr.getvalue()


def test_the_import_command_ends_with_the_counts_and_exits_0(world, tmp_path):
    path = write_csv(tmp_path / "activities.csv", "activities", [GOOD_ROW])

    status, stdout, _stderr = _command("import", "activities", str(path), "--tenant", "acme")

    assert status == 0
    assert stdout.splitlines()[-1] == "read 1, imported 1, updated 0, rejected 0"


def test_the_import_command_lists_rejections_and_exits_1(world, tmp_path):
    bad = [*GOOD_ROW[:5], "gossip", *GOOD_ROW[6:]]
    path = write_csv(tmp_path / "activities.csv", "activities", [GOOD_ROW, ["A2", *bad[1:]]])

    status, stdout, stderr = _command(
        "import", "activities", str(path), "--tenant", "acme", "--format", "csv"
    )

    assert status == 1
    assert stdout.splitlines()[-1] == "read 2, imported 1, updated 0, rejected 1"
    assert stderr.splitlines() == [
        "row 3, purpose: 'gossip' is not one of screening, needs_discovery, follow_up, demo, support",
        f"rejected rows: {tmp_path / 'activities.csv.rejected.csv'}",
    ]


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (("--tenant", "nobody-here"), "tenant: no tenant 'nobody-here' — nothing was imported"),
        (("--tenant", "acme", "--format", "json"), "path: not valid JSON"),
    ],
)
def test_the_import_command_exits_2_when_nothing_can_be_imported(world, tmp_path, arguments, message):
    path = write_csv(tmp_path / "activities.csv", "activities", [GOOD_ROW])
    before = _state(world.tenant_a)

    status, _stdout, error = _command("import", "activities", str(path), *arguments)

    assert status == 2
    assert error.startswith(message)
    assert _state(world.tenant_a) == before


def test_the_export_command_writes_the_file(world, tmp_path):
    out = tmp_path / "employees.json"

    status, stdout, _stderr = _command("export", "employees", "--tenant", "globex", "--out", str(out))

    assert (status, stdout.strip()) == (0, f"exported 1 employees rows to {out}")
    assert out.read_text(encoding="utf-8").startswith('[\n{"employee_id": "B001", "name": "B001"')


def test_exporting_into_a_missing_directory_is_refused(world, tmp_path):
    with pytest.raises(FileRefused) as refused:
        export_file(tenant=world.tenant_a, entity="employees", path=tmp_path / "nowhere" / "employees.csv")
    assert refused.value.field == "out"


def test_a_semicolon_separated_file_is_refused_with_a_hint(world, tmp_path):
    path = tmp_path / "activities.csv"
    path.write_text(";".join(COLUMNS) + "\nA1;N001;;;call;;2026-01-05T09:30:00Z;;;\n", encoding="utf-8")

    with pytest.raises(FileRefused) as refused:
        import_file(tenant=world.tenant_a, entity="activities", path=path)

    assert refused.value.message == (
        "the header is one column: the file seems to separate columns with ';'; "
        "interchange CSV files separate them with ','"
    )


def test_the_import_command_shows_a_progress_bar_on_stderr_for_large_files(
    world, tmp_path, monkeypatch, capsys
):
    monkeypatch.setattr("keepwell.interchange.management.commands.import.PROGRESS_FROM_BYTES", 100)
    path = write_csv(tmp_path / "activities.csv", "activities", [GOOD_ROW, ["A2", *GOOD_ROW[1:]]])

    status, stdout, _stderr = _command("import", "activities", str(path), "--tenant", "acme")

    assert status == 0
    assert stdout.splitlines()[-1] == "read 2, imported 2, updated 0, rejected 0"
    assert "activities" in capsys.readouterr().err  # tqdm's bar, labelled with the entity
