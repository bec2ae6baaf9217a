# The two commands of the README. Each does its own set-up on a fresh Debian 12 machine.
#   make run [ARGS="--demo"]   install what is missing, build, start the console
#   make test                  install what is missing (and the test servers), build, run every test
PRESET ?= dev
BUILD_DIR := build/$(PRESET)
ARGS ?=
CTEST_ARGS ?=

.PHONY: run test build deps deps-test configure bench asan clean lupdate

run: deps build
	$(BUILD_DIR)/app/console/atrium $(ARGS)

test: deps-test build
	cd $(BUILD_DIR) && QT_QPA_PLATFORM=offscreen ctest --output-on-failure --timeout 600 -j2 $(CTEST_ARGS)

deps:
	@scripts/install-deps.sh run

deps-test:
	@scripts/install-deps.sh test

configure:
	@if [ ! -f $(BUILD_DIR)/build.ninja ]; then cmake --preset $(PRESET); fi

build: configure
	cmake --build --preset $(PRESET)

# Benchmarks (figures go to BENCHMARKS.md); built in release mode.
bench: deps-test
	$(MAKE) build PRESET=release
	scripts/run-benchmarks.sh build/release

# The whole suite under AddressSanitizer and UndefinedBehaviorSanitizer.
asan:
	$(MAKE) test PRESET=asan CTEST_ARGS="--timeout 1800 $(CTEST_ARGS)"

lupdate: configure
	cmake --build --preset $(PRESET) --target atrium_lupdate

clean:
	rm -rf build
