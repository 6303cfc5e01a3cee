# publisher: two commands on a fresh Debian machine (as root, or with sudo).
#
#   make publish   install what is missing, then build every guide in every
#                  shipped language into output/
#   make test      install what is missing, then run the whole test suite
#
# Setup installs missing Debian packages (speech engine, fonts, PDF and audio
# tools), creates .venv and installs the project with pinned dependencies.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

# espeak-ng: the speech engine pyttsx3 drives; libpango/libharfbuzz-subset0:
# WeasyPrint's text layout and fast font subsetting; fonts-noto-core: fonts for
# scripts Atkinson Hyperlegible lacks (Arabic...); gettext: msgfmt;
# poppler-utils and ffmpeg: the tests look at PDFs and decode and meter MP3s.
# python3-link-grammar, link-grammar-dictionaries-en: the parser that checks
# every plain-language rewrite; wordnet-base: multi-word names that stay
# whole; hunspell-en-med, hunspell-en-us: medical words and names, to mend
# words split across lines and spot unexplained terms. time: GNU time, for the
# memory figures of bench/build_speed.py. liblouis20, liblouis-data, python3-louis:
# braille transcription (and back-translation, for the tests).
DEBIAN_PACKAGES := python3 python3-venv espeak-ng libespeak-ng1 libpango-1.0-0 \
	libpangoft2-1.0-0 libharfbuzz-subset0 fonts-noto-core gettext poppler-utils ffmpeg \
	python3-link-grammar link-grammar-dictionaries-en wordnet-base hunspell-en-med hunspell-en-us time \
	liblouis20 liblouis-data python3-louis
# Only the tests need these: chromium and chromium-driver (web pages with
# axe-core, and DAISY Ace's browser), openjdk-17-jre-headless (EPUBCheck),
# nodejs (axe-core and Ace, from package.json; npm comes with it or as its own
# package).
TEST_DEBIAN_PACKAGES := chromium chromium-driver openjdk-17-jre-headless nodejs

.PHONY: publish test setup test-setup system-packages test-system-packages install-debian clean

publish: setup
	$(BIN)/publisher build

test: setup test-setup
	$(BIN)/python -m pytest

setup: system-packages $(VENV)/.installed

test-setup: test-system-packages node_modules/.installed

system-packages:
	@$(MAKE) --no-print-directory install-debian PACKAGES="$(DEBIAN_PACKAGES)"

test-system-packages:
	@$(MAKE) --no-print-directory install-debian PACKAGES="$(TEST_DEBIAN_PACKAGES)"
	@command -v npm >/dev/null || $(MAKE) --no-print-directory install-debian PACKAGES=npm

install-debian:
	@missing=$$(for package in $(PACKAGES); do \
	    dpkg-query -W -f='$${Status}\n' $$package 2>/dev/null | grep -q '^install ok installed' || echo $$package; \
	  done); \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:" $$missing; \
	  sudo=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	  $$sudo apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq --no-install-recommends $$missing; \
	fi

$(VENV)/.installed: pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -c requirements.lock -e '.[test]'
	touch $@

# The tests' JavaScript tools, at the versions in package-lock.json. Puppeteer
# (under Ace) is told not to download a browser: Ace runs Debian's chromium.
node_modules/.installed: package.json package-lock.json
	PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
	touch $@

clean:
	rm -rf output .cache
