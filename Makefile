# KeepWell — the two commands a newcomer needs: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
UV := $(BIN)/uv
STAMP := $(VENV)/.synced
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: demo test test-sqlite test-postgres lint bench setup browser clean

setup: $(STAMP)

$(STAMP): pyproject.toml uv.lock
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@test -x $(UV) || $(BIN)/python -m pip install --quiet --disable-pip-version-check "uv>=0.5,<1"
	UV_PROJECT_ENVIRONMENT=$(VENV) $(UV) sync --frozen --quiet
	@touch $(STAMP)

demo: setup
	$(BIN)/keepwell demo up --host $(HOST) --port $(PORT)

lint: setup
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy src
	$(BIN)/keepwell makemigrations --check --dry-run

test: setup lint
	$(BIN)/python -m scripts.browser_check
	$(BIN)/pytest -n 2 --dist loadgroup
	@if [ -n "$$KEEPWELL_TEST_POSTGRES" ] || [ "$$CI" = "true" ]; then $(MAKE) --no-print-directory test-postgres; fi

test-postgres: setup
	KEEPWELL_DATABASE_URL=$${KEEPWELL_TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/test} \
	  $(BIN)/pytest -n 2 --dist loadgroup -m "not browser"

bench: setup
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) var/demo .pytest_cache .mypy_cache .ruff_cache
