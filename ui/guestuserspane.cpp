#include "ui/guestuserspane.h"

#include "core/base/clock.h"
#include "core/base/domainname.h"
#include "core/guests/guestdirectory.h"
#include "core/invitations/invitationservice.h"
#include "core/services/groupservice.h"
#include "core/services/settingsservice.h"
#include "core/services/userservice.h"
#include "models/dbexecutor.h"
#include "models/guestlistmodel.h"
#include "ui/guestactions.h"
#include "ui/invitedialog.h"
#include "ui/messageboxes.h"
#include "ui/signinpreview.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QProgressDialog>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollBar>
#include <QShortcut>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QTimer>
#include <QVBoxLayout>

#include <atomic>

namespace atrium::ui {
namespace {
template <typename W> W *named(W *w, const char *objectName, const QString &accessible) {
    w->setObjectName(QString::fromLatin1(objectName));
    w->setAccessibleName(accessible);
    return w;
}

struct Details {
    core::Result<core::User> user = core::User{};
    QStringList sponsorNames;
};

QString timeText(qint64 ms, const QString &none) {
    return ms > 0 ? QLocale().toString(core::fromMs(ms).toLocalTime(), QLocale::LongFormat) : none;
}
} // namespace

GuestUsersPane::GuestUsersPane(models::DbExecutor *executor, QWidget *parent)
    : Pane(executor, parent), m_model(new models::GuestListModel(executor, this)) {
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    // --- Search and filters
    auto *filters = new QHBoxLayout;
    m_search = named(new QLineEdit(this), "guestSearch", tr("Search guests"));
    m_search->setPlaceholderText(tr("Search by name, email or domain (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(fontMetrics().averageCharWidth() * 28);
    m_state = named(new QComboBox(this), "guestStateFilter", tr("Invitation state"));
    m_state->addItem(tr("Any state"), -1);
    m_state->addItem(models::GuestListModel::stateText(core::ExternalUserState::PendingAcceptance),
                     int(core::ExternalUserState::PendingAcceptance));
    m_state->addItem(models::GuestListModel::stateText(core::ExternalUserState::Accepted),
                     int(core::ExternalUserState::Accepted));
    m_domain = named(new QLineEdit(this), "guestDomainFilter", tr("Email domain"));
    m_domain->setPlaceholderText(tr("Domain, e.g. contoso.com"));
    m_domain->setClearButtonEnabled(true);
    m_domain->setMinimumWidth(fontMetrics().averageCharWidth() * 20);
    m_creation = named(new QComboBox(this), "guestCreationFilter", tr("Creation type"));
    m_creation->addItem(tr("Any creation type"), -1);
    m_creation->addItem(models::GuestListModel::creationTypeText(core::CreationType::Invitation),
                        int(core::CreationType::Invitation));
    m_creation->addItem(models::GuestListModel::creationTypeText(core::CreationType::SelfServiceSignUp),
                        int(core::CreationType::SelfServiceSignUp));
    m_pendingCheck = named(new QCheckBox(tr("Pending for more than"), this), "guestPendingFilter",
                           tr("Only invitations pending for more than a number of days"));
    m_pendingDays = named(new QSpinBox(this), "guestPendingDays", tr("Days pending"));
    m_pendingDays->setRange(1, 3650);
    m_pendingDays->setValue(30);
    m_pendingDays->setSuffix(tr(" days"));
    m_pendingDays->setEnabled(false);
    m_noSignIn = named(new QCheckBox(tr("No sign-in for 90 days"), this), "guestNoSignInFilter",
                       tr("Only guests without sign-in for 90 days"));
    for (QWidget *w : std::initializer_list<QWidget *>{m_search, m_state, m_domain, m_creation, m_pendingCheck,
                                                       m_pendingDays, m_noSignIn}) {
        filters->addWidget(w);
    }
    filters->addStretch(1);
    layout->addLayout(filters);

    // --- Actions
    auto *actions = new QHBoxLayout;
    m_invite = addAction(tr("Invite Guest…"), "guestInviteButton", tr("Invite a guest"),
                         core::Permission::InviteGuests, Needs::Nothing);
    m_resend = addAction(tr("Resend Invitation"), "guestResendButton", tr("Resend the invitation"),
                         core::Permission::ResendInvitation, Needs::Selection);
    m_reset = addAction(tr("Reset Redemption…"), "guestResetButton", tr("Reset redemption status"),
                        core::Permission::ResetRedemption, Needs::Selection);
    m_block = addAction(tr("Block Sign-in"), "guestBlockButton", tr("Block sign-in"), core::Permission::BlockSignIn,
                        Needs::Selection);
    m_unblock = addAction(tr("Unblock Sign-in"), "guestUnblockButton", tr("Unblock sign-in"),
                          core::Permission::BlockSignIn, Needs::Selection);
    m_delete = addAction(tr("Delete…"), "guestDeleteButton", tr("Delete guests"), core::Permission::ManageGuests,
                         Needs::Selection);
    m_addTo = addAction(tr("Add to Group or App…"), "guestAddToButton", tr("Add to a group or application"),
                        core::Permission::ManageGuests, Needs::Selection);
    m_sponsors = addAction(tr("Change Sponsors…"), "guestSponsorsButton", tr("Change sponsors"),
                           core::Permission::ManageSponsors, Needs::Selection);
    m_copyLink = addAction(tr("Copy Redemption Link"), "guestCopyLinkButton", tr("Copy the redemption link"),
                           core::Permission::ResendInvitation, Needs::OneGuest);
    m_export = addAction(tr("Export CSV…"), "guestExportButton", tr("Export the guests shown to CSV"),
                         core::Permission::ReadDirectory, Needs::Nothing);
    // Two rows, so that the pane's minimum width stays below a laptop screen's: lifecycle actions,
    // then membership, link and export actions with the count.
    auto *moreActions = new QHBoxLayout;
    QHBoxLayout *row = actions;
    for (const ActionButton &a : std::as_const(m_actions)) {
        if (a.button == m_addTo) {
            row = moreActions;
        }
        row->addWidget(a.button);
    }
    actions->addStretch(1);
    moreActions->addStretch(1);
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("guestCount"));
    m_count->setAccessibleName(tr("Number of guests"));
    moreActions->addWidget(m_count);
    layout->addLayout(actions);
    layout->addLayout(moreActions);

    // --- Table and details
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->setObjectName(QStringLiteral("guestSplitter"));
    auto *tableBox = new QWidget(split);
    auto *tableLayout = new QVBoxLayout(tableBox);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    m_emptyState = new QLabel(tableBox);
    m_emptyState->setObjectName(QStringLiteral("guestEmptyState"));
    m_emptyState->setAccessibleName(tr("No guests"));
    m_emptyState->setWordWrap(true);
    m_emptyState->setAlignment(Qt::AlignCenter);
    m_emptyState->setMargin(12);
    m_emptyState->hide();
    m_table = named(new QTableView(tableBox), "guestTable", tr("Guest users"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    // Uniform row heights: a fixed section size, never measured per row.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    // Fixed, sensible widths instead of resize-to-contents (which would measure every row).
    auto *header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setStretchLastSection(false);
    header->setSortIndicatorShown(true);
    header->setSortIndicator(int(core::GuestColumn::DisplayName), Qt::AscendingOrder);
    const int ch = m_table->fontMetrics().averageCharWidth();
    const int widths[core::kGuestColumnCount] = {22, 30, 40, 18, 18, 10, 18, 18, 18, 18, 22, 10};
    for (int c = 0; c < core::kGuestColumnCount; ++c) {
        header->resizeSection(c, widths[c] * ch + 16);
    }
    m_table->setSortingEnabled(true);
    tableLayout->addWidget(m_emptyState);
    tableLayout->addWidget(m_table, 1);
    auto *detailsBox = new QWidget(split);
    auto *detailsLayout = new QVBoxLayout(detailsBox);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    m_details = named(new QTextBrowser(detailsBox), "guestDetails", tr("Guest details"));
    m_details->setPlaceholderText(tr("Select a guest to see the details."));
    m_details->setOpenLinks(false);
    // SPEC §2 / issue 6: where the selected guest is sent at redemption, and why.
    m_signIn = new SignInPreview(executor, detailsBox);
    m_signIn->setObjectName(QStringLiteral("guestSignInPreview"));
    m_signIn->hide();
    detailsLayout->addWidget(m_details, 1);
    detailsLayout->addWidget(m_signIn);
    split->addWidget(tableBox);
    split->addWidget(detailsBox);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    split->setSizes({900, 320});
    layout->addWidget(split, 1);

    // Search as you type: the first keystroke after a pause asks at once (issue 3: keystroke ->
    // results painted <= 100 ms); the keystrokes that follow within 150 ms of each other coalesce
    // into one query when typing pauses. Answers to the superseded queries are dropped by the model.
    m_debounce = new QTimer(this);
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(150);
    connect(m_debounce, &QTimer::timeout, this, [this] {
        if (m_debouncePending) {
            applyFilters();
        }
    });
    connect(m_search, &QLineEdit::textChanged, this, &GuestUsersPane::filterTextEdited);
    connect(m_domain, &QLineEdit::textChanged, this, &GuestUsersPane::filterTextEdited);
    connect(m_search, &QLineEdit::returnPressed, this, &GuestUsersPane::applyFilters);
    for (QComboBox *c : {m_state, m_creation}) {
        connect(c, &QComboBox::currentIndexChanged, this, &GuestUsersPane::applyFilters);
    }
    connect(m_pendingCheck, &QCheckBox::toggled, m_pendingDays, &QWidget::setEnabled);
    connect(m_pendingCheck, &QCheckBox::toggled, this, &GuestUsersPane::applyFilters);
    connect(m_pendingDays, &QSpinBox::valueChanged, this, &GuestUsersPane::filterTextEdited);
    connect(m_noSignIn, &QCheckBox::toggled, this, &GuestUsersPane::applyFilters);

    connect(m_model, &models::GuestListModel::errorOccurred, this, &Pane::errorOccurred);
    connect(m_model, &models::GuestListModel::countChanged, m_count, &QLabel::setText);
    connect(m_model, &models::GuestListModel::loadingChanged, this, [this](bool loading) {
        if (loading && m_model->countText().isEmpty()) {
            m_count->setText(tr("Loading…"));
        }
    });
    connect(m_model, &models::GuestListModel::emptyStateChanged, this, [this] {
        const QString text = m_model->emptyStateText();
        m_emptyState->setText(text);
        m_emptyState->setVisible(!text.isEmpty());
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &GuestUsersPane::updateActions);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &GuestUsersPane::showDetails);
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        updateActions();
        showDetails();
    });
    // The window of rows moves under the view; keep the same guest at the top.
    connect(m_model, &QAbstractItemModel::rowsAboutToBeRemoved, this, [this] {
        const QModelIndex top = m_table->indexAt(QPoint(0, 0));
        m_topRowId = top.isValid() ? m_model->guest(top.row()).id : QString();
    });
    connect(m_model, &models::GuestListModel::rowsDroppedAtTop, this, [this] { keepTopRow(0); });
    connect(m_model, &models::GuestListModel::rowsRestoredAtTop, this, [this] { keepTopRow(0); });
    connect(m_table->verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        if (value == m_table->verticalScrollBar()->minimum() && m_model->canFetchPrevious()) {
            const QModelIndex top = m_table->indexAt(QPoint(0, 0));
            m_topRowId = top.isValid() ? m_model->guest(top.row()).id : QString();
            m_model->fetchPrevious();
        }
    });

    connect(m_invite, &QPushButton::clicked, this, &GuestUsersPane::invite);
    connect(m_resend, &QPushButton::clicked, this, &GuestUsersPane::resendInvitation);
    connect(m_reset, &QPushButton::clicked, this, &GuestUsersPane::askResetRedemption);
    connect(m_block, &QPushButton::clicked, this, [this] { setSignInBlocked(true); });
    connect(m_unblock, &QPushButton::clicked, this, [this] { setSignInBlocked(false); });
    connect(m_delete, &QPushButton::clicked, this, &GuestUsersPane::deleteSelected);
    connect(m_addTo, &QPushButton::clicked, this, &GuestUsersPane::askAddToGroupOrApp);
    connect(m_sponsors, &QPushButton::clicked, this, &GuestUsersPane::askSponsors);
    connect(m_copyLink, &QPushButton::clicked, this, &GuestUsersPane::copyRedemptionLink);
    connect(m_export, &QPushButton::clicked, this, &GuestUsersPane::askExport);

    // Keyboard: Ctrl+F searches, Delete deletes (asks first), Enter opens the details.
    auto *find = new QShortcut(QKeySequence::Find, this);
    find->setContext(Qt::WidgetWithChildrenShortcut);
    connect(find, &QShortcut::activated, this, [this] {
        m_search->setFocus(Qt::ShortcutFocusReason);
        m_search->selectAll();
    });
    auto *del = new QShortcut(QKeySequence::Delete, m_table);
    del->setContext(Qt::WidgetShortcut);
    connect(del, &QShortcut::activated, this, [this] {
        if (m_delete->isEnabled()) {
            deleteSelected();
        }
    });
    connect(m_table, &QAbstractItemView::activated, this, [this] {
        showDetails();
        m_details->setFocus(Qt::OtherFocusReason);
    });

    setCapabilities({});
}

GuestUsersPane::~GuestUsersPane() = default;

QPushButton *GuestUsersPane::addAction(const QString &text, const char *objectName, const QString &accessible,
                                       core::Permission permission, Needs needs) {
    auto *b = named(new QPushButton(text, this), objectName, accessible);
    m_actions.append({b, permission, needs});
    return b;
}

void GuestUsersPane::setSession(models::SessionPtr session) {
    m_session = std::move(session);
    m_details->clear();
    m_signIn->setSession(m_session);
    m_signIn->hide();
    m_count->clear();
    m_model->setSession(m_session);
    updateActions();
    loadInactiveDays();
}

void GuestUsersPane::reload() {
    m_model->reload();
    loadInactiveDays();
}

// "No sign-in for N days" follows the directory setting inactiveGuestDays (SPEC §12; 90 by default).
void GuestUsersPane::loadInactiveDays() {
    if (!m_session || m_session->isUnbound()) {
        return;
    }
    const core::ServiceContext ctx = m_session->context();
    executor()->call<core::Result<core::Setting>>(
        this, [ctx] { return core::SettingsService(ctx).get(core::settingkey::InactiveGuestDays); },
        [this](const core::Result<core::Setting> &r) {
            const int days = r.ok() ? r->value.toInt() : 0;
            if (days <= 0 || days == m_noSignInDays) {
                return;
            }
            m_noSignInDays = days;
            m_noSignIn->setText(tr("No sign-in for %n day(s)", nullptr, days));
            m_noSignIn->setAccessibleName(tr("Only guests without sign-in for %n day(s)", nullptr, days));
            if (m_noSignIn->isChecked()) {
                applyFilters();
            }
        });
}

void GuestUsersPane::setCapabilities(const Capabilities &caps) {
    m_caps = caps;
    updateActions();
}

QList<GuestActions::Target> GuestUsersPane::selectedTargets() const {
    QList<GuestActions::Target> targets;
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    for (const QModelIndex &i : rows) {
        targets.append({m_model->guest(i.row()).id, m_model->guest(i.row()).displayName});
    }
    return targets;
}

QStringList GuestUsersPane::selectedIds() const {
    QStringList ids;
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    for (const QModelIndex &i : rows) {
        ids << m_model->guest(i.row()).id;
    }
    return ids;
}

void GuestUsersPane::updateActions() {
    const int selected = int(m_table->selectionModel()->selectedRows().size());
    for (const ActionButton &a : std::as_const(m_actions)) {
        m_caps.apply(a.button, a.permission);
        if (!m_caps.can(a.permission)) {
            continue; // disabled, the tooltip names the role
        }
        const bool ready = m_session && (a.needs == Needs::Nothing || (a.needs == Needs::Selection && selected > 0) ||
                                         (a.needs == Needs::OneGuest && selected == 1));
        a.button->setEnabled(ready);
        a.button->setToolTip(ready || a.needs == Needs::Nothing
                                 ? QString()
                                 : (a.needs == Needs::OneGuest ? tr("Select one guest.") : tr("Select guests first.")));
    }
}

void GuestUsersPane::filterTextEdited() {
    if (m_debounce->isActive()) {
        // Within a burst of typing: wait for the pause, then ask once for the final text.
        m_debouncePending = true;
        m_debounce->start();
        return;
    }
    applyFilters();
    m_debounce->start(); // opens the burst window
}

void GuestUsersPane::applyFilters() {
    m_debouncePending = false;
    core::GuestQuery q = m_model->query();
    q.search = m_search->text().simplified();
    const int state = m_state->currentData().toInt();
    q.state = state < 0 ? std::nullopt : std::optional(core::ExternalUserState(state));
    const int creation = m_creation->currentData().toInt();
    q.creationType = creation < 0 ? std::nullopt : std::optional(core::CreationType(creation));
    const QString domain = m_domain->text().trimmed();
    if (domain.isEmpty()) {
        q.domain.clear();
    } else {
        const core::Result<QString> normalized = core::normalizeDomain(domain);
        q.domain = normalized.ok() ? *normalized : domain.toLower();
    }
    q.pendingOlderThanDays = m_pendingCheck->isChecked() ? m_pendingDays->value() : 0;
    q.noSignInDays = m_noSignIn->isChecked() ? m_noSignInDays : 0;
    if (!(q == m_model->query())) {
        m_model->setQuery(q);
    }
}

void GuestUsersPane::keepTopRow(int) {
    if (m_topRowId.isEmpty()) {
        return;
    }
    const int row = m_model->rowOfId(m_topRowId);
    if (row >= 0) {
        m_table->scrollTo(m_model->index(row, 0), QAbstractItemView::PositionAtTop);
    }
}

void GuestUsersPane::showDetails() {
    const QModelIndex current = m_table->currentIndex();
    const quint64 request = ++m_detailsRequest;
    if (!current.isValid() || !m_session) {
        m_details->clear();
        m_signIn->clear();
        m_signIn->hide();
        return;
    }
    const core::GuestRow row = m_model->guest(current.row());
    const core::ServiceContext ctx = m_session->context();
    const QString id = row.id;
    executor()->call<core::Result<core::User>>(
        this, [ctx, id] { return core::UserService(ctx).get(id); },
        [this, request, row](const core::Result<core::User> &user) {
            if (request != m_detailsRequest) {
                return; // the selection moved on
            }
            if (!user.ok()) {
                m_details->setPlainText(user.error().message);
                return;
            }
            const core::User &u = *user;
            QString html = QStringLiteral("<h3>%1</h3><table cellpadding=\"2\">").arg(u.displayName.toHtmlEscaped());
            const auto line = [&html](const QString &label, const QString &value) {
                html += QStringLiteral("<tr><td valign=\"top\"><b>%1</b></td><td>%2</td></tr>")
                            .arg(label.toHtmlEscaped(), value.toHtmlEscaped());
            };
            line(tr("Email"), u.mail);
            if (!u.otherMails.isEmpty()) {
                line(tr("Other emails"), u.otherMails.join(QStringLiteral(", ")));
            }
            line(tr("User principal name"), u.userPrincipalName);
            line(tr("Object id"), u.id);
            line(tr("User type"), core::toString(u.userType));
            line(tr("Invitation state"),
                 u.externalUserState ? models::GuestListModel::stateText(*u.externalUserState) : tr("None"));
            line(tr("State changed"), timeText(u.externalUserStateChangedAt, tr("Never")));
            line(tr("Creation type"),
                 u.creationType ? models::GuestListModel::creationTypeText(*u.creationType) : tr("None"));
            line(tr("Sign-in"), u.accountEnabled ? tr("Allowed") : tr("Blocked"));
            line(tr("Invited by"), row.invitedBy);
            line(tr("Created"), timeText(u.createdAt, tr("Unknown")));
            line(tr("Last sign-in"), timeText(u.lastSignInAt, tr("Never")));
            line(tr("Sponsors"), row.sponsorNames.isEmpty() ? tr("None") : row.sponsorNames.join(QStringLiteral(", ")));
            html += QStringLiteral("</table><h4>%1</h4><ul>").arg(tr("Identities").toHtmlEscaped());
            for (const core::Identity &i : u.identities) {
                html += QStringLiteral("<li>%1: %2 %3</li>")
                            .arg(i.signInType.toHtmlEscaped(), i.issuer.toHtmlEscaped(),
                                 i.issuerAssignedId.isEmpty() ? QString()
                                                              : QStringLiteral("(%1)").arg(i.issuerAssignedId.toHtmlEscaped()));
            }
            if (u.identities.isEmpty()) {
                html += QStringLiteral("<li>%1</li>").arg(tr("None").toHtmlEscaped());
            }
            html += QStringLiteral("</ul>");
            m_details->setHtml(html);
            // Redeemed guests keep their identity; the answer is where a redemption reset would send them.
            QString redeemedWith;
            for (const core::Identity &i : u.identities) {
                if (i.signInType != QLatin1String("userPrincipalName")) {
                    redeemedWith = i.issuer;
                }
            }
            const bool accepted = u.externalUserState && *u.externalUserState == core::ExternalUserState::Accepted;
            m_signIn->setNote(accepted ? tr("Redeemed with %1. After a redemption reset:")
                                             .arg(redeemedWith.isEmpty() ? tr("an unknown identity") : redeemedWith)
                                       : QString());
            m_signIn->show();
            m_signIn->resolveNow(u.mail.isEmpty() ? u.otherMails.value(0) : u.mail);
            emit detailsShown(u.id);
        });
}

void GuestUsersPane::runOnSelected(const QString &action, GuestActions::Action fn) {
    if (!m_session) {
        return;
    }
    GuestActions::run(
        executor(), this, m_session, action, selectedTargets(), std::move(fn),
        [this, action](const std::optional<core::Error> &error, int succeeded, int failed) {
            if (error) {
                emit errorOccurred(*error);
            }
            const QString current = m_table->currentIndex().isValid()
                                        ? m_model->guest(m_table->currentIndex().row()).id
                                        : QString();
            m_model->reload();
            if (!current.isEmpty()) {
                // Select the guest again once the first page is back (when it is on it).
                auto *once = new QObject(this);
                connect(m_model, &models::GuestListModel::pageLoaded, once, [this, once, current] {
                    once->deleteLater();
                    const int row = m_model->rowOfId(current);
                    if (row >= 0) {
                        m_table->selectionModel()->setCurrentIndex(
                            m_model->index(row, 0), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
                    }
                });
            }
            emit actionFinished(action, succeeded, failed);
        });
}

void GuestUsersPane::invite() {
    if (!m_session) {
        return;
    }
    auto *dialog = new InviteDialog(executor(), m_session, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &InviteDialog::invited, this, [this] { m_model->reload(); });
    dialog->open();
}

void GuestUsersPane::resendInvitation() {
    runOnSelected(tr("Resend invitation"), GuestActions::resend());
}

void GuestUsersPane::askResetRedemption() {
    const QStringList ids = selectedIds();
    QString email;
    if (ids.size() == 1) {
        bool ok = false;
        email = QInputDialog::getText(this, tr("Reset Redemption Status"),
                                      tr("The guest redeems again; object id, UPN, memberships and app assignments "
                                         "stay. New email address (leave empty to keep the current one):"),
                                      QLineEdit::Normal, m_model->guest(m_table->currentIndex().row()).mail, &ok);
        if (!ok) {
            return;
        }
        if (email.trimmed().compare(m_model->guest(m_table->currentIndex().row()).mail, Qt::CaseInsensitive) == 0) {
            email.clear();
        }
    } else if (MessageBoxes::question(this, tr("Reset Redemption Status"),
                                      tr("Reset the redemption status of %n guest(s)? They redeem again with their "
                                         "current email addresses.",
                                         nullptr, int(ids.size()))) != QMessageBox::Yes) {
        return;
    }
    resetRedemption(email.trimmed(), true);
}

void GuestUsersPane::resetRedemption(const QString &newEmail, bool sendEmail) {
    runOnSelected(tr("Reset redemption"), [newEmail, sendEmail](core::InvitationService &s, const QString &id) -> core::Status {
        auto r = s.resetRedemption(id, newEmail, sendEmail);
        if (!r.ok()) {
            return r.error();
        }
        return {};
    });
}

void GuestUsersPane::setSignInBlocked(bool blocked) {
    runOnSelected(blocked ? tr("Block sign-in") : tr("Unblock sign-in"), GuestActions::setSignInBlocked(blocked));
}

void GuestUsersPane::deleteSelected() {
    if (GuestActions::confirmDelete(this, selectedTargets())) {
        runOnSelected(tr("Delete"), GuestActions::deleteGuest());
    }
}

void GuestUsersPane::addToGroupOrApp(const QString &objectId) {
    runOnSelected(tr("Add to group or app"),
                  [objectId](core::InvitationService &s, const QString &id) { return s.addToGroupOrApp(id, objectId); });
}

void GuestUsersPane::setSponsors(const QStringList &sponsorIds) {
    runOnSelected(tr("Change sponsors"),
                  [sponsorIds](core::InvitationService &s, const QString &id) { return s.setSponsors(id, sponsorIds); });
}

void GuestUsersPane::askAddToGroupOrApp() {
    if (!m_session) {
        return;
    }
    using Lists = std::pair<core::Result<QList<core::DirectoryObject>>, core::Result<QList<core::DirectoryObject>>>;
    const core::ServiceContext ctx = m_session->context();
    executor()->call<Lists>(
        this, [ctx] { core::GroupService g(ctx); return Lists{g.groups(), g.applications()}; },
        [this](const Lists &lists) {
            if (!lists.first.ok() || !lists.second.ok()) {
                emit errorOccurred(!lists.first.ok() ? lists.first.error() : lists.second.error());
                return;
            }
            QDialog dialog(this);
            dialog.setObjectName(QStringLiteral("addToGroupDialog"));
            dialog.setWindowTitle(tr("Add to Group or Application"));
            auto *v = new QVBoxLayout(&dialog);
            auto *list = named(new QListWidget(&dialog), "addToGroupList", tr("Groups and applications"));
            for (const auto *objects : {&*lists.first, &*lists.second}) {
                for (const core::DirectoryObject &o : *objects) {
                    auto *item = new QListWidgetItem(
                        o.kind == QLatin1String("group") ? tr("Group: %1").arg(o.displayName)
                                                         : tr("Application: %1").arg(o.displayName),
                        list);
                    item->setData(Qt::UserRole, o.id);
                }
            }
            v->addWidget(list);
            auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
            buttons->setObjectName(QStringLiteral("addToGroupButtons"));
            v->addWidget(buttons);
            connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
            connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
            connect(list, &QListWidget::itemDoubleClicked, &dialog, &QDialog::accept);
            if (dialog.exec() == QDialog::Accepted && list->currentItem()) {
                addToGroupOrApp(list->currentItem()->data(Qt::UserRole).toString());
            }
        });
}

void GuestUsersPane::askSponsors() {
    if (!m_session) {
        return;
    }
    const core::ServiceContext ctx = m_session->context();
    executor()->call<core::Result<QList<core::User>>>(
        this, [ctx] { return core::UserService(ctx).list({core::UserType::Member, 1000}); },
        [this](const core::Result<QList<core::User>> &members) {
            if (!members.ok()) {
                emit errorOccurred(members.error());
                return;
            }
            QDialog dialog(this);
            dialog.setObjectName(QStringLiteral("sponsorsDialog"));
            dialog.setWindowTitle(tr("Change Sponsors"));
            auto *v = new QVBoxLayout(&dialog);
            v->addWidget(new QLabel(tr("Choose up to 5 sponsors (members of the directory):"), &dialog));
            auto *list = named(new QListWidget(&dialog), "sponsorsList", tr("Sponsors"));
            for (const core::User &u : *members) {
                auto *item = new QListWidgetItem(QStringLiteral("%1 (%2)").arg(u.displayName, u.userPrincipalName), list);
                item->setData(Qt::UserRole, u.id);
                item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
                item->setCheckState(Qt::Unchecked);
            }
            v->addWidget(list);
            auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
            buttons->setObjectName(QStringLiteral("sponsorsButtons"));
            v->addWidget(buttons);
            connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
            connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
            if (dialog.exec() != QDialog::Accepted) {
                return;
            }
            QStringList ids;
            for (int i = 0; i < list->count(); ++i) {
                if (list->item(i)->checkState() == Qt::Checked) {
                    ids << list->item(i)->data(Qt::UserRole).toString();
                }
            }
            setSponsors(ids); // the service refuses more than 5 with its own message
        });
}

void GuestUsersPane::copyRedemptionLink() {
    const QStringList ids = selectedIds();
    if (ids.size() != 1 || !m_session) {
        return;
    }
    GuestActions::copyRedemptionLink(executor(), this, m_session, ids.constFirst(), [this](const core::Result<QString> &url) {
        if (!url.ok()) {
            emit errorOccurred(url.error());
            emit actionFinished(tr("Copy redemption link"), 0, 1);
            return;
        }
        emit actionFinished(tr("Copy redemption link"), 1, 0);
    });
}

void GuestUsersPane::askExport() {
    const QString path = MessageBoxes::saveFileName(this, tr("Export Guests as CSV"), tr("guests.csv"),
                                                    tr("CSV files (*.csv)"));
    if (!path.isEmpty()) {
        exportCsv(path);
    }
}

void GuestUsersPane::exportCsv(const QString &path) {
    if (!m_session) {
        return;
    }
    const std::shared_ptr<core::Database> db = m_session->database;
    core::GuestQuery query = m_model->query();
    query.asOfMs = m_session->clock->nowMs();
    const std::optional<core::GuestCount> count = m_model->count();
    auto cancelled = std::make_shared<std::atomic<bool>>(false);
    m_progress = new QProgressDialog(tr("Exporting guests…"), tr("Cancel"), 0,
                                     count && !count->capped ? int(count->count) : 0, this);
    m_progress->setObjectName(QStringLiteral("guestExportProgress"));
    m_progress->setWindowTitle(tr("Export Guests"));
    m_progress->setMinimumDuration(300);
    m_progress->setAutoClose(false);
    m_progress->setAutoReset(false);
    connect(m_progress, &QProgressDialog::canceled, this, [cancelled] { *cancelled = true; });
    QPointer<GuestUsersPane> self(this);
    executor()->call<core::Result<qint64>>(
        this,
        [db, query, path, cancelled, self]() -> core::Result<qint64> {
            auto c = db->connection();
            if (!c.ok()) {
                return c.error();
            }
            QSaveFile file(path);
            if (!file.open(QIODevice::WriteOnly)) {
                return core::Error{core::ErrorCode::Invalid,
                                   QCoreApplication::translate("atrium::ui::GuestUsersPane", "Cannot write %1: %2")
                                       .arg(path, file.errorString()),
                                   {}, {}, false};
            }
            auto n = core::GuestDirectory::exportCsv(*c, db->engine(), query, &file, [cancelled, self](qint64 rows) {
                QMetaObject::invokeMethod(
                    self.data(),
                    [self, rows] {
                        if (self && self->m_progress) {
                            self->m_progress->setValue(int(qMin<qint64>(rows, self->m_progress->maximum() > 0
                                                                                   ? self->m_progress->maximum()
                                                                                   : rows)));
                        }
                    },
                    Qt::QueuedConnection);
                return !cancelled->load();
            });
            if (!n.ok()) {
                file.cancelWriting(); // a cancelled export leaves no partial file behind
                return n;
            }
            if (!file.commit()) {
                return core::Error{core::ErrorCode::Internal,
                                   QCoreApplication::translate("atrium::ui::GuestUsersPane", "Cannot write %1: %2")
                                       .arg(path, file.errorString()),
                                   {}, {}, false};
            }
            return n;
        },
        [this](const core::Result<qint64> &n) {
            if (m_progress) {
                m_progress->deleteLater();
                m_progress.clear();
            }
            if (!n.ok() && n.error().code != core::ErrorCode::Cancelled) {
                emit errorOccurred(n.error());
            }
            emit exported(n.ok(), n.ok() ? *n : 0);
        });
}

} // namespace atrium::ui
