#include "ui/userflowsdialog.h"

#include "core/invitations/invitationservice.h"
#include "core/services/permissions.h"
#include "core/userflows/userflowservice.h"
#include "models/dbexecutor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace atrium::ui {

using core::ApiConnector;
using core::UserFlow;
using core::UserFlowAttribute;
using core::UserFlowService;

namespace {

struct Loaded {
    QList<UserFlow> flows;
    QList<ApiConnector> connectors;
    bool selfServiceOn = false;
};

template <typename W> W *named(W *w, const QString &name) {
    w->setObjectName(name);
    return w;
}

enum Column { NameColumn, CollectColumn, RequiredColumn };

} // namespace

UserFlowsDialog::UserFlowsDialog(models::DbExecutor *executor, models::SessionPtr session, QWidget *parent)
    : QDialog(parent), m_executor(executor), m_session(std::move(session)) {
    setObjectName(QStringLiteral("userFlowsDialog"));
    setWindowTitle(tr("User Flows and API Connectors"));
    m_status = named(new QLabel(this), QStringLiteral("userFlowsStatus"));
    m_status->setWordWrap(true);
    m_tabs = named(new QTabWidget(this), QStringLiteral("userFlowsTabs"));
    auto *flowsTab = new QWidget(m_tabs);
    auto *connectorsTab = new QWidget(m_tabs);
    buildFlowsTab(flowsTab);
    buildConnectorsTab(connectorsTab);
    m_tabs->addTab(flowsTab, tr("User flows"));
    m_tabs->addTab(connectorsTab, tr("API connectors"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(buttons);
    m_canManage = m_session && m_session->op.can(core::Permission::ManageUserFlows);
    resize(980, 640);
    newFlow();
    newConnector();
    reload();
}

void UserFlowsDialog::buildFlowsTab(QWidget *tab) {
    auto *splitter = new QSplitter(tab);
    auto *left = new QWidget(splitter);
    m_flowList = named(new QListWidget(left), QStringLiteral("flowList"));
    m_newFlow = named(new QPushButton(tr("New"), left), QStringLiteral("newFlowButton"));
    m_deleteFlow = named(new QPushButton(tr("Delete…"), left), QStringLiteral("deleteFlowButton"));
    auto *leftButtons = new QHBoxLayout;
    leftButtons->addWidget(m_newFlow);
    leftButtons->addWidget(m_deleteFlow);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_flowList, 1);
    leftLayout->addLayout(leftButtons);

    auto *right = new QWidget(splitter);
    auto *form = new QFormLayout;
    m_flowName = named(new QLineEdit(right), QStringLiteral("flowNameEdit"));
    m_flowName->setPlaceholderText(QStringLiteral("B2X_1_PartnerSignUp"));
    m_flowEnabled =
        named(new QCheckBox(tr("Guests can sign up through this flow"), right), QStringLiteral("flowEnabledCheck"));
    m_redirect = named(new QLineEdit(right), QStringLiteral("flowRedirectEdit"));
    m_redirect->setPlaceholderText(QStringLiteral("https://apps.example.com/"));
    form->addRow(tr("Name:"), m_flowName);
    form->addRow(QString(), m_flowEnabled);
    form->addRow(tr("After sign-up go to:"), m_redirect);
    form->addRow(tr("Identity provider:"), new QLabel(tr("Email one-time passcode"), right));

    m_attributes = named(new QTreeWidget(right), QStringLiteral("attributeList"));
    m_attributes->setHeaderLabels({tr("Attribute (page order)"), tr("Collect"), tr("Required")});
    m_attributes->setRootIsDecorated(false);
    m_attributes->header()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    m_attributes->header()->setStretchLastSection(false);
    auto *up = named(new QPushButton(tr("Move Up"), right), QStringLiteral("attributeUpButton"));
    auto *down = named(new QPushButton(tr("Move Down"), right), QStringLiteral("attributeDownButton"));
    m_customAttribute = named(new QLineEdit(right), QStringLiteral("customAttributeEdit"));
    m_customAttribute->setPlaceholderText(QStringLiteral("extension_<appid>_CompanyName"));
    auto *addCustom =
        named(new QPushButton(tr("Add Custom Attribute"), right), QStringLiteral("addCustomAttributeButton"));
    auto *attrButtons = new QHBoxLayout;
    attrButtons->addWidget(up);
    attrButtons->addWidget(down);
    attrButtons->addStretch(1);
    attrButtons->addWidget(m_customAttribute, 2);
    attrButtons->addWidget(addCustom);

    auto *connectors = new QFormLayout;
    m_postFederation = named(new QComboBox(right), QStringLiteral("postFederationCombo"));
    m_postAttributes = named(new QComboBox(right), QStringLiteral("postAttributeCollectionCombo"));
    connectors->addRow(tr("After federating with an identity provider:"), m_postFederation);
    connectors->addRow(tr("Before creating the user:"), m_postAttributes);
    m_saveFlow = named(new QPushButton(tr("Save User Flow"), right), QStringLiteral("saveFlowButton"));
    auto *saveRow = new QHBoxLayout;
    saveRow->addStretch(1);
    saveRow->addWidget(m_saveFlow);

    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addLayout(form);
    rightLayout->addWidget(new QLabel(tr("Attributes to collect at the first sign-up:"), right));
    rightLayout->addWidget(m_attributes, 1);
    rightLayout->addLayout(attrButtons);
    rightLayout->addWidget(new QLabel(tr("API connectors:"), right));
    rightLayout->addLayout(connectors);
    rightLayout->addLayout(saveRow);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 3);
    auto *layout = new QVBoxLayout(tab);
    layout->addWidget(splitter);

    connect(m_flowList, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && row < m_flows.size()) {
            showFlow(m_flows.at(row));
        }
    });
    connect(m_newFlow, &QPushButton::clicked, this, &UserFlowsDialog::newFlow);
    connect(m_deleteFlow, &QPushButton::clicked, this, &UserFlowsDialog::deleteFlow);
    connect(m_saveFlow, &QPushButton::clicked, this, &UserFlowsDialog::saveFlow);
    connect(up, &QPushButton::clicked, this, [this] { moveAttribute(-1); });
    connect(down, &QPushButton::clicked, this, [this] { moveAttribute(1); });
    connect(addCustom, &QPushButton::clicked, this, &UserFlowsDialog::addCustomAttribute);
    connect(m_customAttribute, &QLineEdit::returnPressed, addCustom, &QPushButton::click);
}

