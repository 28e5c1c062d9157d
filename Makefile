# Lector: `make run` starts Lector on config.yaml; `make test` builds and runs every test.
# Both install what they need on a fresh Debian machine (run as root, or with sudo).

SWIFT ?= swift
# Every swift command runs with a TMPDIR of its own, removed after it (scripts/own-tmpdir.sh):
# the toolchain leaves empty folders in TMPDIR on each build.
SWIFT_RUN = scripts/own-tmpdir.sh $(SWIFT)
PREFIX ?= /usr/local
CONFIG ?= config.yaml
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

DESTDIR ?=
BINDIR ?= $(PREFIX)/bin
SYSCONFDIR ?= /etc
UNITDIR ?= /lib/systemd/system
SYSUSERSDIR ?= /usr/lib/sysusers.d
TMPFILESDIR ?= /usr/lib/tmpfiles.d
DOCDIR ?= $(PREFIX)/share/doc/lector

.PHONY: all deps build release plugins run test lint format install install-files bench bench-daemon bench-nats bench-languages bench-plugins fuzz soak clean

all: build

# System packages the build and the tests need: libyaml (config.yaml), the NATS C client
# (input and output on JetStream), pkg-config, nats-server (the NATS tests start their own
# servers on loopback ports), and Python's jsonschema (the tests validate outputs against
# schema/).
deps:
	@if ! pkg-config --exists yaml-0.1 libnats 2>/dev/null; then \
		echo "Installing libyaml-dev, libnats-dev and pkg-config"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq libyaml-dev libnats-dev pkg-config; \
	fi
	@if ! command -v nats-server >/dev/null 2>&1 && [ ! -x /usr/sbin/nats-server ]; then \
		echo "Installing nats-server for the NATS tests"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq nats-server; \
	fi
	@if ! python3 -c 'import jsonschema' 2>/dev/null; then \
		echo "Installing jsonschema for the schema tests"; \
		python3 -m pip install -q jsonschema 2>/dev/null || \
		{ $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq python3-jsonschema; }; \
	fi

build: deps
	$(SWIFT_RUN) build

release: deps
	$(SWIFT_RUN) build -c release --product lector

# Builds lector and the example plugins (Plugins/examples), release.
plugins: release
	$(SWIFT_RUN) build -c release --product lector-example-reading-time
	$(SWIFT_RUN) build -c release --product LectorExampleTextStats

# Starts the daemon in the foreground on config.yaml (spool under var/); Ctrl-C stops it.
run: release
	@mkdir -p var/inbox var/outbox var/failed
	@echo "Lector is starting. Drop text files into $(CURDIR)/var/inbox/ (e.g. cp samples/*.txt var/inbox/);"
	@echo "enriched JSON appears in $(CURDIR)/var/outbox/, rejects in var/failed/. Ctrl-C to stop."
	.build/release/lector run --config $(CONFIG)

# Installs the binary, the systemd unit, sysusers.d and tmpfiles.d snippets, and
# /etc/lector/config.yaml (kept when it exists). DESTDIR and PREFIX are honoured; the unit
# refers to $(BINDIR)/lector.
BUILT ?= .build/release/lector

install: release install-files

# The copying part of `install`, for a binary that is already built (BUILT=path).
install-files:
	install -D -m 0755 $(BUILT) $(DESTDIR)$(BINDIR)/lector
	install -d $(DESTDIR)$(UNITDIR) $(DESTDIR)$(SYSUSERSDIR) $(DESTDIR)$(TMPFILESDIR) $(DESTDIR)$(SYSCONFDIR)/lector $(DESTDIR)$(DOCDIR)
	sed 's#/usr/local/bin/lector#$(BINDIR)/lector#g; s#/usr/local/share/doc/lector#$(DOCDIR)#g' systemd/lector.service > $(DESTDIR)$(UNITDIR)/lector.service
	chmod 0644 $(DESTDIR)$(UNITDIR)/lector.service
	install -m 0644 systemd/lector.sysusers $(DESTDIR)$(SYSUSERSDIR)/lector.conf
	install -m 0644 systemd/lector.tmpfiles $(DESTDIR)$(TMPFILESDIR)/lector.conf
	[ -e $(DESTDIR)$(SYSCONFDIR)/lector/config.yaml ] || install -m 0644 systemd/config.yaml $(DESTDIR)$(SYSCONFDIR)/lector/config.yaml
	install -m 0644 README.md NOTICE LICENSE systemd/nats.conf $(DESTDIR)$(DOCDIR)/
	install -d $(DESTDIR)$(PREFIX)/share/lector/models
	# Into the folder, not beside it, so a second install replaces the models (and, with new
	# modification times, `systemctl reload lector` picks them up).
	cp -R Models/. $(DESTDIR)$(PREFIX)/share/lector/models/
	@echo "Installed. Then: systemd-sysusers && systemd-tmpfiles --create && systemctl daemon-reload && systemctl enable --now lector"

