#pragma once

#include "core/federation/federationmetadata.h"
#include "core/identityproviders/identityprovider.h"
#include "models/directorysession.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QNetworkAccessManager;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;

namespace atrium::models {
class DbExecutor;
}
namespace atrium::core {
class DirectFedDnsChecker;
class MetadataFetcher;
} // namespace atrium::core

namespace atrium::ui {

// "Add SAML/WS-Fed": imports metadata from a file or a URL, shows what was read (entity id,
// endpoints with bindings, every certificate with subject, issuer, SHA-256, validity and health),
// takes the display name and domains, checks the DirectFedAuthUrl DNS record and adds the
// federation. Reading, parsing and saving run on the DbExecutor; the URL is fetched asynchronously.
class SamlImportDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SamlImportDialog)
public:
    SamlImportDialog(models::DbExecutor *executor, models::SessionPtr session, QWidget *parent = nullptr);
    ~SamlImportDialog() override;

    // "path" or "https://..." as typed in the source field; tests call it directly.
    void load(const QString &source);
    bool hasMetadata() const { return m_metadata.has_value(); }

signals:
    void metadataShown();
    void providerAdded(const atrium::core::IdentityProvider &provider);
    void failed(const QString &message);
    void dnsChecked();

private:
    void browse();
    void parse(QByteArray xml);
    void showMetadata(const core::FederationMetadata &m);
    void showError(const QString &message);
    void checkDns();
    void add();
    QStringList domains() const;
    void updateState();

    models::DbExecutor *m_executor;
    models::SessionPtr m_session;
    std::optional<core::FederationMetadata> m_metadata;
    QByteArray m_xml;
    QUrl m_url;
    QLineEdit *m_source;
    QPushButton *m_loadButton;
    QLabel *m_status;
    QLabel *m_entityId;
    QTreeWidget *m_endpoints;
    QTreeWidget *m_certificates;
    QLineEdit *m_name;
    QPlainTextEdit *m_domains;
    QPushButton *m_dnsButton;
    QLabel *m_dnsResult;
    QDialogButtonBox *m_buttons;
    QNetworkAccessManager *m_nam;
    core::MetadataFetcher *m_fetcher;
    core::DirectFedDnsChecker *m_dns;
};

} // namespace atrium::ui
