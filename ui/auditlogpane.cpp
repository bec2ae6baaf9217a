#include "ui/auditlogpane.h"

#include "core/audit/auditexport.h"
#include "core/services/settingsservice.h"
#include "core/text/csvwriter.h"
#include "models/auditlogmodel.h"
#include "models/dbexecutor.h"
#include "ui/messageboxes.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFontMetrics>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSaveFile>
#include <QShortcut>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>

namespace atrium::ui {
namespace {
template <typename W> W *named(W *w, const char *objectName, const QString &accessible) {
    w->setObjectName(QString::fromLatin1(objectName));
    w->setAccessibleName(accessible);
    return w;
}

struct ExportResult {
    core::Result<int> rows = 0;
};
} // namespace

AuditLogPane::AuditLogPane(models::DbExecutor *executor, QWidget *parent)
    : Pane(executor, parent), m_model(new models::AuditLogModel(executor, this)) {
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_tabs = named(new QTabWidget(this), "auditTabs", tr("Audit"));
    layout->addWidget(m_tabs);

    // --- Audit log tab
    auto *logTab = new QWidget(m_tabs);
    auto *logLayout = new QVBoxLayout(logTab);
    auto *filters = new QHBoxLayout;
    m_actor = named(new QLineEdit(logTab), "auditActorFilter", tr("Initiated by"));
    m_actor->setPlaceholderText(tr("Initiated by (UPN)"));
    m_activity = named(new QComboBox(logTab), "auditActivityFilter", tr("Activity"));
    m_activity->setEditable(true);
    m_activity->addItem(QString());
    for (const QString &a : {core::activity::InviteExternalUser, core::activity::RedeemInvite,
                             core::activity::InviteWithReset, core::activity::DeleteExternalUser,
                             core::activity::EmailNotSentUnsubscribed, core::activity::BatchUploaded,
                             core::activity::BatchProcessed, core::activity::AddRoleMember,
                             core::activity::RemoveRoleMember, core::activity::UpdateSetting, core::activity::AddUser,
                             core::activity::UpdateUser}) {
        m_activity->addItem(a);
    }
    m_activity->lineEdit()->setPlaceholderText(tr("Any activity"));
    // Sized for a short activity, not the longest (the list shows whole names): the text filters
    // beside it keep room for their placeholders.
    m_activity->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_activity->setMinimumContentsLength(16);
    m_category = named(new QComboBox(logTab), "auditCategoryFilter", tr("Category"));
    m_category->addItem(tr("Any category"), QString());
    for (const QString &c : {core::category::UserManagement, core::category::Invitations, core::category::RoleManagement,
                             core::category::GroupManagement, core::category::ApplicationManagement,
                             core::category::DirectoryManagement, core::category::Policy,
                             core::category::CrossTenantAccessSettings}) {
        m_category->addItem(c, c);
    }
    m_target = named(new QLineEdit(logTab), "auditTargetFilter", tr("Target"));
    m_target->setPlaceholderText(tr("Target (id or name)"));
    m_result = named(new QComboBox(logTab), "auditResultFilter", tr("Result"));
    m_result->addItem(tr("Any result"), QString());
    m_result->addItem(tr("Success"), QStringLiteral("success"));
    m_result->addItem(tr("Failure"), QStringLiteral("failure"));
    m_result->addItem(tr("Denied"), QStringLiteral("denied"));
    m_range = named(new QComboBox(logTab), "auditRangeFilter", tr("Time range"));
    m_range->addItem(tr("Whole retention"), 0);
    m_range->addItem(tr("Last hour"), 1);
    m_range->addItem(tr("Last 24 hours"), 24);
    m_range->addItem(tr("Last 7 days"), 24 * 7);
    m_correlation = named(new QLineEdit(logTab), "auditCorrelationFilter", tr("Correlation id"));
    m_correlation->setPlaceholderText(tr("Correlation id"));
    m_search = named(new QLineEdit(logTab), "auditSearch", tr("Search"));
    m_search->setPlaceholderText(tr("Search words (Ctrl+F)"));
    m_search->setToolTip(tr("Rows where every word you type starts a word of the activity, actor, target or reason "
                            "(case and accents do not matter)."));
    m_search->setClearButtonEnabled(true);
    for (QWidget *w : std::initializer_list<QWidget *>{m_actor, m_activity, m_category, m_target, m_result, m_range,
                                                       m_correlation}) {
        filters->addWidget(w);
    }
    logLayout->addLayout(filters);

    auto *actions = new QHBoxLayout;
    m_wholeJob = named(new QPushButton(tr("Show the Whole Job"), logTab), "auditWholeJobButton",
                       tr("Show the whole job"));
    m_wholeJob->setToolTip(tr("Show every row with the selected row's correlation id."));
    m_wholeJob->setEnabled(false);
    m_exportCsv = named(new QPushButton(tr("Export CSV…"), logTab), "auditExportCsvButton", tr("Export CSV"));
    m_exportJson = named(new QPushButton(tr("Export JSON…"), logTab), "auditExportJsonButton", tr("Export JSON"));
    auto *retentionLabel = new QLabel(tr("Show the last"), logTab);
    m_retention = named(new QSpinBox(logTab), "auditRetentionSpin", tr("Days of audit history shown"));
    m_retention->setRange(1, 36500);
    m_retention->setValue(30);
    m_retention->setSuffix(tr(" days"));
    retentionLabel->setBuddy(m_retention);
    m_saveRetention = named(new QPushButton(tr("Save as Default"), logTab), "auditSaveRetentionButton",
                            tr("Save the retention as the directory's default"));
    m_status = new QLabel(logTab);
    m_status->setObjectName(QStringLiteral("auditStatus"));
    // The search leads the second row and takes its spare width: on the first row, beside seven
    // filters, it shrank to a few letters in a window of ordinary width.
    m_search->setMinimumWidth(m_search->fontMetrics().horizontalAdvance(m_search->placeholderText()) + 40);
    actions->addWidget(m_search, 2);
    actions->addWidget(m_wholeJob);
    actions->addWidget(m_exportCsv);
    actions->addWidget(m_exportJson);
    actions->addStretch(1);
    actions->addWidget(m_status);
    actions->addWidget(retentionLabel);
    actions->addWidget(m_retention);
    actions->addWidget(m_saveRetention);
    logLayout->addLayout(actions);
    // Ctrl+F, from either tab, goes to the search.
    auto *find = new QShortcut(QKeySequence::Find, this);
    find->setContext(Qt::WidgetWithChildrenShortcut);
    connect(find, &QShortcut::activated, this, [this] {
        m_tabs->setCurrentIndex(0);
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });

    auto *split = new QSplitter(Qt::Vertical, logTab);
    m_table = named(new QTableView(split), "auditTable", tr("Audit log"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);
    // Fixed starting widths from the font (ResizeToContents would measure every fetched row): the
    // activity, category and actor are what operators scan, so they must not be elided.
    {
        const QFontMetrics fm = m_table->fontMetrics();
        const int pad = 24;
        const QString sampleDate = QLocale().toString(QDateTime(QDate(2026, 12, 28), QTime(23, 59)), QLocale::ShortFormat);
        m_table->setColumnWidth(models::AuditLogModel::TimeColumn, fm.horizontalAdvance(sampleDate) + pad);
        m_table->setColumnWidth(models::AuditLogModel::ActivityColumn,
                                fm.horizontalAdvance(QStringLiteral("Update external collaboration settings")) + pad);
        m_table->setColumnWidth(models::AuditLogModel::CategoryColumn,
                                fm.horizontalAdvance(QStringLiteral("ApplicationManagement")) + pad);
        m_table->setColumnWidth(models::AuditLogModel::ResultColumn, fm.horizontalAdvance(QStringLiteral("Failure")) + pad);
        m_table->setColumnWidth(models::AuditLogModel::ActorColumn,
                                fm.horizontalAdvance(QStringLiteral("megan.bowen@fabrikam.example")) + pad);
    }
    m_details = named(new QTextBrowser(split), "auditDetails", tr("Audit record details"));
    m_details->setPlaceholderText(tr("Select a row to see who did what, and the values before and after."));
    split->addWidget(m_table);
    split->addWidget(m_details);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    logLayout->addWidget(split, 1);
    m_tabs->addTab(logTab, tr("Audit log"));

    // --- Inactive guests tab: the report (SPEC §12) with export and the guest pane's bulk actions
    // that fit it (block and delete inactive guests; resend or delete invitations never redeemed).
    auto *reportTab = new QWidget(m_tabs);
    auto *reportLayout = new QVBoxLayout(reportTab);
    auto *reportBar = new QHBoxLayout;
    auto *daysLabel = new QLabel(tr("No sign-in for at least"), reportTab);
    m_inactiveDays = named(new QSpinBox(reportTab), "inactiveDaysSpin", tr("Days without sign-in"));
    m_inactiveDays->setRange(1, 3650);
    m_inactiveDays->setValue(90);
    m_inactiveDays->setSuffix(tr(" days"));
    daysLabel->setBuddy(m_inactiveDays);
    m_refreshReport = named(new QPushButton(tr("Refresh"), reportTab), "inactiveRefreshButton", tr("Refresh report"));
    m_exportReport = named(new QPushButton(tr("Export CSV…"), reportTab), "inactiveExportButton",
                           tr("Export the inactive guests report"));
    m_reportStatus = named(new QLabel(reportTab), "inactiveReportStatus", tr("Report status"));
    reportBar->addWidget(daysLabel);
    reportBar->addWidget(m_inactiveDays);
    reportBar->addWidget(m_refreshReport);
    reportBar->addWidget(m_reportStatus, 1);
    reportBar->addWidget(m_exportReport);
    reportLayout->addLayout(reportBar);
    const auto reportTable = [reportTab](const char *objectName, const QString &accessible,
                                         const QStringList &headers) {
        auto *t = named(new QTableWidget(0, int(headers.size()), reportTab), objectName, accessible);
        t->setHorizontalHeaderLabels(headers);
        t->setEditTriggers(QAbstractItemView::NoEditTriggers);
        t->setSelectionBehavior(QAbstractItemView::SelectRows);
        t->setSelectionMode(QAbstractItemView::ExtendedSelection);
        t->horizontalHeader()->setStretchLastSection(true);
        t->verticalHeader()->hide();
        return t;
    };
    const auto reportButton = [reportTab](const QString &text, const char *objectName, const QString &accessible) {
        return named(new QPushButton(text, reportTab), objectName, accessible);
    };
    auto *inactiveBar = new QHBoxLayout;
    inactiveBar->addWidget(
        new QLabel(tr("Guests without sign-in (counted from creation when never signed in)"), reportTab), 1);
    m_blockInactive =
        reportButton(tr("Block Sign-in"), "inactiveBlockButton", tr("Block sign-in of the selected guests"));
    m_deleteInactive = reportButton(tr("Delete…"), "inactiveDeleteButton", tr("Delete the selected guests"));
    inactiveBar->addWidget(m_blockInactive);
    inactiveBar->addWidget(m_deleteInactive);
    reportLayout->addLayout(inactiveBar);
    m_inactiveTable =
        reportTable("inactiveGuestsTable", tr("Inactive guests"),
                    {tr("Name"), tr("User principal name"), tr("Last sign-in"), tr("Days inactive"), tr("Sign-in")});
    reportLayout->addWidget(m_inactiveTable, 2);
    auto *invitationBar = new QHBoxLayout;
    invitationBar->addWidget(new QLabel(tr("Invitations never redeemed, oldest first"), reportTab), 1);
    m_resendInvitation =
        reportButton(tr("Resend Invitation"), "unredeemedResendButton", tr("Resend the selected invitations"));
    m_deleteInvitation =
        reportButton(tr("Delete…"), "unredeemedDeleteButton", tr("Delete the guests of the selected invitations"));
    invitationBar->addWidget(m_resendInvitation);
    invitationBar->addWidget(m_deleteInvitation);
    reportLayout->addLayout(invitationBar);
    m_invitationTable = reportTable("unredeemedInvitationsTable", tr("Invitations never redeemed"),
                                    {tr("Name"), tr("Invited email"), tr("Invited by"), tr("Age (days)")});
    reportLayout->addWidget(m_invitationTable, 1);
    m_reportTabIndex = m_tabs->addTab(reportTab, tr("Inactive guests"));

    // Filters apply shortly after typing stops, so a fast typist sends one query, not ten.
    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(250);
    connect(m_debounce, &QTimer::timeout, this, &AuditLogPane::applyFilters);
    for (QLineEdit *e : {m_actor, m_target, m_correlation, m_search, m_activity->lineEdit()}) {
        connect(e, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    }
    for (QComboBox *c : {m_category, m_result, m_range}) {
        connect(c, &QComboBox::currentIndexChanged, this, &AuditLogPane::applyFilters);
    }
    connect(m_retention, &QSpinBox::valueChanged, m_model, &models::AuditLogModel::setRetentionDays);
    connect(m_saveRetention, &QPushButton::clicked, this, &AuditLogPane::saveRetention);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &AuditLogPane::showDetails);
    connect(m_model, &QAbstractItemModel::modelReset, this, &AuditLogPane::showDetails);
    connect(m_wholeJob, &QPushButton::clicked, this, &AuditLogPane::showWholeJob);
    connect(m_model, &models::AuditLogModel::errorOccurred, this, &Pane::errorOccurred);
    connect(m_model, &models::AuditLogModel::loadingChanged, this, [this](bool loading) {
        m_status->setText(loading ? tr("Loading…")
                                  : (m_model->rowCount() == 0 ? tr("No audit rows match.") : QString()));
    });
    const auto askExport = [this](bool json) {
        const QString path = MessageBoxes::saveFileName(this, json ? tr("Export Audit Log as JSON") : tr("Export Audit Log as CSV"),
                                                        json ? tr("audit.json") : tr("audit.csv"),
                                                        json ? tr("JSON files (*.json)") : tr("CSV files (*.csv)"));
        if (!path.isEmpty()) {
            exportTo(path, json);
        }
    };
    connect(m_exportCsv, &QPushButton::clicked, this, [askExport] { askExport(false); });
    connect(m_exportJson, &QPushButton::clicked, this, [askExport] { askExport(true); });
    connect(m_refreshReport, &QPushButton::clicked, this, &AuditLogPane::loadReport);
    // The report loads when its tab is shown, and again shortly after the days change.
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (index == m_reportTabIndex && !m_reportLoaded) {
            loadReport();
        }
    });
    m_reportDebounce = new QTimer(this);
    m_reportDebounce->setSingleShot(true);
    m_reportDebounce->setInterval(400);
    connect(m_reportDebounce, &QTimer::timeout, this, &AuditLogPane::loadReport);
    connect(m_inactiveDays, &QSpinBox::valueChanged, this, [this] {
        if (m_tabs->currentIndex() == m_reportTabIndex) {
            m_reportDebounce->start();
        } else {
            m_reportLoaded = false;
        }
    });
    for (QTableWidget *t : {m_inactiveTable, m_invitationTable}) {
        connect(t->selectionModel(), &QItemSelectionModel::selectionChanged, this, &AuditLogPane::updateReportActions);
    }
    connect(m_blockInactive, &QPushButton::clicked, this,
            [this] { runReportAction(tr("Block sign-in"), m_inactiveTable, GuestActions::setSignInBlocked(true)); });
    connect(m_resendInvitation, &QPushButton::clicked, this,
            [this] { runReportAction(tr("Resend invitation"), m_invitationTable, GuestActions::resend()); });
    const auto askDelete = [this](QTableWidget *table) {
        if (GuestActions::confirmDelete(this, selectedTargets(table))) {
            runReportAction(tr("Delete"), table, GuestActions::deleteGuest());
        }
    };
    connect(m_deleteInactive, &QPushButton::clicked, this, [askDelete, this] { askDelete(m_inactiveTable); });
    connect(m_deleteInvitation, &QPushButton::clicked, this, [askDelete, this] { askDelete(m_invitationTable); });
    connect(m_exportReport, &QPushButton::clicked, this, [this] {
        const QString path = MessageBoxes::saveFileName(this, tr("Export Inactive Guests"), tr("inactive-guests.csv"),
                                                        tr("CSV files (*.csv)"));
        if (!path.isEmpty()) {
            exportInactiveGuests(path);
        }
    });
    setCapabilities({});
}

