# One INTERFACE target carries the language level, warnings and the strict Qt defines that every
# Atrium target gets (as qBittorrent's CommonConfig.cmake does).
option(ATRIUM_WERROR "Treat warnings as errors (on in CI)" OFF)
option(ATRIUM_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
if(DEFINED ENV{CI} AND "$ENV{CI}" STREQUAL "true")
    set(ATRIUM_WERROR ON CACHE BOOL "" FORCE)
endif()

set(CMAKE_CXX_STANDARD 20)
set(CMAKE_CXX_STANDARD_REQUIRED ON)
set(CMAKE_CXX_EXTENSIONS OFF)

add_library(atrium_common INTERFACE)
target_compile_features(atrium_common INTERFACE cxx_std_20)
target_compile_definitions(atrium_common INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CONTEXTLESS_CONNECT
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_USE_QSTRINGBUILDER
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_FOREACH
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    ATRIUM_VERSION="${PROJECT_VERSION}")
target_compile_options(atrium_common INTERFACE -Wall -Wextra -Wpedantic -Wshadow=local -Wnon-virtual-dtor -Wcast-align
    -Wformat=2 -Wimplicit-fallthrough
    # Aggregates with default member initialisers (Error, AuditEntry) are brace-initialised partially on purpose.
    -Wno-missing-field-initializers)
if(ATRIUM_WERROR)
    target_compile_options(atrium_common INTERFACE -Werror)
endif()
if(ATRIUM_SANITIZE)
    target_compile_options(atrium_common INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(atrium_common INTERFACE -fsanitize=address,undefined)
endif()

# atrium_add_test(NAME SOURCES a.cpp ... LIBS lib ... [LABELS l ...] [WRAPPER script] [TIMEOUT s])
# One executable per class under test, registered with CTest. WRAPPER runs the test inside a
# launcher (for example a private D-Bus session with a keychain).
function(atrium_add_test name)
    cmake_parse_arguments(T "" "WRAPPER;TIMEOUT" "SOURCES;LIBS;LABELS" ${ARGN})
    add_executable(${name} ${T_SOURCES})
    target_link_libraries(${name} PRIVATE atrium_common Qt6::Test ${T_LIBS})
    if(T_WRAPPER)
        add_test(NAME ${name} COMMAND ${T_WRAPPER} $<TARGET_FILE:${name}>)
    else()
        add_test(NAME ${name} COMMAND ${name})
    endif()
    set(env "QT_QPA_PLATFORM=offscreen" "ATRIUM_SOURCE_DIR=${PROJECT_SOURCE_DIR}" "ATRIUM_BINARY_DIR=${PROJECT_BINARY_DIR}")
    if(ATRIUM_SANITIZE)
        # Reports fail the test; leaks inside system libraries we do not build (fontconfig, D-Bus,
        # Qt's plugin loader) are suppressed by name in tests/support/lsan.supp, ours never are.
        list(APPEND env "ASAN_OPTIONS=detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1"
            "UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1"
            "LSAN_OPTIONS=suppressions=${PROJECT_SOURCE_DIR}/tests/support/lsan.supp:print_suppressions=0"
            # Sanitized code runs 2-4 times slower: QtTest's 5-minute watchdog per test function
            # becomes 15 minutes (the timeouts below grow the same way).
            "QTEST_FUNCTION_TIMEOUT=900000")
    endif()
    set_tests_properties(${name} PROPERTIES ENVIRONMENT "${env}" LABELS "${T_LABELS}")
    if(T_TIMEOUT)
        set(timeout ${T_TIMEOUT})
        if(ATRIUM_SANITIZE)
            math(EXPR timeout "${timeout} * 3")
        endif()
        set_tests_properties(${name} PROPERTIES TIMEOUT ${timeout})
    endif()
endfunction()

# Adds every subdirectory of DIR that has a CMakeLists.txt, so areas can be added without
# editing a shared list.
function(atrium_add_subdirectories dir)
    file(GLOB children LIST_DIRECTORIES true RELATIVE "${dir}" "${dir}/*")
    list(SORT children)
    foreach(child IN LISTS children)
        if(IS_DIRECTORY "${dir}/${child}" AND EXISTS "${dir}/${child}/CMakeLists.txt")
            add_subdirectory("${dir}/${child}")
        endif()
    endforeach()
endfunction()

# atrium_core_area(NAME SOURCES ... LIBS ...) defines static library atrium_core_NAME and
# registers it with atrium_core. Areas never link Qt Widgets.
function(atrium_core_area name)
    cmake_parse_arguments(A "" "" "LIBS" ${ARGN})
    file(GLOB sources CONFIGURE_DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/*.cpp" "${CMAKE_CURRENT_SOURCE_DIR}/*.h")
    add_library(atrium_core_${name} STATIC ${sources})
    target_include_directories(atrium_core_${name} PUBLIC "${PROJECT_SOURCE_DIR}/app")
    target_link_libraries(atrium_core_${name} PUBLIC atrium_common Qt6::Core ${A_LIBS})
    set_property(GLOBAL APPEND PROPERTY ATRIUM_CORE_AREAS atrium_core_${name})
endfunction()

# atrium_add_bench(NAME SOURCES ... LIBS ...): a benchmark executable (not a CTest test: speed is
# measured by `make bench`, never by timed unit tests). It prints one line per figure:
#   BENCH <name>: <value> <unit> (target <op> <value> <unit>) <PASS|MISS>
function(atrium_add_bench name)
    cmake_parse_arguments(B "" "" "SOURCES;LIBS" ${ARGN})
    add_executable(${name} ${B_SOURCES})
    target_link_libraries(${name} PRIVATE atrium_common ${B_LIBS})
    set_target_properties(${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY "${PROJECT_BINARY_DIR}/bench")
endfunction()
