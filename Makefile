# publisher: two commands on a fresh Debian machine (as root, or with sudo).
#
#   make publish   install what is missing, then build every guide in every
#                  shipped language into output/
#   make test      install what is missing, then run the whole test suite
#
# Setup installs missing Debian packages (speech engine, fonts, PDF and audio
# tools), creates .venv and installs the project with pinned dependencies.
# Each step prints one line; what apt-get, pip and npm say goes to
# .cache/setup.log, which a failed step names, showing its last lines.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SETUP_LOG := .cache/setup.log

# `logged COMMAND...` (in a recipe, after $(LOGGED);) runs COMMAND with its
# output added to $(SETUP_LOG). If it fails: one line naming the log, then
# the last lines COMMAND wrote there (all of them under CI, whose machine is
# thrown away), and the recipe fails with COMMAND's exit status.
LOGGED = logged() { \
	  mkdir -p $(dir $(SETUP_LOG)) && printf '\n== %s  %s\n' "$$(date -u '+%F %T')" "$$*" >> $(SETUP_LOG); \
	  first=$$(($$(wc -l < $(SETUP_LOG)) + 1)); \
	  "$$@" >> $(SETUP_LOG) 2>&1 < /dev/null && return; \
	  status=$$?; \
	  echo "Setup failed: '$$*' exited with status $$status; its output is in $(SETUP_LOG), ending:" >&2; \
	  tail -n +$$first $(SETUP_LOG) | tail -n $(if $(filter-out false 0,$(CI)),+1,15) | sed 's/^/    /' >&2; \
	  exit $$status; \
	}

# $(call install_debian,PACKAGES): a recipe that installs those of PACKAGES
# that are missing, with apt-get (through sudo unless root; env passes
# DEBIAN_FRONTEND on, as sudo would drop it).
define install_debian
@missing=$$(for package in $(1); do \
	  dpkg-query -W -f='$${Status}\n' $$package 2>/dev/null | grep -q '^install ok installed' || echo $$package; \
	done); \
	if [ -n "$$missing" ]; then \
	  $(LOGGED); \
	  echo "Installing Debian packages:" $$missing "(log: $(SETUP_LOG))"; \
	  sudo=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	  logged $$sudo apt-get update && \
	  logged $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $$missing; \
	fi
endef

# espeak-ng: the speech engine pyttsx3 drives; libpango/libharfbuzz-subset0:
# WeasyPrint's text layout and fast font subsetting; fonts-noto-core: fonts for
# scripts Atkinson Hyperlegible lacks (Arabic...); gettext: msgfmt;
# poppler-utils and ffmpeg: the tests look at PDFs and decode and meter MP3s.
# python3-link-grammar, link-grammar-dictionaries-en: the parser that checks
# every plain-language rewrite; wordnet-base: multi-word names that stay
# whole; hunspell-en-med, hunspell-en-us: medical words and names, to mend
# words split across lines and spot unexplained terms; hunspell: its command
# line, which the source check asks about misspelled words. time: GNU time, for the
# memory figures of bench/build_speed.py. liblouis20, liblouis-data, python3-louis:
# braille transcription (and back-translation, for the tests).
DEBIAN_PACKAGES := python3 python3-venv espeak-ng libespeak-ng1 libpango-1.0-0 \
	libpangoft2-1.0-0 libharfbuzz-subset0 fonts-noto-core gettext poppler-utils ffmpeg \
	python3-link-grammar link-grammar-dictionaries-en wordnet-base hunspell hunspell-en-med hunspell-en-us time \
	liblouis20 liblouis-data python3-louis
# Only the tests need these: chromium and chromium-driver (web pages with
# axe-core, and DAISY Ace's browser), openjdk-17-jre-headless (EPUBCheck),
# nodejs (axe-core and Ace, from package.json; npm comes with it or as its own
# package).
TEST_DEBIAN_PACKAGES := chromium chromium-driver openjdk-17-jre-headless nodejs

.PHONY: publish test setup test-setup system-packages test-system-packages install-debian clean

publish: setup
	@$(BIN)/publisher build

test: setup test-setup
	@$(BIN)/python -m pytest

setup: system-packages $(VENV)/.installed

test-setup: test-system-packages node_modules/.installed

system-packages:
	$(call install_debian,$(DEBIAN_PACKAGES))

test-system-packages:
	$(call install_debian,$(TEST_DEBIAN_PACKAGES) $$(command -v npm >/dev/null || echo npm))

install-debian:
	$(call install_debian,$(PACKAGES))

$(VENV)/.installed: pyproject.toml requirements.lock
	@$(LOGGED); \
	if [ ! -x $(BIN)/python ]; then \
	  echo "Creating $(VENV)"; \
	  logged $(PYTHON) -m venv $(VENV); \
	fi; \
	echo "Installing Python packages (pinned, log: $(SETUP_LOG))"; \
	logged $(BIN)/python -m pip install --upgrade pip && \
	logged $(BIN)/python -m pip install -c requirements.lock -e '.[test]' && \
	touch $@

# The tests' JavaScript tools, at the versions in package-lock.json. Puppeteer
# (under Ace) is told not to download a browser: Ace runs Debian's chromium.
node_modules/.installed: package.json package-lock.json
	@$(LOGGED); \
	echo "Installing the tests' JavaScript tools (npm ci, log: $(SETUP_LOG))"; \
	logged env PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund && \
	touch $@

clean:
	rm -rf output .cache