void UserFlowsDialog::buildConnectorsTab(QWidget *tab) {
    auto *splitter = new QSplitter(tab);
    auto *left = new QWidget(splitter);
    m_connectorList = named(new QListWidget(left), QStringLiteral("connectorList"));
    m_newConnector = named(new QPushButton(tr("New"), left), QStringLiteral("newConnectorButton"));
    m_deleteConnector = named(new QPushButton(tr("Delete…"), left), QStringLiteral("deleteConnectorButton"));
    auto *leftButtons = new QHBoxLayout;
    leftButtons->addWidget(m_newConnector);
    leftButtons->addWidget(m_deleteConnector);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_connectorList, 1);
    leftLayout->addLayout(leftButtons);

    auto *right = new QWidget(splitter);
    auto *form = new QFormLayout;
    m_connectorName = named(new QLineEdit(right), QStringLiteral("connectorNameEdit"));
    m_endpoint = named(new QLineEdit(right), QStringLiteral("connectorUrlEdit"));
    m_endpoint->setPlaceholderText(QStringLiteral("https://approvals.example.com/api/signup"));
    m_authType = named(new QComboBox(right), QStringLiteral("connectorAuthCombo"));
    m_authType->addItem(tr("HTTP Basic"), QStringLiteral("basic"));
    m_authType->addItem(tr("Client certificate"), QStringLiteral("certificate"));
    m_username = named(new QLineEdit(right), QStringLiteral("connectorUserEdit"));
    m_password = named(new QLineEdit(right), QStringLiteral("connectorPasswordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    m_certificateFile = named(new QLineEdit(right), QStringLiteral("connectorCertificateEdit"));
    m_certificateFile->setPlaceholderText(tr("PEM file: certificate followed by its private key"));
    auto *browse = new QPushButton(tr("Browse…"), right);
    auto *certRow = new QHBoxLayout;
    certRow->addWidget(m_certificateFile, 1);
    certRow->addWidget(browse);
    form->addRow(tr("Display name:"), m_connectorName);
    form->addRow(tr("Endpoint URL:"), m_endpoint);
    form->addRow(tr("Authentication:"), m_authType);
    form->addRow(tr("User name:"), m_username);
    form->addRow(tr("Password:"), m_password);
    form->addRow(tr("Client certificate:"), certRow);
    auto *note = new QLabel(tr("Credentials are kept in the system keychain and never shown again; leave them empty "
                               "when editing to keep the stored ones. Called with the claims as JSON, 20 s timeout "
                               "with one retry."),
                            right);
    note->setWordWrap(true);
    m_saveConnector = named(new QPushButton(tr("Save API Connector"), right), QStringLiteral("saveConnectorButton"));
    auto *saveRow = new QHBoxLayout;
    saveRow->addStretch(1);
    saveRow->addWidget(m_saveConnector);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addLayout(form);
    rightLayout->addWidget(note);
    rightLayout->addStretch(1);
    rightLayout->addLayout(saveRow);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(1, 3);
    auto *layout = new QVBoxLayout(tab);
    layout->addWidget(splitter);

    connect(m_connectorList, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && row < m_connectors.size()) {
            showConnector(m_connectors.at(row));
        }
    });
    connect(m_authType, &QComboBox::currentIndexChanged, this, [this] { updateState(); });
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("Client Certificate"), {}, tr("PEM files (*.pem)"));
        if (!file.isEmpty()) {
            m_certificateFile->setText(file);
        }
    });
    connect(m_newConnector, &QPushButton::clicked, this, &UserFlowsDialog::newConnector);
    connect(m_deleteConnector, &QPushButton::clicked, this, &UserFlowsDialog::deleteConnector);
    connect(m_saveConnector, &QPushButton::clicked, this, &UserFlowsDialog::saveConnector);
}