# The whole default chain: articles/s on 1 and 2 workers, share per processor, model load,
# peak memory (in process), then drop-to-output latency through a daemon at 50 articles/s,
# then — when its packages are installed — the Python reference chain on the same articles.
REFERENCE_PYTHON ?= python3
bench: release
	.build/release/lector bench $(DATA)
	python3 Benchmarks/daemon_bench.py --lector .build/release/lector --data $(DATA) --latency-only
	-$(REFERENCE_PYTHON) Benchmarks/python_reference.py --data $(DATA)

# Drop-to-output latency and documents per second of the daemon at 1 and 2 workers, on the
# DEV news articles (DATA=folder holding bbc_news_summary.dev.jsonl). Prints a table and JSON.
DATA ?= ../shared/data/summarization
bench-daemon: release
	python3 Benchmarks/daemon_bench.py --lector .build/release/lector --data $(DATA)

# The default chain per language (en, de, fr, es, it, pt, nl, ru) beside English, and on a
# mixed folder: articles/s, model load, peak memory.
bench-languages: release
	python3 Benchmarks/languages_bench.py --lector .build/release/lector --data ../shared/data

# The daemon on NATS JetStream (its own nats-server on loopback): docs/s through one and two
# daemons beside the folder daemon on the same articles, publish-to-output latency at 50/s.
bench-nats: release
	python3 Benchmarks/nats_bench.py --lector .build/release/lector --data $(DATA)

# Per-document overhead of an exec plugin round trip and of a library call.
bench-plugins: plugins
	python3 Benchmarks/plugin_bench.py --lector .build/release/lector

# A daemon over 100,000 documents (good, bad, huge) with reloads and a kill -9 in the middle;
# checks exactly-once, flat memory, no leaked descriptors. Tens of minutes; not in `make test`.
SOAK_DOCUMENTS ?= 100000
soak: release
	python3 Benchmarks/soak.py --lector .build/release/lector --data $(DATA) --documents $(SOAK_DOCUMENTS)

# libFuzzer + AddressSanitizer over each parser and the whole chain (Fuzz/README.md).
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= decode config text metadata plugin_reply json chain
fuzz: deps
	$(SWIFT_RUN) build -c release --scratch-path .build-fuzz --product lector-fuzz -Xswiftc -sanitize=fuzzer,address
	@mkdir -p Fuzz/findings
	@for target in $(FUZZ_TARGETS); do \
		echo "== fuzzing $$target for $(FUZZ_SECONDS)s"; \
		mkdir -p .build-fuzz/corpus/$$target; \
		LECTOR_FUZZ_TARGET=$$target SWIFT_BACKTRACE=enable=no .build-fuzz/release/lector-fuzz \
			-max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=4096 -print_final_stats=1 \
			-artifact_prefix=Fuzz/findings/$$target- .build-fuzz/corpus/$$target Fuzz/corpus/$$target || exit 1; \
	done
	@echo "fuzz: no crash, hang or sanitizer report in $(FUZZ_TARGETS)"

lint:
	scripts/format.sh --lint

format:
	scripts/format.sh

test: deps lint
	$(SWIFT_RUN) build --build-tests
	$(SWIFT_RUN) test --skip-build

clean:
	rm -rf .build var
