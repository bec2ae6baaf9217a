#pragma once

#include "core/secrets/secretstore.h"

#include <chrono>

namespace atrium::core {

// SecretStore over QtKeychain (Secret Service via libsecret, KWallet, macOS Keychain, Windows
// Credential Manager). Entries use service name "Atrium" and key "atrium/<namespace>/<key>", so two
// directories (namespaces) never see each other's secrets. There is no insecure fallback: without
// a keychain every call fails with ErrorCode::Secret and a message saying what to install or run.
//
// Threading: safe to call from any thread, also concurrently. Each call blocks its caller until the
// keychain answers (at most timeout(), default 120 s, long enough for an unlock prompt). The jobs
// themselves run one at a time on a private thread owned by this module, because QtKeychain's job
// queue is a process-wide singleton that is not thread-safe and must live in a thread with a
// running event loop. Calling from the GUI thread therefore freezes the GUI for that time; the
// services call it from worker threads. Needs a QCoreApplication; the private thread stops when it
// is destroyed. Secret values are never logged.
class KeychainSecretStore final : public SecretStore {
public:
    explicit KeychainSecretStore(QString keyNamespace);

    Result<QString> read(const QString &key) const override;
    Status write(const QString &key, const QString &secret) override;
    Status remove(const QString &key) override;

    QString keyNamespace() const { return m_namespace; }
    QString keychainKey(const QString &key) const; // "atrium/<namespace>/<key>"
    static QString serviceName();                  // "Atrium"

    std::chrono::milliseconds timeout() const { return m_timeout; }
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }

private:
    Status checkKey(const QString &key) const;

    QString m_namespace;
    std::chrono::milliseconds m_timeout{120000};
};

} // namespace atrium::core
