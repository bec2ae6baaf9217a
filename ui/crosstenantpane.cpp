#include "ui/crosstenantpane.h"

#include "models/dbexecutor.h"
#include "models/partnersmodel.h"
#include "ui/crosstenanteditor.h"
#include "ui/messageboxes.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFile>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSaveFile>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QTreeWidget>
#include <QUuid>
#include <QVBoxLayout>

namespace atrium::ui {
namespace {
template <typename W> W *named(W *w, const char *objectName) {
    w->setObjectName(QString::fromLatin1(objectName));
    return w;
}
QStringList splitList(const QString &text) {
    return text.split(QRegularExpression(QStringLiteral("[,;\\s]+")), Qt::SkipEmptyParts);
}
QScrollArea *scrolled(QWidget *w, QWidget *parent) {
    auto *area = new QScrollArea(parent);
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    area->setWidget(w);
    return area;
}
QString problemsText(const QList<core::ConfigProblem> &problems) {
    QStringList lines;
    for (const core::ConfigProblem &p : problems) {
        lines << (p.path.isEmpty() ? p.message : p.path + QStringLiteral(": ") + p.message);
    }
    return lines.join(QLatin1Char('\n'));
}
QString grantText(const core::ConditionalAccessPolicy &p) {
    QStringList g;
    if (p.grant & core::cagrant::Block) {
        g << CrossTenantPane::tr("Block access");
    }
    if (p.grant & core::cagrant::Mfa) {
        g << CrossTenantPane::tr("Require multifactor authentication");
    }
    if (p.grant & core::cagrant::TermsOfUse) {
        g << CrossTenantPane::tr("Require terms of use");
    }
    return g.join(QStringLiteral(", "));
}
QString stateText(core::ConditionalAccessState s) {
    switch (s) {
    case core::ConditionalAccessState::enabled:
        return CrossTenantPane::tr("On");
    case core::ConditionalAccessState::reportOnly:
        return CrossTenantPane::tr("Report-only");
    case core::ConditionalAccessState::disabled:
        return CrossTenantPane::tr("Off");
    }
    return {};
}
} // namespace

CrossTenantPane::CrossTenantPane(models::DbExecutor *executor, QWidget *parent)
    : Pane(executor, parent), m_partners(new models::PartnersModel(executor, this)) {
    buildUi();
    applyPermissions();
}

CrossTenantPane::~CrossTenantPane() = default;

void CrossTenantPane::buildUi() {
    auto *layout = new QVBoxLayout(this);
    auto *top = new QHBoxLayout;
    auto *title = new QLabel(tr("<h2>Cross-tenant access settings</h2>"), this);
    top->addWidget(title, 1);
    m_import = named(new QPushButton(tr("Import Graph JSON…"), this), "ctImportButton");
    m_import->setToolTip(tr("Bring the default and partner settings over from Microsoft Graph JSON; problems are shown "
                            "before anything is changed."));
    m_export = named(new QPushButton(tr("Export Graph JSON…"), this), "ctExportButton");
    top->addWidget(m_import);
    top->addWidget(m_export);
    layout->addLayout(top);
    m_status = named(new QLabel(this), "ctStatus");
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    m_tabs = named(new QTabWidget(this), "ctTabs");
    m_tabs->addTab(buildDefaultTab(), tr("Default Settings"));
    m_tabs->addTab(buildPartnersTab(), tr("Organizational Settings"));
    m_tabs->addTab(buildCloudsTab(), tr("Microsoft Cloud Settings"));
    m_tabs->addTab(buildConditionalAccessTab(), tr("Conditional Access for Guests"));
    layout->addWidget(m_tabs, 1);

    connect(m_import, &QPushButton::clicked, this, [this] {
        const QString f = MessageBoxes::openFileName(this, tr("Import Cross-Tenant Access Settings"), QString(),
                                                     tr("Graph JSON (*.json);;All files (*)"));
        if (!f.isEmpty()) {
            importFile(f);
        }
    });
    connect(m_export, &QPushButton::clicked, this, [this] {
        const QString f = MessageBoxes::saveFileName(this, tr("Export Cross-Tenant Access Settings"),
                                                     QStringLiteral("cross-tenant-access.json"),
                                                     tr("Graph JSON (*.json)"));
        if (!f.isEmpty()) {
            exportFile(f);
        }
    });
}

QWidget *CrossTenantPane::buildDefaultTab() {
    auto *tab = new QWidget(this);
    auto *v = new QVBoxLayout(tab);
    auto *intro = new QLabel(tr("These settings apply to every organization that is not listed as a partner, and "
                                "partners inherit each setting they do not customize."),
                             tab);
    intro->setWordWrap(true);
    v->addWidget(intro);
    m_defaultEditor = named(new CrossTenantEditor(false, tab), "ctDefaultEditor");
    v->addWidget(scrolled(m_defaultEditor, tab), 1);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    m_saveDefault = named(new QPushButton(tr("Save Default Settings"), tab), "ctSaveDefault");
    buttons->addWidget(m_saveDefault);
    v->addLayout(buttons);
    connect(m_saveDefault, &QPushButton::clicked, this, &CrossTenantPane::saveDefault);
    connect(m_defaultEditor, &CrossTenantEditor::changed, this, [this] { applyPermissions(); });
    return tab;
}

QWidget *CrossTenantPane::buildPartnersTab() {
    auto *tab = new QWidget(this);
    auto *v = new QVBoxLayout(tab);
    auto *bar = new QHBoxLayout;
    m_search = named(new QLineEdit(tab), "ctPartnerSearch");
    m_search->setPlaceholderText(tr("Find by tenant ID, name or domain"));
    m_search->setClearButtonEnabled(true);
    bar->addWidget(m_search, 1);
    m_partnerCount = named(new QLabel(tab), "ctPartnerCount");
    bar->addWidget(m_partnerCount);
    m_addPartner = named(new QPushButton(tr("Add Organization…"), tab), "ctAddPartner");
    m_removePartner = named(new QPushButton(tr("Remove"), tab), "ctRemovePartner");
    bar->addWidget(m_addPartner);
    bar->addWidget(m_removePartner);
    v->addLayout(bar);

    auto *split = new QSplitter(Qt::Vertical, tab);
    m_table = named(new QTableView(split), "ctPartnersTable");
    m_table->setModel(m_partners);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(models::PartnersModel::NameColumn, 200);
    m_table->setColumnWidth(models::PartnersModel::TenantIdColumn, 290);
    m_table->setColumnWidth(models::PartnersModel::DomainsColumn, 200);
    m_table->setColumnWidth(models::PartnersModel::CloudColumn, 180);
    auto *editorBox = new QWidget(split);
    auto *ev = new QVBoxLayout(editorBox);
    ev->setContentsMargins(0, 0, 0, 0);
    m_partnerTitle = named(new QLabel(tr("Select an organization to see its settings."), editorBox), "ctPartnerTitle");
    ev->addWidget(m_partnerTitle);
    m_partnerEditor = named(new CrossTenantEditor(true, editorBox), "ctPartnerEditor");
    ev->addWidget(scrolled(m_partnerEditor, editorBox), 1);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    m_savePartner = named(new QPushButton(tr("Save Organization Settings"), editorBox), "ctSavePartner");
    buttons->addWidget(m_savePartner);
    ev->addLayout(buttons);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 2);
    v->addWidget(split, 1);

