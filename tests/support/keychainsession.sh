#!/usr/bin/env bash
# keychainsession.sh COMMAND [ARGS...]
#
# CTest WRAPPER for tests that need a real keychain: runs COMMAND inside a private D-Bus session
# bus with gnome-keyring's Secret Service running and its login keyring unlocked. HOME and the XDG
# directories point into a fresh temporary directory, so the real user's keyring is never touched.
# Exits with COMMAND's exit code, or 2 (with a message on stderr) when the keychain cannot start:
# a test that needs a keychain must fail, never skip.
#
# ATRIUM_KEYCHAIN_SMOKE=1 additionally checks a secret-tool store/lookup/clear round trip before
# running COMMAND (needs libsecret-tools).
# Needs: dbus (dbus-run-session, dbus-send), gnome-keyring.
set -uo pipefail

fail() {
    echo "keychainsession.sh: $*" >&2
    exit 2
}

if [[ $# -eq 0 ]]; then
    fail "usage: keychainsession.sh COMMAND [ARGS...]"
fi

if [[ "${ATRIUM_KEYCHAIN_INNER:-}" != "1" ]]; then
    # Outer half: fresh home, private session bus; the inner half runs on that bus.
    for tool in dbus-run-session dbus-send gnome-keyring-daemon; do
        command -v "$tool" >/dev/null 2>&1 || fail "$tool not found; install the dbus and gnome-keyring packages"
    done
    tmp=$(mktemp -d "${TMPDIR:-/tmp}/atrium-keychain-XXXXXX") || fail "cannot create a temporary directory"
    trap 'rm -rf "$tmp"' EXIT
    mkdir -p "$tmp/home" "$tmp/data" "$tmp/config" "$tmp/cache" "$tmp/runtime"
    chmod 700 "$tmp/runtime"
    export HOME="$tmp/home" XDG_DATA_HOME="$tmp/data" XDG_CONFIG_HOME="$tmp/config" \
        XDG_CACHE_HOME="$tmp/cache" XDG_RUNTIME_DIR="$tmp/runtime"
    # Nothing from the caller's desktop session may leak in (its bus, its keyring, its wallet).
    unset DBUS_SESSION_BUS_ADDRESS GNOME_KEYRING_CONTROL SSH_AUTH_SOCK XDG_CURRENT_DESKTOP \
        DESKTOP_SESSION KDE_FULL_SESSION KDE_SESSION_VERSION
    ATRIUM_KEYCHAIN_INNER=1 dbus-run-session -- "$0" "$@"
    exit $?
fi

# Inner half: on the private bus.
[[ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ]] || fail "dbus-run-session did not provide a session bus"

# Started in the foreground (as a background job) so its pid is ours to kill; the password on
# stdin creates and unlocks the "login" keyring, which serves as the default collection.
printf '%s' "atrium-test-keyring" | gnome-keyring-daemon --foreground --unlock --components=secrets \
    >"$XDG_RUNTIME_DIR/gnome-keyring.log" 2>&1 &
daemon=$!
cleanup() {
    kill "$daemon" 2>/dev/null
    wait "$daemon" 2>/dev/null
}
trap cleanup EXIT

has_secret_service() {
    dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q 'boolean true'
}

for _ in $(seq 1 100); do
    has_secret_service && break
    kill -0 "$daemon" 2>/dev/null || break
    sleep 0.1
done
if ! has_secret_service || ! kill -0 "$daemon" 2>/dev/null; then
    echo "keychainsession.sh: gnome-keyring-daemon did not provide org.freedesktop.secrets. Its output:" >&2
    cat "$XDG_RUNTIME_DIR/gnome-keyring.log" >&2
    exit 2
fi

if [[ "${ATRIUM_KEYCHAIN_SMOKE:-}" == "1" ]]; then
    command -v secret-tool >/dev/null 2>&1 || fail "secret-tool not found; install libsecret-tools"
    printf '%s' "smoke-value" | secret-tool store --label="atrium smoke" atrium-smoke check \
        || fail "secret-tool store failed"
    got=$(secret-tool lookup atrium-smoke check) || fail "secret-tool lookup failed"
    [[ "$got" == "smoke-value" ]] || fail "secret-tool lookup returned '$got', expected 'smoke-value'"
    secret-tool clear atrium-smoke check || fail "secret-tool clear failed"
    echo "keychainsession.sh: keychain smoke check passed" >&2
fi

rc=0
"$@" || rc=$?
exit "$rc"