AuditLogPane::~AuditLogPane() = default;

void AuditLogPane::setSession(models::SessionPtr session) {
    m_session = std::move(session);
    m_inactiveTable->setRowCount(0);
    m_invitationTable->setRowCount(0);
    m_inactive.clear();
    m_pending.clear();
    m_reportLoaded = false;
    m_reportStatus->clear();
    m_model->setSession(m_session && m_caps.can(core::Permission::ReadAudit) ? m_session : nullptr);
    loadSettings();
    if (m_tabs->currentIndex() == m_reportTabIndex) {
        loadReport();
    }
    updateReportActions();
}

void AuditLogPane::setCapabilities(const Capabilities &caps) {
    const bool couldRead = m_caps.can(core::Permission::ReadAudit);
    m_caps = caps;
    for (QWidget *w : std::initializer_list<QWidget *>{m_table, m_exportCsv, m_exportJson, m_actor, m_activity,
                                                       m_category, m_target, m_result, m_range, m_correlation,
                                                       m_search, m_retention}) {
        caps.apply(w, core::Permission::ReadAudit);
    }
    caps.apply(m_saveRetention, core::Permission::EditCollaborationSettings);
    for (QWidget *w : std::initializer_list<QWidget *>{m_refreshReport, m_exportReport, m_inactiveDays}) {
        caps.apply(w, core::Permission::ReadDirectory);
    }
    updateReportActions();
    // The refusal replaces the hint only while it applies: the pane starts without capabilities, and
    // the hint must come back once the real operator's (or an end of preview's) arrive.
    m_details->setPlaceholderText(caps.can(core::Permission::ReadAudit)
                                      ? tr("Select a row to see who did what, and the values before and after.")
                                      : caps.deniedReason(core::Permission::ReadAudit));
    if (couldRead != caps.can(core::Permission::ReadAudit)) {
        m_model->setSession(m_session && caps.can(core::Permission::ReadAudit) ? m_session : nullptr);
    }
}