void UserFlowsDialog::showConnectorsTab() {
    m_tabs->setCurrentIndex(1);
}

void UserFlowsDialog::report(const core::Error &e) {
    m_status->setText(e.message);
    emit failed(e.message);
}

void UserFlowsDialog::reload() {
    if (!m_session) {
        m_status->setText(tr("No directory is open."));
        return;
    }
    m_status->setText(tr("Loading…"));
    const core::ServiceContext ctx = m_session->context();
    const auto secrets = m_session->secrets;
    m_executor->call<core::Result<Loaded>>(
        this,
        [ctx, secrets]() -> core::Result<Loaded> {
            UserFlowService svc(ctx, secrets);
            Loaded l;
            auto flows = svc.flows();
            if (!flows.ok()) {
                return flows.error();
            }
            auto connectors = svc.connectors();
            if (!connectors.ok()) {
                return connectors.error();
            }
            auto c = ctx.db().connection();
            if (!c.ok()) {
                return c.error();
            }
            auto policy = core::InvitationService::loadPolicy(*c);
            if (!policy.ok()) {
                return policy.error();
            }
            l.flows = *flows;
            l.connectors = *connectors;
            l.selfServiceOn = policy->settings().selfServiceSignUpEnabled;
            return l;
        },
        [this](const core::Result<Loaded> &r) {
            if (!r.ok()) {
                report(r.error());
                return;
            }
            m_flows = r->flows;
            m_connectors = r->connectors;
            m_selfServiceOn = r->selfServiceOn;
            const QString currentFlow = m_flow.id;
            const QString currentConnector = m_connector.id;
            m_flowList->clear();
            for (const UserFlow &f : std::as_const(m_flows)) {
                m_flowList->addItem(f.enabled ? f.name : tr("%1 (disabled)").arg(f.name));
            }
            m_connectorList->clear();
            for (const ApiConnector &c : std::as_const(m_connectors)) {
                m_connectorList->addItem(c.hasSecret ? c.displayName
                                                     : tr("%1 (credentials missing)").arg(c.displayName));
            }
            for (QComboBox *combo : {m_postFederation, m_postAttributes}) {
                const QString keep = combo->currentData().toString();
                combo->clear();
                combo->addItem(tr("None"), QString());
                for (const ApiConnector &c : std::as_const(m_connectors)) {
                    combo->addItem(c.displayName, c.id);
                }
                combo->setCurrentIndex(std::max(0, combo->findData(keep)));
            }
            for (int i = 0; i < m_flows.size(); ++i) {
                if (m_flows.at(i).id == currentFlow) {
                    m_flowList->setCurrentRow(i);
                }
            }
            for (int i = 0; i < m_connectors.size(); ++i) {
                if (m_connectors.at(i).id == currentConnector) {
                    m_connectorList->setCurrentRow(i);
                }
            }
            m_status->setText(
                m_selfServiceOn
                    ? tr("Guests sign up at the portal's /signup/<flow name> address.")
                    : tr("Self-service sign-up is turned off in External collaboration: new user flows cannot be "
                         "created and the portal offers no sign-up."));
            updateState();
            emit loaded();
        });
}