    // Typing searches at the database, after a short pause, so 10,000 partners stay responsive.
    auto *debounce = new QTimer(this);
    debounce->setSingleShot(true);
    debounce->setInterval(250);
    connect(m_search, &QLineEdit::textChanged, debounce, qOverload<>(&QTimer::start));
    connect(debounce, &QTimer::timeout, this, [this] { m_partners->setSearch(m_search->text()); });
    connect(m_partners, &models::PartnersModel::totalCountChanged, this,
            [this](qint64 n) { m_partnerCount->setText(tr("%n organization(s)", nullptr, int(n))); });
    connect(m_partners, &models::PartnersModel::errorOccurred, this, &CrossTenantPane::fail);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex &cur) {
        if (cur.isValid()) {
            selectPartner(cur.data(models::PartnersModel::TenantIdRole).toString());
        }
    });
    connect(m_addPartner, &QPushButton::clicked, this, &CrossTenantPane::openAddPartnerDialog);
    connect(m_removePartner, &QPushButton::clicked, this, &CrossTenantPane::removeSelectedPartner);
    connect(m_savePartner, &QPushButton::clicked, this, &CrossTenantPane::savePartner);
    m_partnerEditor->onCustomize = [this](core::CrossTenantProperty p) { customize(p); };
    m_partnerEditor->onBackToDefault = [this](core::CrossTenantProperty p) { backToDefault(p); };
    connect(m_partnerEditor, &CrossTenantEditor::changed, this, [this] { applyPermissions(); });
    return tab;
}

