#pragma once

#include "core/crosstenant/crosstenantservice.h"
#include "ui/capabilities.h"
#include "ui/pane.h"

#include <array>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;
class QTableView;
class QTreeWidget;

namespace atrium::models {
class PartnersModel;
}

namespace atrium::ui {

class CrossTenantEditor;

// "Cross-tenant access settings" (SPEC §5, §9): the default configuration, partner organizations
// (paged table with search, add and remove) with an editor for B2B collaboration and B2B direct
// connect inbound/outbound, inbound trust and automatic redemption; a partner's empty properties
// show "Inherited from default" with Customize / Back to default. Other clouds, Graph JSON import
// (dry run first) and export, and conditional access policies for guests. Everything is read and
// written on the database worker; without EditCrossTenantAccess every control is read-only with
// the role needed as tooltip; a conflict goes to the window's message bar (Reload).
class CrossTenantPane final : public Pane, public CapabilityAware {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CrossTenantPane)
public:
    explicit CrossTenantPane(models::DbExecutor *executor, QWidget *parent = nullptr);
    ~CrossTenantPane() override;

    void setSession(models::SessionPtr session) override;
    void reload() override;
    void setCapabilities(const Capabilities &caps) override;

    models::PartnersModel *partnersModel() const { return m_partners; }
    CrossTenantEditor *defaultEditor() const { return m_defaultEditor; }
    CrossTenantEditor *partnerEditor() const { return m_partnerEditor; }

    // The actions behind the buttons, for the dialogs and for tests.
    void addPartner(const core::CrossTenantConfiguration &partner);
    void selectPartner(const QString &tenantId); // loads it into the partner editor
    void removeSelectedPartner();                 // asks first
    void customize(core::CrossTenantProperty p);  // on the selected partner
    void backToDefault(core::CrossTenantProperty p); // asks first
    void saveDefault();
    void savePartner();
    void importFile(const QString &fileName); // dry run, shows problems, asks, then imports
    void exportFile(const QString &fileName);

signals:
    void loaded();
    void partnerLoaded(const QString &tenantId);
    void saved();
    void importFinished(bool applied);

private:
    void buildUi();
    QWidget *buildDefaultTab();
    QWidget *buildPartnersTab();
    QWidget *buildCloudsTab();
    QWidget *buildConditionalAccessTab();
    void showPolicy(const core::CrossTenantPolicyRecord &policy);
    void showPartner(const core::PartnerRecord &partner);
    void clearPartner();
    void applyPermissions();
    void openAddPartnerDialog();
    void saveClouds();
    void loadPolicies();
    void editPolicy(int row); // -1: a new one
    void removePolicy();
    void editPartnerResult(const core::Result<core::PartnerRecord> &r);
    void fail(const core::Error &e);

    models::SessionPtr m_session;
    Capabilities m_caps;
    core::CrossTenantPolicyRecord m_policy;
    std::optional<core::PartnerRecord> m_partner;
    QList<core::ConditionalAccessPolicy> m_policies;
    quint64 m_generation = 0;

    QLabel *m_status = nullptr;
    QTabWidget *m_tabs = nullptr;
    QPushButton *m_import = nullptr;
    QPushButton *m_export = nullptr;
    CrossTenantEditor *m_defaultEditor = nullptr;
    QPushButton *m_saveDefault = nullptr;
    QLineEdit *m_search = nullptr;
    QLabel *m_partnerCount = nullptr;
    QTableView *m_table = nullptr;
    models::PartnersModel *m_partners = nullptr;
    QPushButton *m_addPartner = nullptr;
    QPushButton *m_removePartner = nullptr;
    QLabel *m_partnerTitle = nullptr;
    CrossTenantEditor *m_partnerEditor = nullptr;
    QPushButton *m_savePartner = nullptr;
    std::array<QCheckBox *, 2> m_clouds{}; // usgov, china
    QPushButton *m_saveClouds = nullptr;
    QTreeWidget *m_policyList = nullptr;
    QPushButton *m_addPolicy = nullptr;
    QPushButton *m_editPolicy = nullptr;
    QPushButton *m_removePolicy = nullptr;
};

} // namespace atrium::ui
