#include "ui/socialidpdialog.h"

#include "core/federation/metadatafetcher.h"
#include "core/identityproviders/identityproviderservice.h"
#include "models/dbexecutor.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QVBoxLayout>

namespace atrium::ui {

SocialIdpDialog::SocialIdpDialog(core::IdpKind kind, models::DbExecutor *executor, models::SessionPtr session,
                                 QWidget *parent)
    : QDialog(parent), m_kind(kind), m_executor(executor), m_session(std::move(session)) {
    setObjectName(QStringLiteral("socialIdpDialog"));
    setWindowTitle(tr("Add %1 identity provider").arg(core::idpKindLabel(kind)));
    auto *form = new QFormLayout;
    auto *intro = new QLabel(this);
    intro->setWordWrap(true);
    if (kind == core::IdpKind::Google) {
        intro->setText(tr("Guests with gmail.com and googlemail.com addresses sign in with Google."));
    } else if (kind == core::IdpKind::Facebook) {
        intro->setText(tr("Facebook is offered for self-service sign-up only, never for redeeming invitations."));
    } else {
        intro->setText(tr("Enter the issuer; its discovery document is read and validated (the issuer in it must match)."));
        auto *row = new QHBoxLayout;
        m_issuer = new QLineEdit(this);
        m_issuer->setObjectName(QStringLiteral("issuerEdit"));
        m_issuer->setPlaceholderText(QStringLiteral("https://login.partner.example"));
        auto *fetch = new QPushButton(tr("Read discovery document"), this);
        fetch->setObjectName(QStringLiteral("fetchDiscoveryButton"));
        row->addWidget(m_issuer, 1);
        row->addWidget(fetch);
        form->addRow(tr("Issuer:"), row);
        m_name = new QLineEdit(this);
        m_name->setObjectName(QStringLiteral("nameEdit"));
        form->addRow(tr("Display name:"), m_name);
        m_domains = new QLineEdit(this);
        m_domains->setObjectName(QStringLiteral("domainsEdit"));
        m_domains->setPlaceholderText(tr("partner.example, other.example"));
        form->addRow(tr("Domains:"), m_domains);
        m_nam = new QNetworkAccessManager(this);
        m_fetcher = new core::MetadataFetcher(m_nam, this);
        connect(fetch, &QPushButton::clicked, this, &SocialIdpDialog::fetchDiscovery);
        connect(m_fetcher, &core::MetadataFetcher::finished, this, [this](core::Result<QByteArray> r) {
            if (!r.ok()) {
                m_status->setText(r.error().message);
                return;
            }
            setDiscoveryDocument(*r);
        });
        connect(m_issuer, &QLineEdit::textChanged, this, [this] {
            m_discovery.clear();
            updateState();
        });
    }
    m_clientId = new QLineEdit(this);
    m_clientId->setObjectName(QStringLiteral("clientIdEdit"));
    m_secret = new QLineEdit(this);
    m_secret->setObjectName(QStringLiteral("secretEdit"));
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setPlaceholderText(tr("Stored in the keychain, never in the directory"));
    const bool facebook = kind == core::IdpKind::Facebook;
    form->addRow(facebook ? tr("App id:") : tr("Client id:"), m_clientId);
    form->addRow(facebook ? tr("App secret:") : tr("Client secret:"), m_secret);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("socialStatus"));
    m_status->setWordWrap(true);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Add"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("addButton"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);
    connect(m_clientId, &QLineEdit::textChanged, this, &SocialIdpDialog::updateState);
    connect(m_secret, &QLineEdit::textChanged, this, &SocialIdpDialog::updateState);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SocialIdpDialog::add);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(560, sizeHint().height());
    updateState();
}

SocialIdpDialog::~SocialIdpDialog() = default;

void SocialIdpDialog::fetchDiscovery() {
    const QString issuer = m_issuer->text().trimmed();
    m_status->setText(tr("Reading %1…").arg(core::oidcDiscoveryUrl(issuer).toString()));
    m_fetcher->fetch(core::oidcDiscoveryUrl(issuer));
}

void SocialIdpDialog::setDiscoveryDocument(const QByteArray &json) {
    if (!m_issuer) {
        return;
    }
    auto d = core::parseOidcDiscovery(json, m_issuer->text().trimmed());
    if (!d.ok()) {
        m_discovery.clear();
        m_status->setText(tr("Refused: %1").arg(d.error().message));
        emit failed(d.error().message);
    } else {
        m_discovery = json;
        m_status->setText(tr("Authorization: %1\nToken: %2\nJWKS: %3\nScopes: %4")
                              .arg(d->authorizationEndpoint.toString(), d->tokenEndpoint.toString(), d->jwksUri.toString(),
                                   d->scopesSupported.join(QStringLiteral(", "))));
        if (m_name->text().isEmpty()) {
            m_name->setText(d->issuer);
        }
        emit discoveryShown();
    }
    updateState();
}

void SocialIdpDialog::updateState() {
    bool ok = m_session && !m_clientId->text().trimmed().isEmpty() && !m_secret->text().isEmpty();
    if (m_kind == core::IdpKind::Oidc) {
        ok = ok && !m_discovery.isEmpty();
    }
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ok);
}

void SocialIdpDialog::add() {
    if (!m_session) {
        return;
    }
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    const core::ServiceContext ctx = m_session->context();
    const auto secrets = m_session->secrets;
    const core::IdpKind kind = m_kind;
    const QString clientId = m_clientId->text();
    const QString secret = m_secret->text();
    const QString issuer = m_issuer ? m_issuer->text().trimmed() : QString();
    const QString name = m_name ? m_name->text() : QString();
    const QStringList domains = m_domains ? m_domains->text().split(QLatin1Char(','), Qt::SkipEmptyParts) : QStringList();
    const QByteArray discovery = m_discovery;
    m_executor->call<core::Result<core::IdentityProvider>>(
        this,
        [=]() -> core::Result<core::IdentityProvider> {
            core::IdentityProviderService svc(ctx, secrets);
            if (kind == core::IdpKind::Google) {
                return svc.addGoogle(clientId, secret);
            }
            if (kind == core::IdpKind::Facebook) {
                return svc.addFacebook(clientId, secret);
            }
            return svc.addOidc(issuer, discovery, clientId, secret, name, domains);
        },
        [this](core::Result<core::IdentityProvider> r) {
            if (!r.ok()) {
                m_status->setText(r.error().message);
                updateState();
                emit failed(r.error().message);
                return;
            }
            m_secret->clear();
            emit providerAdded(*r);
            accept();
        });
}

} // namespace atrium::ui