QWidget *CrossTenantPane::buildCloudsTab() {
    auto *tab = new QWidget(this);
    auto *v = new QVBoxLayout(tab);
    auto *intro = new QLabel(tr("Atrium's own cloud is Microsoft Azure Commercial. Enable another Microsoft cloud to "
                                "collaborate with organizations in it. <b>Its organizations stay blocked until you add "
                                "each one as a partner</b> on the Organizational Settings tab."),
                             tab);
    intro->setWordWrap(true);
    v->addWidget(intro);
    m_clouds[0] = named(new QCheckBox(tr("Microsoft Azure Government"), tab), "ctCloudUsGov");
    m_clouds[1] = named(new QCheckBox(tr("Microsoft Azure China (operated by 21Vianet)"), tab), "ctCloudChina");
    for (QCheckBox *c : m_clouds) {
        v->addWidget(c);
        connect(c, &QCheckBox::toggled, this, [this] { applyPermissions(); });
    }
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    m_saveClouds = named(new QPushButton(tr("Save Cloud Settings"), tab), "ctSaveClouds");
    buttons->addWidget(m_saveClouds);
    v->addLayout(buttons);
    v->addStretch(1);
    connect(m_saveClouds, &QPushButton::clicked, this, &CrossTenantPane::saveClouds);
    return tab;
}

