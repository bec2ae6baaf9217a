#pragma once

#include "models/directorysession.h"

#include <QWidget>

class QLabel;
class QTimer;
class QToolButton;

namespace atrium::models {
class DbExecutor;
}

namespace atrium::ui {

// "Where will this guest sign in?" (SPEC §2 redemption order, issue 6): the identity provider an
// address is sent to at redemption and the trace of the order that decided it, as computed by the
// core resolver (IdentityProviderService::resolve) on the DbExecutor — never on the GUI thread and
// never re-implemented here. Used live in the invite dialog (setEmailDebounced while typing) and in
// the guest details of the Guest users pane (resolveNow for the selected guest).
class SignInPreview final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignInPreview)
public:
    static constexpr int kDebounceMs = 300;

    SignInPreview(models::DbExecutor *executor, QWidget *parent = nullptr);

    void setSession(models::SessionPtr session);
    // Resolves once the address has not changed for kDebounceMs (one query per pause, not per key).
    void setEmailDebounced(const QString &email);
    void resolveNow(const QString &email);
    // A line under the result (e.g. how an accepted guest redeemed); empty hides it.
    void setNote(const QString &note);
    void clear();

    QString provider() const { return m_provider; } // "externalFederation:<id>", "google", ... or empty
    QString resultText() const;                     // the shown sentence, plain text
    QStringList traceLines() const { return m_traceLines; }

signals:
    // The answer for `email` is shown (provider empty when it could not be resolved).
    void resolved(const QString &email, const QString &provider);

private:
    void showPlaceholder();

    models::DbExecutor *m_executor = nullptr;
    models::SessionPtr m_session;
    QLabel *m_result = nullptr;
    QToolButton *m_whyButton = nullptr;
    QLabel *m_trace = nullptr;
    QLabel *m_note = nullptr;
    QTimer *m_debounce = nullptr;
    QString m_pendingEmail;
    QString m_provider;
    QStringList m_traceLines;
    quint64 m_request = 0;
};

} // namespace atrium::ui
