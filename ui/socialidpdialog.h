#pragma once

#include "core/federation/oidcdiscovery.h"
#include "core/identityproviders/identityprovider.h"
#include "models/directorysession.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QNetworkAccessManager;
class QPushButton;

namespace atrium::models {
class DbExecutor;
}
namespace atrium::core {
class MetadataFetcher;
}

namespace atrium::ui {

// Google (client id + secret), Facebook (app id + secret) or a generic OpenID Connect provider
// (issuer -> discovery document fetched and validated, client id + secret, domains). The secret goes
// to the keychain through the service; the dialog never shows a stored one.
class SocialIdpDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SocialIdpDialog)
public:
    SocialIdpDialog(core::IdpKind kind, models::DbExecutor *executor, models::SessionPtr session, QWidget *parent = nullptr);
    ~SocialIdpDialog() override;

    // OIDC: the discovery document to validate instead of fetching it (tests, offline set-up).
    void setDiscoveryDocument(const QByteArray &json);

signals:
    void providerAdded(const atrium::core::IdentityProvider &provider);
    void failed(const QString &message);
    void discoveryShown();

private:
    void fetchDiscovery();
    void add();
    void updateState();

    core::IdpKind m_kind;
    models::DbExecutor *m_executor;
    models::SessionPtr m_session;
    QByteArray m_discovery;
    QLineEdit *m_issuer = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_domains = nullptr;
    QLineEdit *m_clientId;
    QLineEdit *m_secret;
    QLabel *m_status;
    QDialogButtonBox *m_buttons;
    QNetworkAccessManager *m_nam = nullptr;
    core::MetadataFetcher *m_fetcher = nullptr;
};

} // namespace atrium::ui