QWidget *CrossTenantPane::buildConditionalAccessTab() {
    auto *tab = new QWidget(this);
    auto *v = new QVBoxLayout(tab);
    auto *intro = new QLabel(tr("Conditional access policies for guests and external users. A report-only policy is "
                                "evaluated and shown in What If, but never enforced."),
                             tab);
    intro->setWordWrap(true);
    v->addWidget(intro);
    m_policyList = named(new QTreeWidget(tab), "ctPolicyList");
    m_policyList->setRootIsDecorated(false);
    m_policyList->setHeaderLabels({tr("Name"), tr("State"), tr("Users"), tr("Applications"), tr("Grant")});
    m_policyList->setColumnWidth(0, 220);
    v->addWidget(m_policyList, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    m_addPolicy = named(new QPushButton(tr("New Policy…"), tab), "ctAddPolicy");
    m_editPolicy = named(new QPushButton(tr("Edit…"), tab), "ctEditPolicy");
    m_removePolicy = named(new QPushButton(tr("Delete"), tab), "ctRemovePolicy");
    buttons->addWidget(m_addPolicy);
    buttons->addWidget(m_editPolicy);
    buttons->addWidget(m_removePolicy);
    v->addLayout(buttons);
    connect(m_addPolicy, &QPushButton::clicked, this, [this] { editPolicy(-1); });
    connect(m_editPolicy, &QPushButton::clicked, this, [this] {
        editPolicy(m_policyList->currentItem() ? m_policyList->indexOfTopLevelItem(m_policyList->currentItem()) : -1);
    });
    connect(m_policyList, &QTreeWidget::itemDoubleClicked, this,
            [this](QTreeWidgetItem *item) { editPolicy(m_policyList->indexOfTopLevelItem(item)); });
    connect(m_policyList, &QTreeWidget::currentItemChanged, this, [this] { applyPermissions(); });
    connect(m_removePolicy, &QPushButton::clicked, this, &CrossTenantPane::removePolicy);
    return tab;
}

void CrossTenantPane::setSession(models::SessionPtr session) {
    m_session = std::move(session);
    m_partner.reset();
    clearPartner();
    m_partners->setSession(m_session);
    reload();
}

void CrossTenantPane::setCapabilities(const Capabilities &caps) {
    m_caps = caps;
    applyPermissions();
}

void CrossTenantPane::applyPermissions() {
    const core::Permission edit = core::Permission::EditCrossTenantAccess;
    const bool can = m_session && m_caps.can(edit);
    const QString why = m_caps.deniedReason(edit);
    for (QWidget *w : std::initializer_list<QWidget *>{m_import, m_addPartner, m_saveClouds, m_addPolicy}) {
        m_caps.apply(w, edit);
        w->setEnabled(w->isEnabled() && m_session);
    }
    m_caps.apply(m_saveDefault, edit);
    m_saveDefault->setEnabled(can && m_defaultEditor->isModified());
    m_caps.apply(m_removePartner, edit);
    m_removePartner->setEnabled(can && m_partner.has_value());
    m_caps.apply(m_savePartner, edit);
    m_savePartner->setEnabled(can && m_partner.has_value() && m_partnerEditor->isModified());
    m_caps.apply(m_editPolicy, edit);
    m_editPolicy->setEnabled(can && m_policyList->currentItem());
    m_caps.apply(m_removePolicy, edit);
    m_removePolicy->setEnabled(can && m_policyList->currentItem());
    m_export->setEnabled(bool(m_session));
    for (QCheckBox *c : m_clouds) {
        m_caps.apply(c, edit);
    }
    m_defaultEditor->setEditable(can, why);
    m_partnerEditor->setEditable(can && m_partner.has_value(), m_partner ? why : QString());
    m_partnerEditor->setEnabled(m_partner.has_value());
    m_status->setText(m_session && !can ? tr("Read-only: %1").arg(why) : QString());
    m_status->setVisible(!m_status->text().isEmpty());
}

void CrossTenantPane::fail(const core::Error &e) { emit errorOccurred(e); }

void CrossTenantPane::reload() {
    const quint64 generation = ++m_generation;
    if (!m_session || m_session->isUnbound()) {
        applyPermissions();
        return;
    }
    const core::ServiceContext ctx = m_session->context();
    executor()->call<core::Result<core::CrossTenantPolicyRecord>>(
        this, [ctx] { return core::CrossTenantService(ctx).policy(); },
        [this, generation](const core::Result<core::CrossTenantPolicyRecord> &r) {
            if (generation != m_generation) {
                return;
            }
            if (!r.ok()) {
                fail(r.error());
                return;
            }
            showPolicy(*r);
            if (m_partner) {
                selectPartner(m_partner->config.tenantId);
            }
            emit loaded();
        });
    m_partners->reload();
    loadPolicies();
}

void CrossTenantPane::showPolicy(const core::CrossTenantPolicyRecord &policy) {
    m_policy = policy;
    m_defaultEditor->setConfiguration(policy.defaultConfiguration, policy.defaultConfiguration);
    const QSignalBlocker b0(m_clouds[0]);
    const QSignalBlocker b1(m_clouds[1]);
    m_clouds[0]->setChecked(policy.enabledClouds.contains(core::Cloud::usgov));
    m_clouds[1]->setChecked(policy.enabledClouds.contains(core::Cloud::china));
    applyPermissions();
}

void CrossTenantPane::selectPartner(const QString &tenantId) {
    if (!m_session) {
        return;
    }
    const core::ServiceContext ctx = m_session->context();
    executor()->call<core::Result<core::PartnerRecord>>(
        this, [ctx, tenantId] { return core::CrossTenantService(ctx).partner(tenantId); },
        [this](const core::Result<core::PartnerRecord> &r) {
            if (!r.ok()) {
                clearPartner();
                fail(r.error());
                return;
            }
            showPartner(*r);
        });
}

void CrossTenantPane::showPartner(const core::PartnerRecord &partner) {
    m_partner = partner;
    m_partnerTitle->setText(tr("<b>%1</b> — tenant %2 — %3")
                                .arg(partner.config.name.toHtmlEscaped(), partner.config.tenantId,
                                     partner.config.domains.join(QStringLiteral(", ")).toHtmlEscaped()));
    m_partnerEditor->setConfiguration(partner.config, m_policy.defaultConfiguration);
    applyPermissions();
    emit partnerLoaded(partner.config.tenantId);
}

void CrossTenantPane::clearPartner() {
    m_partner.reset();
    m_partnerTitle->setText(tr("Select an organization to see its settings."));
    m_partnerEditor->setConfiguration(core::CrossTenantConfiguration(), m_policy.defaultConfiguration);
    applyPermissions();
}

void CrossTenantPane::editPartnerResult(const core::Result<core::PartnerRecord> &r) {
    if (!r.ok()) {
        fail(r.error());
        return;
    }
    showPartner(*r);
    m_partners->reload();
    emit saved();
}

void CrossTenantPane::openAddPartnerDialog() {
    QDialog dialog(this);
    dialog.setObjectName(QStringLiteral("ctAddPartnerDialog"));
    dialog.setWindowTitle(tr("Add Organization"));
    auto *form = new QFormLayout(&dialog);
    auto *tenant = named(new QLineEdit(&dialog), "ctNewTenantId");
    tenant->setPlaceholderText(tr("00000000-0000-0000-0000-000000000000"));
    auto *name = named(new QLineEdit(&dialog), "ctNewName");
    auto *domains = named(new QLineEdit(&dialog), "ctNewDomains");
    domains->setPlaceholderText(tr("contoso.com, contoso.net"));
    auto *cloud = named(new QComboBox(&dialog), "ctNewCloud");
    cloud->addItem(tr("Microsoft Azure Commercial"), int(core::Cloud::global));
    cloud->addItem(tr("Microsoft Azure Government"), int(core::Cloud::usgov));
    cloud->addItem(tr("Microsoft Azure China"), int(core::Cloud::china));
    auto *problems = named(new QLabel(&dialog), "ctNewProblems");
    problems->setStyleSheet(QStringLiteral("color: #b00020;"));
    problems->setWordWrap(true);
    form->addRow(tr("Tenant ID:"), tenant);
    form->addRow(tr("Name:"), name);
    form->addRow(tr("Domains:"), domains);
    form->addRow(tr("Cloud:"), cloud);
    form->addRow(problems);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Add"));
    form->addRow(buttons);
    core::CrossTenantConfiguration result;
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, [&] {
        const QString id = core::normalizeTenantId(tenant->text());
        result = core::CrossTenantConfiguration::partner(id.isEmpty() ? tenant->text() : id, name->text().trimmed(),
                                                         splitList(domains->text()),
                                                         core::Cloud(cloud->currentData().toInt()));
        const QList<core::ConfigProblem> p = core::validateConfiguration(result);
        if (!p.isEmpty()) {
            problems->setText(problemsText(p));
            return;
        }
        dialog.accept();
    });
    if (dialog.exec() == QDialog::Accepted) {
        addPartner(result);
    }
}