void AuditLogPane::reload() {
    m_model->reload();
    loadSettings();
    if (m_tabs->currentIndex() == m_reportTabIndex) {
        loadReport();
    } else {
        m_reportLoaded = false;
    }
}

void AuditLogPane::updateReportActions() {
    const struct {
        QPushButton *button;
        core::Permission permission;
        QTableWidget *table;
    } actions[] = {{m_blockInactive, core::Permission::BlockSignIn, m_inactiveTable},
                   {m_deleteInactive, core::Permission::ManageGuests, m_inactiveTable},
                   {m_resendInvitation, core::Permission::ResendInvitation, m_invitationTable},
                   {m_deleteInvitation, core::Permission::ManageGuests, m_invitationTable}};
    for (const auto &a : actions) {
        m_caps.apply(a.button, a.permission);
        if (!m_caps.can(a.permission)) {
            continue; // disabled, the tooltip names the role
        }
        const bool ready = m_session && !m_reportBusy && a.table->selectionModel()->hasSelection();
        a.button->setEnabled(ready);
        a.button->setToolTip(ready ? QString() : tr("Select guests first."));
    }
}

QList<GuestActions::Target> AuditLogPane::selectedTargets(QTableWidget *table) const {
    QList<GuestActions::Target> targets;
    const QModelIndexList rows = table->selectionModel()->selectedRows();
    for (const QModelIndex &i : rows) {
        const QTableWidgetItem *item = table->item(i.row(), 0);
        if (item) {
            targets.append({item->data(Qt::UserRole).toString(), item->text()});
        }
    }
    return targets;
}

