# The two set-up commands (README): `make site` builds the site from data/, `make test` runs every test.
# Both create .venv and install the pinned, hash-checked dependencies on first run.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: site build test serve lint accuracy lock browser clean

site: $(VENV)/.site-installed
	$(BIN)/python -m builder build

# the same build, warnings (skipped files, mkdocs warnings) fail it: what CI publishes
build: $(VENV)/.site-installed
	$(BIN)/python -m builder build --strict

serve: site
	$(BIN)/python -m mkdocs serve

test: $(VENV)/.dev-installed browser
	$(BIN)/python -m pytest -q

lint: $(VENV)/.dev-installed
	$(BIN)/ruff check builder tests
	$(BIN)/mypy builder

# accuracy on ../shared/eval (not redistributable, absent from clones); writes the committed results file
accuracy: $(VENV)/.site-installed
	$(BIN)/python bench/accuracy.py

$(VENV)/.site-installed: requirements/site.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements/site.txt
	touch $@

$(VENV)/.dev-installed: $(VENV)/.site-installed requirements/dev.txt
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements/dev.txt
	touch $@

# Debian's Chromium for the browser tests (no browser download); skipped quietly where apt is not usable
browser:
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; } || \
	  echo "note: chromium not installed; browser tests will be skipped (apt-get install chromium chromium-driver)"

# re-pin after editing requirements/*.in
lock: $(VENV)/.dev-installed
	$(BIN)/python -m pip install --quiet pip-tools
	cd requirements && ../$(BIN)/pip-compile -q --generate-hashes --strip-extras --allow-unsafe -o site.txt site.in
	cd requirements && ../$(BIN)/pip-compile -q --generate-hashes --strip-extras --allow-unsafe -o dev.txt dev.in

clean:
	rm -rf site .pytest_cache .mypy_cache .ruff_cache