void CrossTenantPane::addPartner(const core::CrossTenantConfiguration &partner) {
    if (!m_session) {
        return;
    }
    const core::ServiceContext ctx = m_session->context();
    executor()->call<core::Result<core::PartnerRecord>>(
        this, [ctx, partner] { return core::CrossTenantService(ctx).addPartner(partner); },
        [this](const core::Result<core::PartnerRecord> &r) {
            if (!r.ok()) {
                fail(r.error());
                return;
            }
            m_tabs->setCurrentIndex(1);
            editPartnerResult(r);
        });
}

void CrossTenantPane::removeSelectedPartner() {
    if (!m_partner || !m_session) {
        return;
    }
    const core::PartnerRecord p = *m_partner;
    if (MessageBoxes::question(this, tr("Remove Organization"),
                               tr("Remove %1 from the partner organizations? Its users are then treated by the default "
                                  "settings.")
                                   .arg(p.config.name)) != QMessageBox::Yes) {
        return;
    }
    const core::ServiceContext ctx = m_session->context();
    executor()->call<core::Status>(
        this, [ctx, p] { return core::CrossTenantService(ctx).removePartner(p.config.tenantId, p.rowVersion); },
        [this](const core::Status &s) {
            if (!s.ok()) {
                fail(s.error());
                return;
            }
            clearPartner();
            m_partners->reload();
            emit saved();
        });
}

void CrossTenantPane::customize(core::CrossTenantProperty prop) {
    if (!m_partner || !m_session) {
        return;
    }
    const core::ServiceContext ctx = m_session->context();
    const QString tenant = m_partner->config.tenantId;
    const qint64 version = m_partner->rowVersion;
    executor()->call<core::Result<core::PartnerRecord>>(
        this, [ctx, tenant, prop, version] { return core::CrossTenantService(ctx).customizePartnerProperty(tenant, prop, version); },
        [this](const core::Result<core::PartnerRecord> &r) { editPartnerResult(r); });
}

void CrossTenantPane::backToDefault(core::CrossTenantProperty prop) {
    if (!m_partner || !m_session) {
        return;
    }
    if (MessageBoxes::question(this, tr("Back to Default"),
                               tr("Forget %1's own value of \"%2\" and inherit the default again?")
                                   .arg(m_partner->config.name, core::propertyLabel(prop))) != QMessageBox::Yes) {
        return;
    }
    const core::ServiceContext ctx = m_session->context();
    const QString tenant = m_partner->config.tenantId;
    const qint64 version = m_partner->rowVersion;
    executor()->call<core::Result<core::PartnerRecord>>(
        this, [ctx, tenant, prop, version] { return core::CrossTenantService(ctx).resetPartnerProperty(tenant, prop, version); },
        [this](const core::Result<core::PartnerRecord> &r) { editPartnerResult(r); });
}

void CrossTenantPane::savePartner() {
    if (!m_partner || !m_session || !m_partnerEditor->validate().isEmpty()) {
        return; // the problems are shown at their fields
    }
    const core::ServiceContext ctx = m_session->context();
    const core::CrossTenantConfiguration c = m_partnerEditor->configuration();
    const qint64 version = m_partner->rowVersion;
    executor()->call<core::Result<core::PartnerRecord>>(
        this, [ctx, c, version] { return core::CrossTenantService(ctx).updatePartner(c, version); },
        [this](const core::Result<core::PartnerRecord> &r) { editPartnerResult(r); });
}

void CrossTenantPane::saveDefault() {
    if (!m_session || !m_defaultEditor->validate().isEmpty()) {
        return;
    }
    const core::ServiceContext ctx = m_session->context();
    const core::CrossTenantConfiguration c = m_defaultEditor->configuration();
    const qint64 version = m_policy.rowVersion;
    executor()->call<core::Result<core::CrossTenantPolicyRecord>>(
        this, [ctx, c, version] { return core::CrossTenantService(ctx).updateDefault(c, version); },
        [this](const core::Result<core::CrossTenantPolicyRecord> &r) {
            if (!r.ok()) {
                fail(r.error());
                return;
            }
            showPolicy(*r);
            if (m_partner) {
                selectPartner(m_partner->config.tenantId); // inherited values changed
            }
            emit saved();
        });
}

