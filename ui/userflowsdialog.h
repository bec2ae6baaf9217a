#pragma once

#include "core/userflows/userflow.h"
#include "models/directorysession.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTabWidget;
class QTreeWidget;

namespace atrium::models {
class DbExecutor;
}

namespace atrium::ui {

// Self-service sign-up (SPEC §8): user flows (B2X_1_ names, attributes to collect in page order,
// built-in and extension_ attributes, API connectors at the two steps, redirect URL) and API
// connectors (endpoint, HTTP Basic or client certificate; the credentials go to the keychain and
// are never shown again). Reads and writes run on the DbExecutor; the service checks the
// permission (User Administrator) and audits; controls are disabled with the role needed as tooltip.
class UserFlowsDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UserFlowsDialog)
public:
    UserFlowsDialog(models::DbExecutor *executor, models::SessionPtr session, QWidget *parent = nullptr);

    void reload();
    void showConnectorsTab();

signals:
    void loaded();
    void saved();
    void failed(const QString &message);

private:
    void buildFlowsTab(QWidget *tab);
    void buildConnectorsTab(QWidget *tab);
    void showFlow(const core::UserFlow &flow);
    void newFlow();
    void saveFlow();
    void deleteFlow();
    void moveAttribute(int delta);
    void addCustomAttribute();
    void showConnector(const core::ApiConnector &c);
    void newConnector();
    void saveConnector();
    void deleteConnector();
    void updateState();
    void report(const core::Error &e);

    models::DbExecutor *m_executor;
    models::SessionPtr m_session;
    QList<core::UserFlow> m_flows;
    QList<core::ApiConnector> m_connectors;
    core::UserFlow m_flow; // the one in the form (id empty: new)
    core::ApiConnector m_connector;
    bool m_selfServiceOn = false;
    bool m_canManage = false;

    QTabWidget *m_tabs = nullptr;
    QLabel *m_status = nullptr;
    QListWidget *m_flowList = nullptr;
    QLineEdit *m_flowName = nullptr;
    QCheckBox *m_flowEnabled = nullptr;
    QLineEdit *m_redirect = nullptr;
    QTreeWidget *m_attributes = nullptr;
    QLineEdit *m_customAttribute = nullptr;
    QComboBox *m_postFederation = nullptr;
    QComboBox *m_postAttributes = nullptr;
    QPushButton *m_newFlow = nullptr;
    QPushButton *m_deleteFlow = nullptr;
    QPushButton *m_saveFlow = nullptr;
    QListWidget *m_connectorList = nullptr;
    QLineEdit *m_connectorName = nullptr;
    QLineEdit *m_endpoint = nullptr;
    QComboBox *m_authType = nullptr;
    QLineEdit *m_username = nullptr;
    QLineEdit *m_password = nullptr;
    QLineEdit *m_certificateFile = nullptr;
    QPushButton *m_newConnector = nullptr;
    QPushButton *m_deleteConnector = nullptr;
    QPushButton *m_saveConnector = nullptr;
};

} // namespace atrium::ui
