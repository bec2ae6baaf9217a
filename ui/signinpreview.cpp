#include "ui/signinpreview.h"

#include "core/identityproviders/identityproviderservice.h"
#include "models/dbexecutor.h"

#include <QLabel>
#include <QTextDocumentFragment>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace atrium::ui {

SignInPreview::SignInPreview(models::DbExecutor *executor, QWidget *parent) : QWidget(parent), m_executor(executor) {
    setObjectName(QStringLiteral("signInPreview"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    auto *heading =
        new QLabel(QStringLiteral("<b>%1</b>").arg(tr("Where will this guest sign in?").toHtmlEscaped()), this);
    heading->setObjectName(QStringLiteral("signInHeading"));
    m_result = new QLabel(this);
    m_result->setObjectName(QStringLiteral("signInResult"));
    m_result->setAccessibleName(tr("Where the guest will sign in"));
    m_result->setWordWrap(true);
    m_result->setTextFormat(Qt::RichText);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_whyButton = new QToolButton(this);
    m_whyButton->setObjectName(QStringLiteral("signInWhy"));
    m_whyButton->setAccessibleName(tr("Show how the redemption order decided"));
    m_whyButton->setText(tr("How this was decided"));
    m_whyButton->setCheckable(true);
    m_whyButton->setArrowType(Qt::RightArrow);
    m_whyButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_whyButton->setAutoRaise(true);
    m_whyButton->hide();
    m_trace = new QLabel(this);
    m_trace->setObjectName(QStringLiteral("signInTrace"));
    m_trace->setAccessibleName(tr("Redemption order trace"));
    m_trace->setWordWrap(true);
    m_trace->setTextFormat(Qt::RichText);
    m_trace->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_trace->hide();
    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("signInNote"));
    m_note->setWordWrap(true);
    m_note->hide();
    layout->addWidget(heading);
    layout->addWidget(m_note);
    layout->addWidget(m_result);
    layout->addWidget(m_whyButton, 0, Qt::AlignLeft);
    layout->addWidget(m_trace);
    connect(m_whyButton, &QToolButton::toggled, this, [this](bool on) {
        m_trace->setVisible(on);
        m_whyButton->setArrowType(on ? Qt::DownArrow : Qt::RightArrow);
    });

    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(kDebounceMs);
    connect(m_debounce, &QTimer::timeout, this, [this] { resolveNow(m_pendingEmail); });
    showPlaceholder();
}

void SignInPreview::setSession(models::SessionPtr session) {
    m_session = std::move(session);
    clear();
}

void SignInPreview::showPlaceholder() {
    m_result->setText(tr("Type the email address to see which identity provider the guest will be sent to."));
    m_result->setEnabled(false);
    m_whyButton->hide();
    m_trace->hide();
    m_trace->clear();
    m_traceLines.clear();
    m_provider.clear();
}

void SignInPreview::clear() {
    ++m_request; // an answer still on its way is dropped
    m_debounce->stop();
    m_pendingEmail.clear();
    setNote({});
    showPlaceholder();
}

void SignInPreview::setNote(const QString &note) {
    m_note->setText(note);
    m_note->setVisible(!note.isEmpty());
}

QString SignInPreview::resultText() const {
    return QTextDocumentFragment::fromHtml(m_result->text()).toPlainText();
}

void SignInPreview::setEmailDebounced(const QString &email) {
    m_pendingEmail = email.trimmed();
    ++m_request; // the shown answer is about an older address now
    if (!m_pendingEmail.contains(QLatin1Char('@'))) {
        m_debounce->stop();
        showPlaceholder();
        return;
    }
    m_debounce->start();
}

void SignInPreview::resolveNow(const QString &email) {
    m_debounce->stop();
    const QString address = email.trimmed();
    const quint64 request = ++m_request;
    if (!m_session || !m_executor || !address.contains(QLatin1Char('@'))) {
        showPlaceholder();
        return;
    }
    const core::ServiceContext ctx = m_session->context();
    const auto secrets = m_session->secrets;
    m_executor->call<core::Result<core::ResolvedIdp>>(
        this, [ctx, secrets, address] { return core::IdentityProviderService(ctx, secrets).resolve(address); },
        [this, request, address](const core::Result<core::ResolvedIdp> &r) {
            if (request != m_request) {
                return; // the address changed meanwhile
            }
            m_result->setEnabled(true);
            m_trace->clear();
            m_traceLines.clear();
            if (!r.ok()) {
                m_provider.clear();
                m_result->setText(r.error().message.toHtmlEscaped());
                m_whyButton->hide();
                m_trace->hide();
                emit resolved(address, {});
                return;
            }
            m_provider = r->provider;
            // The last step of the trace is the one that decided.
            const QString reason = r->trace.isEmpty() ? QString() : r->trace.constLast().second;
            if (r->provider == QLatin1String("none")) {
                m_result->setText(reason.toHtmlEscaped());
            } else {
                m_result->setText(tr("Signs in with <b>%1</b>.").arg(r->displayName.toHtmlEscaped()) +
                                  (reason.isEmpty() ? QString() : QString(QLatin1Char(' ') + reason.toHtmlEscaped())));
            }
            QStringList lines; // the step labels carry their numbers ("1. Partner directory")
            for (const auto &[step, finding] : r->trace) {
                const QString label = core::redemptionStepLabel(step);
                m_traceLines << QString(label + QStringLiteral(": ") + finding);
                lines << QStringLiteral("<i>%1</i>: %2").arg(label.toHtmlEscaped(), finding.toHtmlEscaped());
            }
            const QString html = lines.join(QStringLiteral("<br>"));
            m_trace->setText(html);
            m_whyButton->setVisible(!r->trace.isEmpty());
            m_trace->setVisible(m_whyButton->isChecked() && !r->trace.isEmpty());
            emit resolved(address, m_provider);
        });
}

} // namespace atrium::ui
