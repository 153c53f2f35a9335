# Læringsmiljøprosjektet – tasks. `make help` lists them.
# Everything runs in .venv, made from the pinned requirements.txt on first use.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.DEFAULT_GOAL := help
.PHONY: help setup serve check build build-fast test links-online benchmark zip lock clean

help: ## List the tasks
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-13s %s\n", $$1, $$2}'

# The site's own code (lmp, lmp_mkdocs: pyproject.toml) is installed in editable mode: a change to it
# needs no reinstall, and mkdocs.yml's `- lmp` plugin is found by its entry point.
$(BIN)/mkdocs: requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -r requirements.txt
	$(BIN)/pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

# The Nu HTML Checker, pinned in package.json/package-lock.json (its jar is in the package; the
# install script, which would download a Java, is not run: tests use the system's java).
node_modules/vnu-jar/build/dist/vnu.jar: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

setup: $(BIN)/mkdocs ## Make .venv with the pinned packages

serve: setup ## Serve every language at http://127.0.0.1:8000/ with live reload (PDFs off; saving a page rebuilds only its language and the default one)
	PDF=$${PDF:-false} $(BIN)/mkdocs serve --no-strict --dev-addr 127.0.0.1:8000

# The authors' tier: about a minute. The site without PDFs (it stops at once, listing every content
# problem with its file and line), the readability report (median LIX per folder and language, at most
# 40: --pages lists every page), then the tests that need neither PDFs nor a browser, on that build.
CHECK_SITE := .cache/check-site
check: setup ## For authors, in about a minute: the site without PDFs (content checks first), readability, the fast tests
	PDF=false $(BIN)/mkdocs build --strict --quiet -d $(CHECK_SITE)
	$(BIN)/python scripts/readability.py docs
	LMP_TEST_HTML_SITE=$(CHECK_SITE) $(BIN)/python -m pytest -m "not full" -q

build: setup ## Build the whole site into site/, PDFs included (strict: any warning fails)
	$(BIN)/mkdocs build --strict

build-fast: setup ## Build without PDFs
	PDF=false $(BIN)/mkdocs build --strict

# Two workers, one per core (pytest-xdist), each test file kept in one worker; the site is built
# once for both (tests/conftest.py `built_once`).
test: setup node_modules/vnu-jar/build/dist/vnu.jar ## Build everything and run every test (what CI runs)
	$(BIN)/python -m pytest -n 2 --dist loadfile

links-online: setup ## Check every external link on the web (needs a network)
	$(BIN)/python scripts/check_external_links.py

benchmark: setup ## Time the builds, count pages and PDFs, measure search and page weight
	$(BIN)/python scripts/benchmark.py

zip: build ## Pack the built site as dist/laringsmiljo-offline.zip for use without a network
	mkdir -p dist && rm -f dist/laringsmiljo-offline.zip
	cd site && $(CURDIR)/$(BIN)/python -m zipfile -c ../dist/laringsmiljo-offline.zip .

lock: ## Re-resolve requirements.in into the pinned requirements.txt
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet -r requirements.in
	{ echo "# Fully pinned lock of requirements.in (Python 3.11, Linux). Regenerate with: make lock"; \
	  .lock-venv/bin/pip freeze; } > requirements.txt
	rm -rf .lock-venv

clean: ## Remove site/ (and its nginx snippet), dist/ and caches (keeps .venv)
	rm -rf site site-nginx.conf dist .pytest_cache