void CrossTenantPane::saveClouds() {
    if (!m_session) {
        return;
    }
    QList<core::Cloud> clouds;
    if (m_clouds[0]->isChecked()) {
        clouds << core::Cloud::usgov;
    }
    if (m_clouds[1]->isChecked()) {
        clouds << core::Cloud::china;
    }
    const core::ServiceContext ctx = m_session->context();
    const qint64 version = m_policy.rowVersion;
    executor()->call<core::Result<core::CrossTenantPolicyRecord>>(
        this, [ctx, clouds, version] { return core::CrossTenantService(ctx).setEnabledClouds(clouds, version); },
        [this](const core::Result<core::CrossTenantPolicyRecord> &r) {
            if (!r.ok()) {
                fail(r.error());
                return;
            }
            showPolicy(*r);
            emit saved();
        });
}

void CrossTenantPane::importFile(const QString &fileName) {
    if (!m_session) {
        return;
    }
    QFile f(fileName);
    if (!f.open(QIODevice::ReadOnly)) {
        MessageBoxes::warning(this, tr("Import Cross-Tenant Access Settings"),
                              tr("%1 cannot be read: %2").arg(fileName, f.errorString()));
        emit importFinished(false);
        return;
    }
    const QByteArray bytes = f.readAll();
    const core::ServiceContext ctx = m_session->context();
    // A dry run first: every problem with its JSON path, and what would change, before anything is written.
    executor()->call<core::Result<core::CrossTenantImportReport>>(
        this, [ctx, bytes] { return core::CrossTenantService(ctx).importJson(bytes, true); },
        [this, ctx, bytes](const core::Result<core::CrossTenantImportReport> &dry) {
            if (!dry.ok()) {
                fail(dry.error());
                emit importFinished(false);
                return;
            }
            if (!dry->problems.isEmpty()) {
                MessageBoxes::warning(this, tr("Import Cross-Tenant Access Settings"),
                                      tr("The file was not imported; nothing was changed. Problems:\n%1")
                                          .arg(problemsText(dry->problems)));
                emit importFinished(false);
                return;
            }
            QString summary = tr("Default settings: %1\nOrganizations added: %2, replaced: %3, unchanged: %4")
                                  .arg(dry->defaultChanged ? tr("replaced") : tr("unchanged"))
                                  .arg(dry->added.size())
                                  .arg(dry->updated.size())
                                  .arg(dry->unchanged.size());
            if (!dry->warnings.isEmpty()) {
                summary += QStringLiteral("\n\n") + tr("Skipped (not modelled by Atrium):\n%1").arg(problemsText(dry->warnings));
            }
            if (MessageBoxes::question(this, tr("Import Cross-Tenant Access Settings"),
                                       summary + QStringLiteral("\n\n") + tr("Import these settings?")) != QMessageBox::Yes) {
                emit importFinished(false);
                return;
            }
            executor()->call<core::Result<core::CrossTenantImportReport>>(
                this, [ctx, bytes] { return core::CrossTenantService(ctx).importJson(bytes, false); },
                [this](const core::Result<core::CrossTenantImportReport> &r) {
                    if (!r.ok()) {
                        fail(r.error());
                        emit importFinished(false);
                        return;
                    }
                    if (!r->applied) {
                        MessageBoxes::warning(this, tr("Import Cross-Tenant Access Settings"),
                                              tr("The file was not imported; nothing was changed. Problems:\n%1")
                                                  .arg(problemsText(r->problems)));
                    }
                    reload();
                    emit importFinished(r->applied);
                });
        });
}

void CrossTenantPane::exportFile(const QString &fileName) {
    if (!m_session) {
        return;
    }
    const core::ServiceContext ctx = m_session->context();
    executor()->call<core::Result<QJsonObject>>(
        this, [ctx] { return core::CrossTenantService(ctx).exportJson(); },
        [this, fileName](const core::Result<QJsonObject> &r) {
            if (!r.ok()) {
                fail(r.error());
                return;
            }
            QSaveFile f(fileName);
            if (!f.open(QIODevice::WriteOnly) || f.write(QJsonDocument(*r).toJson()) < 0 || !f.commit()) {
                MessageBoxes::warning(this, tr("Export Cross-Tenant Access Settings"),
                                      tr("%1 cannot be written: %2").arg(fileName, f.errorString()));
            }
        });
}

