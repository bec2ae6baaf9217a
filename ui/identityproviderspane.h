#pragma once

#include "core/federation/redemptionresolver.h"
#include "core/identityproviders/identityproviderservice.h"
#include "ui/capabilities.h"
#include "ui/pane.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTextBrowser;
class QTreeWidget;

namespace atrium::ui {

// Identity providers (issue 6): the built-in and configured providers with status and warnings,
// details with certificate health, Add SAML/WS-Fed (SamlImportDialog), Google/Facebook/OIDC
// (SocialIdpDialog), metadata refresh with a field-by-field diff before Apply, client secrets
// (stored/missing), removal telling how many guests redeemed through the provider, the redemption
// order editor (default and per partner) and "Where will this guest sign in?".
class IdentityProvidersPane final : public Pane, public CapabilityAware {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IdentityProvidersPane)
public:
    explicit IdentityProvidersPane(models::DbExecutor *executor, QWidget *parent = nullptr);
    ~IdentityProvidersPane() override;

    void setSession(models::SessionPtr session) override;
    void reload() override;
    void setCapabilities(const Capabilities &caps) override;

    // Data the pane shows, loaded in one job.
    struct Snapshot {
        QList<core::IdentityProvider> providers;
        QList<QPair<QString, QString>> partners; // tenant id, name
    };

signals:
    void loaded();
    void orderLoaded();
    void orderSaved();
    void resolved();
    void refreshPreviewShown();
    void providerRemoved();

private:
    void buildUi();
    void showSnapshot(const Snapshot &s);
    void showDetails();
    const core::IdentityProvider *selected() const;
    void updateButtons();
    void addSaml();
    void addSocial(core::IdpKind kind);
    void refreshMetadata();
    void applyRefresh(const QString &id, qint64 rowVersion);
    void removeSelected();
    void setSecret();
    void loadOrder();
    void showOrder(const core::RedemptionOrderRecord &r);
    void moveOrderItem(int delta);
    void saveOrder();
    void resolveEmail();
    void fail(const core::Error &e);

    models::SessionPtr m_session;
    Capabilities m_caps;
    Snapshot m_snapshot;
    core::RedemptionOrderRecord m_order;
    QLabel *m_status;
    QTreeWidget *m_tree;
    QTextBrowser *m_details;
    QPushButton *m_addSaml;
    QPushButton *m_addGoogle;
    QPushButton *m_addFacebook;
    QPushButton *m_addOidc;
    QPushButton *m_refresh;
    QPushButton *m_remove;
    QPushButton *m_secret;
    QComboBox *m_orderScope;
    QListWidget *m_primary;
    QPushButton *m_up;
    QPushButton *m_down;
    QComboBox *m_fallback;
    QPushButton *m_saveOrder;
    QLabel *m_orderStatus;
    QLineEdit *m_email;
    QPushButton *m_resolve;
    QLabel *m_resolveResult;
    QTreeWidget *m_trace;
};

} // namespace atrium::ui