void AuditLogPane::runReportAction(const QString &action, QTableWidget *table, GuestActions::Action fn) {
    const QList<GuestActions::Target> targets = selectedTargets(table);
    if (!m_session || targets.isEmpty()) {
        return;
    }
    m_reportBusy = true;
    updateReportActions();
    m_reportStatus->setText(tr("%1: %n guest(s)…", nullptr, int(targets.size())).arg(action));
    GuestActions::run(executor(), this, m_session, action, targets, std::move(fn),
                      [this, action](const std::optional<core::Error> &error, int succeeded, int failed) {
                          m_reportBusy = false;
                          if (error) {
                              emit errorOccurred(*error);
                          }
                          emit reportActionFinished(action, succeeded, failed);
                          loadReport();
                      });
}

void AuditLogPane::loadSettings() {
    if (!m_session || m_session->isUnbound()) {
        return;
    }
    const core::ServiceContext ctx = m_session->context();
    executor()->call<std::pair<core::Result<core::Setting>, core::Result<core::Setting>>>(
        this,
        [ctx] {
            core::SettingsService s(ctx);
            return std::pair{s.get(core::settingkey::AuditViewRetentionDays), s.get(core::settingkey::InactiveGuestDays)};
        },
        [this](const std::pair<core::Result<core::Setting>, core::Result<core::Setting>> &r) {
            if (r.first.ok()) {
                m_retentionRowVersion = r.first->isDefault ? -1 : r.first->rowVersion;
                const QSignalBlocker block(m_retention);
                m_retention->setValue(r.first->value.toInt());
                m_model->setRetentionDays(r.first->value.toInt());
            }
            if (r.second.ok()) {
                m_inactiveDays->setValue(r.second->value.toInt());
            }
        });
}