void CrossTenantPane::loadPolicies() {
    const core::ServiceContext ctx = m_session->context();
    executor()->call<core::Result<QList<core::ConditionalAccessPolicy>>>(
        this, [ctx] { return core::CrossTenantService(ctx).conditionalAccessPolicies(); },
        [this](const core::Result<QList<core::ConditionalAccessPolicy>> &r) {
            if (!r.ok()) {
                fail(r.error());
                return;
            }
            m_policies = *r;
            m_policyList->clear();
            for (const core::ConditionalAccessPolicy &p : std::as_const(m_policies)) {
                QStringList types;
                for (core::ExternalUserType t : core::allExternalUserTypes()) {
                    if (p.guestOrExternalUserTypes & core::userTypeBit(t)) {
                        types << core::toString(t);
                    }
                }
                if (!p.includeUsers.isEmpty()) {
                    types << tr("%n specific user(s)", nullptr, int(p.includeUsers.size()));
                }
                const QString tenants = p.allExternalTenants ? tr("all organizations")
                                                             : tr("%n organization(s)", nullptr, int(p.externalTenants.size()));
                auto *item = new QTreeWidgetItem(m_policyList,
                                                 {p.displayName, stateText(p.state),
                                                  types.join(QStringLiteral(", ")) + QStringLiteral(" — ") + tenants,
                                                  p.allApplications ? tr("All applications") : p.applications.join(QStringLiteral(", ")),
                                                  grantText(p)});
                item->setData(0, Qt::UserRole, p.id);
            }
            applyPermissions();
        });
}

