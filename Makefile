# The two commands of the README: `make run` (the main job on data/raw) and `make test`.
# Each installs what it needs first (tesseract with its Vietnamese model, the Python environment) and skips
# what is already there.

SHELL := /bin/bash
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_PACKAGES := tesseract-ocr tesseract-ocr-vie fonts-dejavu-core libreoffice-writer-nogui chromium
FONT := /usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf

.PHONY: run test setup system eval bench samples hypothesis notebook

run: setup
	$(BIN)/vanban run data/raw --out data/processed

test: setup
	$(BIN)/pytest

eval: setup
	$(BIN)/vanban eval tests/gold data/eval

hypothesis: setup  # property tests with 10 000 examples each (not part of `make test`)
	HYPOTHESIS_PROFILE=thorough $(BIN)/pytest tests/test_properties.py

OUT ?= data/processed
notebook: setup  # Jupyter on notebooks/, reading the tables of $(OUT) (the last `make run`; OUT=folder for another)
	$(BIN)/pip install -q -e '.[notebooks]'
	VANBAN_OUT=$(abspath $(OUT)) $(BIN)/jupyter lab notebooks/

bench: setup  # OCRmyPDF, compared in ocr_throughput, gets its own environment there; it needs Ghostscript
	@command -v gs >/dev/null || DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq ghostscript
	$(BIN)/python benchmarks/run_all.py

samples: setup
	$(BIN)/python scripts/make_samples.py

setup: system $(BIN)/.installed

system:
	@if ! command -v tesseract >/dev/null || ! tesseract --list-langs 2>/dev/null | grep -qx vie || [ ! -f $(FONT) ] \
	  || ! command -v soffice >/dev/null || ! command -v chromium >/dev/null; then \
	  echo "installing $(APT_PACKAGES)"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $(APT_PACKAGES); \
	fi

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $@