void UserFlowsDialog::showFlow(const UserFlow &flow) {
    m_flow = flow;
    m_flowName->setText(flow.name);
    m_flowName->setReadOnly(!flow.id.isEmpty()); // names are fixed once created
    m_flowEnabled->setChecked(flow.enabled);
    m_redirect->setText(flow.redirectUrl);
    m_attributes->clear();
    QStringList order;
    for (const UserFlowAttribute &a : flow.attributes) {
        order << a.name;
    }
    for (const QString &b : core::builtInUserFlowAttributes()) {
        if (!order.contains(b)) {
            order << b;
        }
    }
    for (const QString &name : std::as_const(order)) {
        auto *item = new QTreeWidgetItem(m_attributes);
        item->setText(NameColumn,
                      core::userFlowAttributeLabel(name) + (core::isCustomAttributeName(name)
                                                                ? QStringLiteral(" (") + name + QLatin1Char(')')
                                                                : QString()));
        item->setData(NameColumn, Qt::UserRole, name);
        bool collected = false;
        bool required = false;
        for (const UserFlowAttribute &a : flow.attributes) {
            if (a.name == name) {
                collected = true;
                required = a.required;
            }
        }
        item->setCheckState(CollectColumn, collected ? Qt::Checked : Qt::Unchecked);
        item->setCheckState(RequiredColumn, required ? Qt::Checked : Qt::Unchecked);
    }
    m_postFederation->setCurrentIndex(std::max(0, m_postFederation->findData(flow.postFederationConnectorId)));
    m_postAttributes->setCurrentIndex(std::max(0, m_postAttributes->findData(flow.postAttributeCollectionConnectorId)));
    updateState();
}

void UserFlowsDialog::newFlow() {
    UserFlow f;
    f.name = QStringLiteral("B2X_1_");
    f.attributes << UserFlowAttribute{QStringLiteral("displayName"), true};
    m_flowList->setCurrentRow(-1);
    showFlow(f);
}

void UserFlowsDialog::moveAttribute(int delta) {
    QTreeWidgetItem *item = m_attributes->currentItem();
    if (!item) {
        return;
    }
    const int row = m_attributes->indexOfTopLevelItem(item);
    const int target = row + delta;
    if (target < 0 || target >= m_attributes->topLevelItemCount()) {
        return;
    }
    m_attributes->takeTopLevelItem(row);
    m_attributes->insertTopLevelItem(target, item);
    m_attributes->setCurrentItem(item);
}

