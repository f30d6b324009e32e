# Two commands for a newcomer: `make demo` and `make test`.
# Both build .venv from pyproject.toml first, and do nothing more when it is up to date.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
NODE_TOOLS := tests/node/node_modules/.installed

.PHONY: demo test lint typecheck pytest pythons bench docs schemas mutation clean studio-screenshots

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[all,dev]'
	touch $(STAMP)

# Independent checkers from other ecosystems (editor language services, an SSML checker),
# pinned by tests/node/package-lock.json and run with node by the tests.
$(NODE_TOOLS): tests/node/package.json tests/node/package-lock.json
	cd tests/node && npm ci --no-audit --no-fund --loglevel=error
	touch $(NODE_TOOLS)

demo: $(STAMP)
	$(BIN)/python examples/demo.py

test: lint typecheck pytest

lint: $(STAMP)
	$(BIN)/ruff check ttsbuilder tests examples benchmarks
	$(BIN)/ruff format --check ttsbuilder tests examples benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy --strict ttsbuilder

pytest: $(STAMP) $(NODE_TOOLS)
	$(BIN)/pytest -n auto --dist loadgroup -q

# The whole suite under each other Python that pyproject.toml promises (`make test` runs
# 3.11), each in its own .venv-3.X built from pyproject.toml as .venv is; one at a time, as
# the suite already uses every core. An interpreter this machine lacks is skipped with one
# line; any failed run fails the target. Why these versions: docs/development.md.
PYTHONS := 3.10 3.12 3.13

pythons: $(NODE_TOOLS)
	@failed=""; for version in $(PYTHONS); do \
	  python=""; \
	  for candidate in $$(command -v python$$version) $$HOME/.pyenv/versions/$$version.*/bin/python$$version; do \
	    if "$$candidate" -c "" 2>/dev/null; then python=$$candidate; break; fi; \
	  done; \
	  if [ -z "$$python" ]; then echo "pythons: skipped $$version: no python$$version on this machine"; continue; fi; \
	  echo "pythons: $$version ($$python)"; \
	  $(MAKE) --no-print-directory PYTHON=$$python VENV=.venv-$$version pytest || failed="$$failed $$version"; \
	done; \
	if [ -n "$$failed" ]; then echo "pythons: the suite failed on$$failed"; exit 1; fi

bench: $(STAMP)
	for script in benchmarks/bench_*.py; do $(BIN)/python $$script || exit 1; done

docs: $(STAMP)
	$(BIN)/python -m ttsbuilder.rules.docs > docs/rules.md
	$(BIN)/python -m ttsbuilder._reference > docs/api.md

schemas: $(STAMP)
	$(BIN)/python -m ttsbuilder._schema_build ttsbuilder/schemas
	$(BIN)/python -m ttsbuilder.openapi ttsbuilder/schemas

# The screenshots in docs/studio.md, taken by the studio's browser tests (Debian's chromium).
studio-screenshots: $(STAMP)
	TTSBUILDER_SCREENSHOTS=docs/studio $(BIN)/pytest -q -p no:xdist tests/studio/test_studio_browser.py

# Mutation testing of ttsbuilder/rules/, values.py, routes.py, clients.py, _codings.py,
# lint/fix.py, lint/suppress.py, builder/, detection.py and lint/discovery.py (not part of `make test`;
# configured in [tool.mutmut] of pyproject.toml, scores in docs/mutation.md). CI=1 loads
# the derandomized hypothesis profile, so a mutant's verdict does not depend on luck.
mutation: $(STAMP)
	CI=1 $(BIN)/mutmut run --max-children $${MUTATION_JOBS:-2}
	$(BIN)/mutmut results

clean:
	rm -rf mutants $(VENV) $(PYTHONS:%=.venv-%) tests/node/node_modules build dist .pytest_cache .mypy_cache .ruff_cache
