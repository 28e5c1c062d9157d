# Lector: `make run` starts Lector on config.yaml; `make test` builds and runs every test.
# Both install what they need on a fresh Debian machine (run as root, or with sudo).

SWIFT ?= swift
PREFIX ?= /usr/local
CONFIG ?= config.yaml
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps build release run test lint format clean

all: build

# System packages the build and the tests need: libyaml (config.yaml), pkg-config,
# and Python's jsonschema (the tests validate outputs against schema/).
deps:
	@if ! pkg-config --exists yaml-0.1 2>/dev/null; then \
		echo "Installing libyaml-dev and pkg-config"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libyaml-dev pkg-config; \
	fi
	@if ! python3 -c 'import jsonschema' 2>/dev/null; then \
		echo "Installing jsonschema for the schema tests"; \
		python3 -m pip install -q jsonschema 2>/dev/null || \
		{ $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq python3-jsonschema; }; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product lector

# Processes the sample articles into var/outbox through the chain in config.yaml.
run: release
	@mkdir -p var/inbox var/outbox var/failed
	.build/release/lector process --config $(CONFIG) --output var/outbox samples/*.txt
	@echo "Enriched documents are in $(CURDIR)/var/outbox:" && ls var/outbox

lint:
	scripts/format.sh --lint

format:
	scripts/format.sh

test: deps lint
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

clean:
	rm -rf .build var
