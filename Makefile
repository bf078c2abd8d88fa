# KeepWell — the two commands a newcomer needs: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
UV := $(BIN)/uv
STAMP := $(VENV)/.synced
HOST ?= 127.0.0.1
PORT ?= 8000
# The PostgreSQL pass of the suite; CI=true makes it (and the browser tests) mandatory.
TEST_POSTGRES_URL ?= postgres://postgres@127.0.0.1:5432/test
CHROMIUM ?= /usr/bin/chromium

.PHONY: demo test test-sqlite test-postgres lint bench bench-quick setup browser clean

setup: $(STAMP)

$(STAMP): pyproject.toml uv.lock
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@test -x $(UV) || $(BIN)/python -m pip install --quiet --disable-pip-version-check "uv>=0.5,<1"
	UV_PROJECT_ENVIRONMENT=$(VENV) $(UV) sync --frozen --quiet
	@touch $(STAMP)

demo: setup
	$(BIN)/keepwell migrate --no-input -v0
	$(BIN)/keepwell demo load
	KEEPWELL_DEBUG=true $(BIN)/keepwell serve --host $(HOST) --port $(PORT)

lint: setup
	$(BIN)/ruff check src bench conftest.py
	$(BIN)/ruff format --check src bench conftest.py
	$(BIN)/mypy src
	$(BIN)/keepwell makemigrations --check --dry-run

# Debian's Chromium for the browser tests (Playwright drives it; it never downloads a browser).
browser:
	@if [ ! -x $(CHROMIUM) ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get install -y -q chromium >/dev/null 2>&1 || (apt-get update -q >/dev/null && apt-get install -y -q chromium >/dev/null); \
	  else echo "Chromium is missing: install Debian's 'chromium' package (the browser tests need it)"; fi; \
	fi

test: setup lint browser test-sqlite
	@if [ "$$CI" = "true" ] || $(BIN)/python -m keepwell.ops.probe postgres "$(TEST_POSTGRES_URL)"; then \
	  $(MAKE) --no-print-directory test-postgres; \
	else echo "NOTE: PostgreSQL at $(TEST_POSTGRES_URL) is not reachable: the PostgreSQL pass did not run"; fi

test-sqlite: setup
	KEEPWELL_CHROMIUM=$(CHROMIUM) $(BIN)/pytest -n 2 --dist loadgroup

test-postgres: setup
	KEEPWELL_DATABASE_URL=$(TEST_POSTGRES_URL) $(BIN)/pytest -n 2 --dist loadgroup -m "not browser"

bench: setup
	$(BIN)/python -m bench

bench-quick: setup
	$(BIN)/python -m bench --quick

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis
