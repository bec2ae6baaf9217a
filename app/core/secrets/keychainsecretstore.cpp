#include "core/secrets/keychainsecretstore.h"

#include "core/base/logging.h"

#include <QCoreApplication>
#include <QMutex>
#include <QThread>

#include <qt6keychain/keychain.h>

#include <future>
#include <memory>

namespace atrium::core {

namespace {

QString tr(const char *s) {
    return QCoreApplication::translate("atrium::core::KeychainSecretStore", s);
}

enum class JobKind { Read, Write, Remove };

struct JobOutcome {
    QKeychain::Error error = QKeychain::NoError;
    QString errorString;
    QString data;
};

// The private thread all QtKeychain jobs run on (see the header for why). Created on first use,
// stopped from a post routine when the QCoreApplication is destroyed.
class KeychainThread final {
public:
    static QObject *context() {
        QMutexLocker lock(&s_mutex);
        if (s_stopped) {
            return nullptr;
        }
        if (!s_thread) {
            s_thread = new QThread;
            s_thread->setObjectName(QStringLiteral("AtriumKeychain"));
            s_context = new QObject;
            s_context->moveToThread(s_thread);
            QObject::connect(s_thread, &QThread::finished, s_context, &QObject::deleteLater);
            s_thread->start();
            qAddPostRoutine(&KeychainThread::stop);
        }
        return s_context;
    }

private:
    static void stop() {
        QMutexLocker lock(&s_mutex);
        s_stopped = true;
        if (s_thread) {
            s_thread->quit();
            s_thread->wait();
            delete s_thread;
            s_thread = nullptr;
            s_context = nullptr; // deleted by the thread's finished signal
        }
    }

    static inline QMutex s_mutex;
    static inline QThread *s_thread = nullptr;
    static inline QObject *s_context = nullptr;
    static inline bool s_stopped = false;
};

Error secretError(const QString &message, const QString &detail, bool transient = false) {
    Error e;
    e.code = ErrorCode::Secret;
    e.message = message;
    e.detail = detail;
    e.transient = transient;
    return e;
}

Error noKeychainError(const QString &detail) {
    return secretError(tr("No keychain is available to store passwords and other secrets. Install and run a "
                          "Secret Service provider such as gnome-keyring (or KWallet on KDE) in your desktop "
                          "session, then try again."),
                       detail);
}

// libsecret reports a missing session bus or a missing Secret Service as plain GLib/D-Bus errors
// (QKeychain::OtherError), not as NoBackendAvailable; recognise them by their text.
bool looksLikeNoBackend(const QString &text) {
    static const char *const markers[] = {
        "dbus", "d-bus", "could not connect", "org.freedesktop.secrets", "serviceunknown",
        "not provided by any .service", "no keychain service", "autolaunch", "no such file or directory",
    };
    const QString lower = text.toLower();
    for (const char *marker : markers) {
        if (lower.contains(QLatin1String(marker))) {
            return true;
        }
    }
    return false;
}

Result<JobOutcome> runJob(JobKind kind, const QString &key, const QString &secret, std::chrono::milliseconds timeout) {
    if (!QCoreApplication::instance()) {
        Error e = secretError(tr("The keychain cannot be used before the application has started."),
                              QStringLiteral("KeychainSecretStore needs a QCoreApplication"));
        e.code = ErrorCode::Internal;
        return e;
    }
    QObject *context = KeychainThread::context();
    if (!context) {
        return secretError(tr("The keychain cannot be used while the application is shutting down."),
                           QStringLiteral("keychain thread already stopped"));
    }
    auto promise = std::make_shared<std::promise<JobOutcome>>();
    std::future<JobOutcome> future = promise->get_future();
    // Runs on the keychain thread; the job (auto-deleted) belongs to that thread.
    const bool queued = QMetaObject::invokeMethod(
        context,
        [kind, key, secret, promise] {
            QKeychain::Job *job = nullptr;
            switch (kind) {
            case JobKind::Read:
                job = new QKeychain::ReadPasswordJob(KeychainSecretStore::serviceName());
                break;
            case JobKind::Write: {
                auto *write = new QKeychain::WritePasswordJob(KeychainSecretStore::serviceName());
                write->setTextData(secret);
                job = write;
                break;
            }
            case JobKind::Remove:
                job = new QKeychain::DeletePasswordJob(KeychainSecretStore::serviceName());
                break;
            }
            job->setAutoDelete(true);
            job->setInsecureFallback(false); // a plain-text file is never an acceptable keychain
            job->setKey(key);
            QObject::connect(job, &QKeychain::Job::finished, job, [kind, promise](QKeychain::Job *done) {
                JobOutcome outcome;
                outcome.error = done->error();
                outcome.errorString = done->errorString();
                if (kind == JobKind::Read && outcome.error == QKeychain::NoError) {
                    outcome.data = static_cast<QKeychain::ReadPasswordJob *>(done)->textData();
                }
                promise->set_value(std::move(outcome));
            });
            job->start();
        },
        Qt::QueuedConnection);
    if (!queued) {
        return secretError(tr("The keychain could not be reached."), QStringLiteral("cannot queue keychain job"));
    }
    if (future.wait_for(timeout) != std::future_status::ready) {
        qCWarning(lcSecrets) << "keychain did not answer within" << timeout.count() << "ms for" << key;
        return secretError(tr("The keychain did not answer. If it asks to be unlocked, unlock it and try again."),
                           QStringLiteral("timeout after %1 ms").arg(timeout.count()), true);
    }
    try {
        return future.get();
    } catch (const std::future_error &) {
        // The thread stopped before running the job (application shutdown).
        return secretError(tr("The keychain cannot be used while the application is shutting down."),
                           QStringLiteral("keychain job dropped"));
    }
}

// Maps everything but success and "not found" (left to the caller) to a user-readable error.
Error toError(const JobOutcome &outcome, const QString &key, const char *what) {
    qCWarning(lcSecrets) << what << "failed for" << key << "- QtKeychain error" << int(outcome.error) << ":"
                         << outcome.errorString;
    switch (outcome.error) {
    case QKeychain::NoBackendAvailable:
        return noKeychainError(outcome.errorString);
    case QKeychain::AccessDeniedByUser: {
        Error e = secretError(tr("Access to the keychain was declined."), outcome.errorString);
        e.code = ErrorCode::Cancelled;
        return e;
    }
    case QKeychain::AccessDenied:
        return secretError(tr("The keychain refused access; it may be locked. Unlock it and try again."),
                           outcome.errorString, true);
    default:
        if (looksLikeNoBackend(outcome.errorString)) {
            return noKeychainError(outcome.errorString);
        }
        return secretError(tr("The keychain failed: %1").arg(outcome.errorString), outcome.errorString);
    }
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QString keyNamespace) : m_namespace(std::move(keyNamespace)) {}

QString KeychainSecretStore::serviceName() {
    return QStringLiteral("Atrium");
}

QString KeychainSecretStore::keychainKey(const QString &key) const {
    return QStringLiteral("atrium/%1/%2").arg(m_namespace, key);
}

Status KeychainSecretStore::checkKey(const QString &key) const {
    if (m_namespace.isEmpty() || key.isEmpty()) {
        return Error::invalid(tr("A secret needs a non-empty namespace and key."));
    }
    return {};
}

Result<QString> KeychainSecretStore::read(const QString &key) const {
    if (Status valid = checkKey(key); !valid) {
        return valid.error();
    }
    const QString full = keychainKey(key);
    auto outcome = runJob(JobKind::Read, full, {}, m_timeout);
    if (!outcome) {
        return outcome.error();
    }
    if (outcome->error == QKeychain::EntryNotFound) {
        qCDebug(lcSecrets) << "no keychain entry" << full;
        Error e = Error::notFound(tr("The secret \"%1\"").arg(key));
        e.detail = outcome->errorString;
        return e;
    }
    if (outcome->error != QKeychain::NoError) {
        return toError(*outcome, full, "read");
    }
    qCDebug(lcSecrets) << "read keychain entry" << full;
    return outcome->data;
}

Status KeychainSecretStore::write(const QString &key, const QString &secret) {
    if (Status valid = checkKey(key); !valid) {
        return valid;
    }
    const QString full = keychainKey(key);
    auto outcome = runJob(JobKind::Write, full, secret, m_timeout);
    if (!outcome) {
        return outcome.error();
    }
    if (outcome->error != QKeychain::NoError) {
        return toError(*outcome, full, "write");
    }
    qCDebug(lcSecrets) << "wrote keychain entry" << full;
    return {};
}

Status KeychainSecretStore::remove(const QString &key) {
    if (Status valid = checkKey(key); !valid) {
        return valid;
    }
    const QString full = keychainKey(key);
    auto outcome = runJob(JobKind::Remove, full, {}, m_timeout);
    if (!outcome) {
        return outcome.error();
    }
    if (outcome->error != QKeychain::NoError && outcome->error != QKeychain::EntryNotFound) {
        return toError(*outcome, full, "remove");
    }
    qCDebug(lcSecrets) << "removed keychain entry" << full;
    return {};
}

} // namespace atrium::core