void AuditLogPane::applyFilters() {
    core::AuditFilter f;
    f.actor = m_actor->text().trimmed();
    f.activity = m_activity->currentText().trimmed();
    f.category = m_category->currentData().toString();
    f.target = m_target->text().trimmed();
    f.result = m_result->currentData().toString();
    f.correlationId = m_correlation->text().trimmed();
    f.search = m_search->text().trimmed();
    const int hours = m_range->currentData().toInt();
    if (hours > 0 && m_session) {
        f.fromMs = m_session->clock->nowMs() - qint64(hours) * 3600 * 1000;
    }
    m_model->setFilter(f);
}

void AuditLogPane::showWholeJob() {
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid()) {
        return;
    }
    const QString id = current.data(models::AuditLogModel::CorrelationIdRole).toString();
    m_debounce->stop();
    const QSignalBlocker block(m_correlation);
    m_correlation->setText(id);
    applyFilters();
}

void AuditLogPane::showDetails() {
    const QModelIndex current = m_table->currentIndex();
    m_wholeJob->setEnabled(current.isValid());
    if (!current.isValid()) {
        m_details->clear();
        return;
    }
    const core::AuditRecord &r = m_model->record(current.row());
    QString html = QStringLiteral("<h3>%1</h3><table>").arg(r.entry.activity.toHtmlEscaped());
    const auto row = [&html](const QString &label, const QString &value) {
        html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(label.toHtmlEscaped(), value.toHtmlEscaped());
    };
    row(tr("Date"), QLocale().toString(core::fromMs(r.atMs).toLocalTime(), QLocale::LongFormat));
    row(tr("Category"), r.entry.category);
    row(tr("Result"), r.entry.result);
    if (!r.entry.reason.isEmpty()) {
        row(tr("Reason"), r.entry.reason);
    }
    row(tr("Initiated by"), r.actorName);
    row(tr("Target"), tr("%1 %2 (%3)").arg(r.entry.targetType, r.entry.targetName, r.entry.targetId));
    row(tr("Correlation id"), r.entry.correlationId);
    html += QStringLiteral("</table>");
    const QList<models::AuditDiffLine> lines = models::AuditLogModel::diff(r.entry.before, r.entry.after);
    if (!lines.isEmpty()) {
        html += QStringLiteral("<h4>%1</h4><table border=\"1\" cellpadding=\"3\"><tr><th>%2</th><th>%3</th><th>%4</th></tr>")
                    .arg(tr("Changes").toHtmlEscaped(), tr("Property").toHtmlEscaped(), tr("Before").toHtmlEscaped(),
                         tr("After").toHtmlEscaped());
        for (const models::AuditDiffLine &l : lines) {
            const QString style = l.changed ? QStringLiteral(" style=\"background:#fff3c4\"") : QString();
            html += QStringLiteral("<tr%1><td>%2</td><td>%3</td><td>%4</td></tr>")
                        .arg(style, l.key.toHtmlEscaped(), l.before.toHtmlEscaped(), l.after.toHtmlEscaped());
        }
        html += QStringLiteral("</table>");
    }
    m_details->setHtml(html);
}