void UserFlowsDialog::addCustomAttribute() {
    const QString name = m_customAttribute->text().trimmed();
    if (core::Status s = core::validateAttributeName(name); !s.ok()) {
        m_status->setText(s.error().message);
        return;
    }
    for (int i = 0; i < m_attributes->topLevelItemCount(); ++i) {
        if (m_attributes->topLevelItem(i)->data(NameColumn, Qt::UserRole).toString() == name) {
            m_attributes->setCurrentItem(m_attributes->topLevelItem(i));
            return;
        }
    }
    auto *item = new QTreeWidgetItem(m_attributes);
    item->setText(NameColumn, core::userFlowAttributeLabel(name) + QStringLiteral(" (") + name + QLatin1Char(')'));
    item->setData(NameColumn, Qt::UserRole, name);
    item->setCheckState(CollectColumn, Qt::Checked);
    item->setCheckState(RequiredColumn, Qt::Unchecked);
    m_attributes->setCurrentItem(item);
    m_customAttribute->clear();
}

void UserFlowsDialog::saveFlow() {
    UserFlow f = m_flow;
    f.name = m_flowName->text().trimmed();
    f.enabled = m_flowEnabled->isChecked();
    f.redirectUrl = m_redirect->text().trimmed();
    f.attributes.clear();
    for (int i = 0; i < m_attributes->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = m_attributes->topLevelItem(i);
        if (item->checkState(CollectColumn) == Qt::Checked) {
            f.attributes << UserFlowAttribute{item->data(NameColumn, Qt::UserRole).toString(),
                                              item->checkState(RequiredColumn) == Qt::Checked};
        }
    }
    f.postFederationConnectorId = m_postFederation->currentData().toString();
    f.postAttributeCollectionConnectorId = m_postAttributes->currentData().toString();
    const core::ServiceContext ctx = m_session->context();
    const auto secrets = m_session->secrets;
    const qint64 version = m_flow.rowVersion;
    const bool creating = m_flow.id.isEmpty();
    m_saveFlow->setEnabled(false);
    m_executor->call<core::Result<UserFlow>>(
        this,
        [ctx, secrets, f, version, creating] {
            UserFlowService svc(ctx, secrets);
            return creating ? svc.createFlow(f) : svc.updateFlow(f, version);
        },
        [this](const core::Result<UserFlow> &r) {
            updateState();
            if (!r.ok()) {
                report(r.error());
                return;
            }
            m_flow = *r;
            emit saved();
            reload();
        });
}

void UserFlowsDialog::deleteFlow() {
    if (m_flow.id.isEmpty()) {
        return;
    }
    if (QMessageBox::question(this, tr("Delete User Flow"),
                              tr("Delete the user flow %1? Guests can no longer sign up through it; guests who signed "
                                 "up already keep their accounts.")
                                  .arg(m_flow.name)) != QMessageBox::Yes) {
        return;
    }
    const core::ServiceContext ctx = m_session->context();
    const auto secrets = m_session->secrets;
    const QString id = m_flow.id;
    const qint64 version = m_flow.rowVersion;
    m_executor->call<core::Status>(
        this, [ctx, secrets, id, version] { return UserFlowService(ctx, secrets).deleteFlow(id, version); },
        [this](const core::Status &s) {
            if (!s.ok()) {
                report(s.error());
                return;
            }
            newFlow();
            emit saved();
            reload();
        });
}

void UserFlowsDialog::showConnector(const ApiConnector &c) {
    m_connector = c;
    m_connectorName->setText(c.displayName);
    m_endpoint->setText(c.endpointUrl);
    m_authType->setCurrentIndex(std::max(0, m_authType->findData(c.authType)));
    m_username->setText(c.username);
    m_password->clear();
    m_certificateFile->clear();
    m_password->setPlaceholderText(c.id.isEmpty() ? QString() : tr("(kept in the keychain)"));
    updateState();
}

