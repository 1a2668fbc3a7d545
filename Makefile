# The two commands: `make run` serves the demo county, `make test` runs the whole suite.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
TEST_WORKERS ?= 2

.PHONY: run test lint install migrate demo index serve browser-deps clean

# Development and tests install requirements-test.txt (production's requirements.txt plus test tools).
$(VENV)/.installed: requirements.txt requirements-test.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-test.txt
	touch $@

install: $(VENV)/.installed

migrate: install
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py seed_demo

index: demo
	$(PY) manage.py rebuild_index --noinput

# The task worker (search index queue, mail retries) runs beside the web server and stops with it.
run: index
	$(PY) manage.py collectstatic --noinput --verbosity 0
	@mkdir -p var
	@echo "Serving the demo county on http://$(HOST):$(PORT)/ (admin: http://$(HOST):$(PORT)/admin/)"
	@trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(PY) manage.py db_worker >var/worker.log 2>&1 & worker=$$!; \
	$(PY) manage.py runserver --noreload $(HOST):$(PORT)

# Two processes for most tests, then the few that commit real transactions (browser, concurrency) alone.
# Both halves always run; the target fails if either failed. The slowest tests are listed to keep CI short.
test: install
	@status=0; \
	$(PY) -m ruff check . || status=1; \
	$(PY) -m pytest -n $(TEST_WORKERS) -m "not serial" --durations=15 || status=1; \
	$(PY) -m pytest -m serial --durations=10 || status=1; \
	if [ $$status -ne 0 ]; then echo "make test: a half of the suite failed (see above)"; fi; \
	exit $$status

lint: install
	$(PY) -m ruff check .

clean:
	rm -rf $(VENV) db.sqlite3 var media static_collected