void AuditLogPane::saveRetention() {
    if (!m_session) {
        return;
    }
    const core::ServiceContext ctx = m_session->context();
    const QString value = QString::number(m_retention->value());
    const qint64 version = m_retentionRowVersion;
    executor()->call<core::Result<core::Setting>>(
        this, [ctx, value, version] { return core::SettingsService(ctx).set(core::settingkey::AuditViewRetentionDays, value, version); },
        [this](const core::Result<core::Setting> &r) {
            if (!r.ok()) {
                emit errorOccurred(r.error());
                return;
            }
            m_retentionRowVersion = r->rowVersion;
        });
}

void AuditLogPane::exportTo(const QString &path, bool json) {
    if (!m_session) {
        return;
    }
    const core::ServiceContext ctx = m_session->context();
    const core::AuditFilter filter = m_model->effectiveFilter();
    m_status->setText(tr("Exporting…"));
    executor()->call<core::Result<int>>(
        this,
        [ctx, filter, path, json]() -> core::Result<int> {
            // The permission check (and its audit on refusal) comes first; then page through.
            if (core::Status s = ctx.require(core::Permission::ReadAudit,
                                             {QStringLiteral("Export audit log"), core::category::DirectoryManagement});
                !s.ok()) {
                return s.error();
            }
            auto c = ctx.db().connection();
            if (!c.ok()) {
                return c.error();
            }
            QSaveFile file(path);
            if (!file.open(QIODevice::WriteOnly)) {
                return core::Error{core::ErrorCode::Invalid,
                                   QCoreApplication::translate("atrium::ui::AuditLogPane", "Cannot write %1: %2")
                                       .arg(path, file.errorString()),
                                   {}, {}, false};
            }
            auto n = core::AuditExport::write(*c, filter, json ? core::AuditExport::Format::Json : core::AuditExport::Format::Csv,
                                              &file);
            if (!n.ok()) {
                file.cancelWriting();
                return n;
            }
            if (!file.commit()) {
                return core::Error{core::ErrorCode::Internal,
                                   QCoreApplication::translate("atrium::ui::AuditLogPane", "Cannot write %1: %2")
                                       .arg(path, file.errorString()),
                                   {}, {}, false};
            }
            return n;
        },
        [this](const core::Result<int> &n) {
            m_status->setText(n.ok() ? tr("Exported %n rows.", nullptr, *n) : QString());
            if (!n.ok()) {
                emit errorOccurred(n.error());
            }
            emit exported(n.ok());
        });
}