void UserFlowsDialog::newConnector() {
    m_connectorList->setCurrentRow(-1);
    showConnector(ApiConnector{});
}

void UserFlowsDialog::saveConnector() {
    ApiConnector c = m_connector;
    c.displayName = m_connectorName->text().trimmed();
    c.endpointUrl = m_endpoint->text().trimmed();
    c.authType = m_authType->currentData().toString();
    c.username = m_username->text().trimmed();
    QString secret;
    if (c.authType == QLatin1String("certificate")) {
        if (!m_certificateFile->text().isEmpty()) {
            QFile file(m_certificateFile->text());
            if (!file.open(QIODevice::ReadOnly)) {
                m_status->setText(tr("Cannot read %1: %2").arg(file.fileName(), file.errorString()));
                return;
            }
            secret = QString::fromUtf8(file.read(1 << 20));
        }
    } else {
        secret = m_password->text();
    }
    const core::ServiceContext ctx = m_session->context();
    const auto secrets = m_session->secrets;
    const qint64 version = m_connector.rowVersion;
    const bool creating = m_connector.id.isEmpty();
    m_saveConnector->setEnabled(false);
    m_executor->call<core::Result<ApiConnector>>(
        this,
        [ctx, secrets, c, secret, version, creating] {
            UserFlowService svc(ctx, secrets);
            return creating ? svc.createConnector(c, secret) : svc.updateConnector(c, secret, version);
        },
        [this](const core::Result<ApiConnector> &r) {
            updateState();
            if (!r.ok()) {
                report(r.error());
                return;
            }
            m_connector = *r;
            m_password->clear();
            emit saved();
            reload();
        });
}

void UserFlowsDialog::deleteConnector() {
    if (m_connector.id.isEmpty()) {
        return;
    }
    if (QMessageBox::question(
            this, tr("Delete API Connector"),
            tr("Delete the API connector %1 and its stored credentials?").arg(m_connector.displayName)) !=
        QMessageBox::Yes) {
        return;
    }
    const core::ServiceContext ctx = m_session->context();
    const auto secrets = m_session->secrets;
    const QString id = m_connector.id;
    const qint64 version = m_connector.rowVersion;
    m_executor->call<core::Status>(
        this, [ctx, secrets, id, version] { return UserFlowService(ctx, secrets).deleteConnector(id, version); },
        [this](const core::Status &s) {
            if (!s.ok()) {
                report(s.error());
                return;
            }
            newConnector();
            emit saved();
            reload();
        });
}

void UserFlowsDialog::updateState() {
    const QString needed = tr("Needs %1.").arg(core::rolesGrantingText(core::Permission::ManageUserFlows));
    const bool basic = m_authType->currentData().toString() == QLatin1String("basic");
    m_username->setEnabled(basic);
    m_password->setEnabled(basic);
    m_certificateFile->setEnabled(!basic);
    const bool creatingFlow = m_flow.id.isEmpty();
    m_saveFlow->setEnabled(m_canManage && (!creatingFlow || m_selfServiceOn));
    m_deleteFlow->setEnabled(m_canManage && !creatingFlow);
    m_newFlow->setEnabled(m_canManage && m_selfServiceOn);
    m_saveConnector->setEnabled(m_canManage);
    m_deleteConnector->setEnabled(m_canManage && !m_connector.id.isEmpty());
    m_newConnector->setEnabled(m_canManage);
    for (QPushButton *b : {m_saveFlow, m_deleteFlow, m_newFlow, m_saveConnector, m_deleteConnector, m_newConnector}) {
        b->setToolTip(m_canManage ? QString() : needed);
    }
    if (m_canManage && !m_selfServiceOn && creatingFlow) {
        m_saveFlow->setToolTip(tr("Turn on self-service sign-up in External collaboration first."));
    }
}

} // namespace atrium::ui