void CrossTenantPane::editPolicy(int row) {
    if (!m_session || row >= m_policies.size()) {
        return;
    }
    const bool isNew = row < 0;
    core::ConditionalAccessPolicy policy = isNew ? core::ConditionalAccessPolicy() : m_policies.at(row);
    if (isNew) {
        policy.displayName = tr("Guests: require multifactor authentication");
        policy.guestOrExternalUserTypes = core::userTypeBit(core::ExternalUserType::b2bCollaborationGuest);
        policy.allApplications = true;
        policy.grant = core::cagrant::Mfa;
        policy.state = core::ConditionalAccessState::reportOnly;
    }
    QDialog dialog(this);
    dialog.setObjectName(QStringLiteral("ctPolicyDialog"));
    dialog.setWindowTitle(isNew ? tr("New Conditional Access Policy") : tr("Edit Conditional Access Policy"));
    auto *form = new QFormLayout(&dialog);
    auto *name = named(new QLineEdit(policy.displayName, &dialog), "ctPolicyName");
    form->addRow(tr("Name:"), name);
    auto *state = named(new QComboBox(&dialog), "ctPolicyState");
    state->addItem(stateText(core::ConditionalAccessState::enabled), int(core::ConditionalAccessState::enabled));
    state->addItem(stateText(core::ConditionalAccessState::reportOnly), int(core::ConditionalAccessState::reportOnly));
    state->addItem(stateText(core::ConditionalAccessState::disabled), int(core::ConditionalAccessState::disabled));
    state->setCurrentIndex(state->findData(int(policy.state)));
    form->addRow(tr("State:"), state);
    auto *typesBox = new QWidget(&dialog);
    auto *typesLayout = new QVBoxLayout(typesBox);
    typesLayout->setContentsMargins(0, 0, 0, 0);
    QList<QPair<core::ExternalUserType, QCheckBox *>> types;
    for (core::ExternalUserType t : core::allExternalUserTypes()) {
        auto *c = new QCheckBox(core::toString(t), typesBox);
        c->setObjectName(QStringLiteral("ctPolicyType.") + core::toString(t));
        c->setChecked(policy.guestOrExternalUserTypes & core::userTypeBit(t));
        typesLayout->addWidget(c);
        types << qMakePair(t, c);
    }
    form->addRow(tr("Guest or external user types:"), typesBox);
    auto *tenants = named(new QLineEdit(policy.externalTenants.join(QStringLiteral(", ")), &dialog), "ctPolicyTenants");
    tenants->setPlaceholderText(tr("Empty: all external organizations; or tenant ids"));
    form->addRow(tr("External organizations:"), tenants);
    auto *users = named(new QLineEdit(policy.includeUsers.join(QStringLiteral(", ")), &dialog), "ctPolicyUsers");
    users->setPlaceholderText(tr("Specific user ids (optional)"));
    form->addRow(tr("Specific users:"), users);
    auto *apps = named(new QLineEdit(policy.allApplications ? QString() : policy.applications.join(QStringLiteral(", ")), &dialog),
                       "ctPolicyApps");
    apps->setPlaceholderText(tr("Empty: all applications; or application ids"));
    form->addRow(tr("Applications:"), apps);
    auto *block = named(new QRadioButton(tr("Block access"), &dialog), "ctPolicyBlock");
    auto *grantAccess = named(new QRadioButton(tr("Grant access, requiring:"), &dialog), "ctPolicyGrant");
    auto *mfa = named(new QCheckBox(tr("Multifactor authentication"), &dialog), "ctPolicyMfa");
    auto *tou = named(new QCheckBox(tr("Terms of use"), &dialog), "ctPolicyTermsOfUse");
    auto *touIds = named(new QLineEdit(policy.termsOfUse.join(QStringLiteral(", ")), &dialog), "ctPolicyTermsOfUseIds");
    touIds->setPlaceholderText(tr("Terms of use ids"));
    block->setChecked(policy.grant & core::cagrant::Block);
    grantAccess->setChecked(!(policy.grant & core::cagrant::Block));
    mfa->setChecked(policy.grant & core::cagrant::Mfa);
    tou->setChecked(policy.grant & core::cagrant::TermsOfUse);
    form->addRow(tr("Grant:"), block);
    form->addRow(QString(), grantAccess);
    form->addRow(QString(), mfa);
    form->addRow(QString(), tou);
    form->addRow(QString(), touIds);
    const auto syncGrant = [=] {
        mfa->setEnabled(grantAccess->isChecked());
        tou->setEnabled(grantAccess->isChecked());
        touIds->setEnabled(grantAccess->isChecked() && tou->isChecked());
    };
    connect(grantAccess, &QRadioButton::toggled, &dialog, syncGrant);
    connect(tou, &QCheckBox::toggled, &dialog, syncGrant);
    syncGrant();
    auto *problems = named(new QLabel(&dialog), "ctPolicyProblems");
    problems->setStyleSheet(QStringLiteral("color: #b00020;"));
    problems->setWordWrap(true);
    form->addRow(problems);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, &dialog);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, [&] {
        policy.displayName = name->text().trimmed();
        policy.state = core::ConditionalAccessState(state->currentData().toInt());
        policy.guestOrExternalUserTypes = 0;
        for (const auto &[t, c] : std::as_const(types)) {
            if (c->isChecked()) {
                policy.guestOrExternalUserTypes |= core::userTypeBit(t);
            }
        }
        policy.externalTenants = splitList(tenants->text());
        policy.allExternalTenants = policy.externalTenants.isEmpty();
        policy.includeUsers = splitList(users->text());
        policy.applications = splitList(apps->text());
        policy.allApplications = policy.applications.isEmpty();
        policy.grant = block->isChecked() ? core::cagrant::Block
                                          : ((mfa->isChecked() ? core::cagrant::Mfa : 0u) |
                                             (tou->isChecked() ? core::cagrant::TermsOfUse : 0u));
        policy.termsOfUse = tou->isChecked() && !block->isChecked() ? splitList(touIds->text()) : QStringList();
        const QList<core::ConfigProblem> p = policy.validate();
        if (!p.isEmpty()) {
            problems->setText(problemsText(p));
            return;
        }
        dialog.accept();
    });
    if (dialog.exec() != QDialog::Accepted) {
        return;
    }
    const core::ServiceContext ctx = m_session->context();
    executor()->call<core::Result<core::ConditionalAccessPolicy>>(
        this,
        [ctx, policy, isNew] {
            core::CrossTenantService svc(ctx);
            return isNew ? svc.addConditionalAccessPolicy(policy) : svc.updateConditionalAccessPolicy(policy, policy.rowVersion);
        },
        [this](const core::Result<core::ConditionalAccessPolicy> &r) {
            if (!r.ok()) {
                fail(r.error());
                return;
            }
            loadPolicies();
            emit saved();
        });
}

void CrossTenantPane::removePolicy() {
    QTreeWidgetItem *item = m_policyList->currentItem();
    if (!item || !m_session) {
        return;
    }
    const core::ConditionalAccessPolicy p = m_policies.value(m_policyList->indexOfTopLevelItem(item));
    if (MessageBoxes::question(this, tr("Delete Conditional Access Policy"),
                               tr("Delete the policy \"%1\"?").arg(p.displayName)) != QMessageBox::Yes) {
        return;
    }
    const core::ServiceContext ctx = m_session->context();
    executor()->call<core::Status>(
        this, [ctx, p] { return core::CrossTenantService(ctx).removeConditionalAccessPolicy(p.id, p.rowVersion); },
        [this](const core::Status &s) {
            if (!s.ok()) {
                fail(s.error());
                return;
            }
            loadPolicies();
            emit saved();
        });
}

} // namespace atrium::ui