void AuditLogPane::loadReport() {
    if (!m_session) {
        return;
    }
    const core::ServiceContext ctx = m_session->context();
    const int days = m_inactiveDays->value();
    m_reportDebounce->stop();
    m_reportLoaded = true;
    m_reportStatus->setText(tr("Loading…"));
    using Both = std::pair<core::Result<QList<core::InactiveGuest>>, core::Result<QList<core::PendingInvitation>>>;
    executor()->call<Both>(
        this,
        [ctx, days] {
            core::InactiveGuestsReport report(ctx);
            // One row more than is shown tells that there are more.
            return Both{report.inactiveGuests(days, kReportRows + 1), report.unredeemedInvitations(0, kReportRows + 1)};
        },
        [this, days](const Both &r) {
            if (!r.first.ok() || !r.second.ok()) {
                m_reportStatus->setText(tr("The report could not be read."));
                m_reportLoaded = false;
                emit errorOccurred(!r.first.ok() ? r.first.error() : r.second.error());
                return;
            }
            m_inactive = *r.first;
            m_pending = *r.second;
            const bool moreInactive = m_inactive.size() > kReportRows;
            const bool morePending = m_pending.size() > kReportRows;
            m_inactive = m_inactive.mid(0, kReportRows);
            m_pending = m_pending.mid(0, kReportRows);
            const QLocale locale;
            m_inactiveTable->setRowCount(int(m_inactive.size()));
            for (int i = 0; i < m_inactive.size(); ++i) {
                const core::InactiveGuest &g = m_inactive.at(i);
                auto *name = new QTableWidgetItem(g.displayName);
                name->setData(Qt::UserRole, g.id);
                m_inactiveTable->setItem(i, 0, name);
                m_inactiveTable->setItem(i, 1, new QTableWidgetItem(g.userPrincipalName));
                m_inactiveTable->setItem(i, 2, new QTableWidgetItem(g.lastSignInAt > 0
                                                                        ? locale.toString(core::fromMs(g.lastSignInAt).toLocalTime(), QLocale::ShortFormat)
                                                                        : tr("Never")));
                auto *daysItem = new QTableWidgetItem;
                daysItem->setData(Qt::DisplayRole, g.inactiveDays);
                m_inactiveTable->setItem(i, 3, daysItem);
                m_inactiveTable->setItem(i, 4, new QTableWidgetItem(g.accountEnabled ? tr("Allowed") : tr("Blocked")));
            }
            m_invitationTable->setRowCount(int(m_pending.size()));
            for (int i = 0; i < m_pending.size(); ++i) {
                const core::PendingInvitation &p = m_pending.at(i);
                auto *name = new QTableWidgetItem(p.displayName);
                name->setData(Qt::UserRole, p.userId);
                m_invitationTable->setItem(i, 0, name);
                m_invitationTable->setItem(i, 1, new QTableWidgetItem(p.invitedEmail));
                m_invitationTable->setItem(i, 2, new QTableWidgetItem(p.invitedBy));
                auto *age = new QTableWidgetItem;
                age->setData(Qt::DisplayRole, p.ageDays);
                m_invitationTable->setItem(i, 3, age);
            }
            for (QTableWidget *t : {m_inactiveTable, m_invitationTable}) {
                t->resizeColumnsToContents();
            }
            // Past kReportRows the report says so instead of a count that looks whole; the Guest users
            // pane's "No sign-in for N days" filter pages through all of them in the database.
            const QString shown = locale.toString(kReportRows);
            m_reportStatus->setText(
                (moreInactive
                     ? tr("The first %1 of more guests without sign-in for %n day(s)", nullptr, days).arg(shown)
                     : tr("%n guest(s) without sign-in for %1 days or more", nullptr, int(m_inactive.size()))
                           .arg(days)) +
                QStringLiteral(" · ") +
                (morePending ? tr("the oldest %1 of more invitations never redeemed").arg(shown)
                             : tr("%n invitation(s) never redeemed", nullptr, int(m_pending.size()))));
            m_reportStatus->setToolTip(
                moreInactive || morePending
                    ? tr("The Guest users pane's filters \"No sign-in for N days\" and \"Pending for "
                         "more than\" show every row, paged in the database.")
                    : QString());
            updateReportActions();
            emit reportShown();
        });
}

void AuditLogPane::exportInactiveGuests(const QString &path) {
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        emit errorOccurred(core::Error{core::ErrorCode::Invalid, tr("Cannot write %1: %2").arg(path, file.errorString()),
                                       {}, {}, false});
        emit exported(false);
        return;
    }
    core::CsvWriter csv(&file);
    csv.writeRecord(core::InactiveGuestsReport::inactiveCsvHeader());
    for (const core::InactiveGuest &g : std::as_const(m_inactive)) {
        csv.writeRecord(core::InactiveGuestsReport::inactiveCsvRecord(g));
    }
    csv.writeRecord({});
    csv.writeRecord(core::InactiveGuestsReport::invitationCsvHeader());
    for (const core::PendingInvitation &p : std::as_const(m_pending)) {
        csv.writeRecord(core::InactiveGuestsReport::invitationCsvRecord(p));
    }
    const bool ok = !csv.hasError() && file.commit();
    emit exported(ok);
}

} // namespace atrium::ui
