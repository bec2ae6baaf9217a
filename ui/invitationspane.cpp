#include "ui/invitationspane.h"

#include "core/services/permissions.h"
#include "models/invitationlistmodel.h"
#include "ui/guestactions.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPushButton>
#include <QSet>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

namespace atrium::ui {
namespace {
template <typename W> W *named(W *w, const char *objectName, const QString &accessible) {
    w->setObjectName(QString::fromLatin1(objectName));
    w->setAccessibleName(accessible);
    return w;
}
} // namespace

InvitationsPane::InvitationsPane(models::DbExecutor *executor, QWidget *parent)
    : Pane(executor, parent), m_model(new models::InvitationListModel(executor, this)) {
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);

    auto *bar = new QHBoxLayout;
    m_pendingCheck = named(new QCheckBox(tr("Pending for more than"), this), "invitationPendingFilter",
                           tr("Only invitations pending for more than a number of days"));
    m_pendingDays = named(new QSpinBox(this), "invitationPendingDays", tr("Days pending"));
    m_pendingDays->setRange(1, 3650);
    m_pendingDays->setValue(30);
    m_pendingDays->setSuffix(tr(" days"));
    m_pendingDays->setEnabled(false);
    m_notSent = named(new QCheckBox(tr("Mail not sent"), this), "invitationNotSentFilter",
                      tr("Only invitations whose email is still queued or failed to send"));
    m_resend = named(new QPushButton(tr("Resend Invitation"), this), "invitationResendButton",
                     tr("Resend the invitation"));
    m_copyLink = named(new QPushButton(tr("Copy Redemption Link"), this), "invitationCopyLinkButton",
                       tr("Copy the redemption link"));
    m_count = named(new QLabel(this), "invitationCount", tr("Number of invitations"));
    for (QWidget *w : std::initializer_list<QWidget *>{m_pendingCheck, m_pendingDays, m_notSent}) {
        bar->addWidget(w);
    }
    bar->addSpacing(16);
    bar->addWidget(m_resend);
    bar->addWidget(m_copyLink);
    bar->addStretch(1);
    bar->addWidget(m_count);
    layout->addLayout(bar);

    m_emptyState = named(new QLabel(this), "invitationEmptyState", tr("No invitations"));
    m_emptyState->setWordWrap(true);
    m_emptyState->setAlignment(Qt::AlignCenter);
    m_emptyState->setMargin(12);
    m_emptyState->hide();
    layout->addWidget(m_emptyState);

    m_table = named(new QTableView(this), "invitationTable", tr("Invitations"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    // Fixed row height and column widths: nothing is measured over all rows.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    auto *header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setStretchLastSection(true);
    const int ch = fontMetrics().averageCharWidth();
    const int widths[] = {30, 22, 22, 30, 20, 16, 8};
    for (int c = 0; c < models::InvitationListModel::ColumnCount; ++c) {
        header->resizeSection(c, widths[c] * ch + 16);
    }
    layout->addWidget(m_table, 1);

    connect(m_pendingCheck, &QCheckBox::toggled, m_pendingDays, &QWidget::setEnabled);
    connect(m_pendingCheck, &QCheckBox::toggled, this, &InvitationsPane::applyFilters);
    connect(m_pendingDays, &QSpinBox::editingFinished, this, &InvitationsPane::applyFilters);
    connect(m_notSent, &QCheckBox::toggled, this, &InvitationsPane::applyFilters);
    connect(m_resend, &QPushButton::clicked, this, &InvitationsPane::resendInvitation);
    connect(m_copyLink, &QPushButton::clicked, this, &InvitationsPane::copyRedemptionLink);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &InvitationsPane::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &InvitationsPane::updateActions);
    connect(m_model, &models::InvitationListModel::countChanged, m_count, &QLabel::setText);
    connect(m_model, &models::InvitationListModel::emptyStateChanged, this, &InvitationsPane::updateEmptyState);
    connect(m_model, &models::InvitationListModel::errorOccurred, this, &Pane::errorOccurred);
    updateActions();
}

InvitationsPane::~InvitationsPane() = default;

void InvitationsPane::setSession(models::SessionPtr session) {
    m_session = std::move(session);
    m_count->clear();
    m_model->setSession(m_session);
    updateActions();
}

void InvitationsPane::reload() { m_model->reload(); }

void InvitationsPane::setCapabilities(const Capabilities &caps) {
    m_caps = caps;
    updateActions();
}

void InvitationsPane::applyFilters() {
    core::InvitationListQuery q = m_model->query();
    q.pendingOlderThanDays = m_pendingCheck->isChecked() ? m_pendingDays->value() : 0;
    q.mailNotSent = m_notSent->isChecked();
    if (!(q == m_model->query())) {
        m_model->setQuery(q);
    }
}

QStringList InvitationsPane::selectedUserIds() const {
    QStringList ids;
    QSet<QString> seen;
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    for (const QModelIndex &i : rows) {
        const QString id = m_model->invitation(i.row()).userId;
        if (!seen.contains(id)) {
            seen.insert(id);
            ids << id;
        }
    }
    return ids;
}

void InvitationsPane::updateActions() {
    const int guests = int(selectedUserIds().size());
    // The same permissions as the Guest users pane's buttons for the same actions.
    for (const auto &[button, one] : {std::pair{m_resend, false}, std::pair{m_copyLink, true}}) {
        m_caps.apply(button, core::Permission::ResendInvitation);
        if (!m_caps.can(core::Permission::ResendInvitation)) {
            continue; // disabled, the tooltip names the role
        }
        const bool ready = m_session && (one ? guests == 1 : guests > 0);
        button->setEnabled(ready);
        button->setToolTip(ready ? QString() : one ? tr("Select one invitation.") : tr("Select invitations first."));
    }
}

void InvitationsPane::updateEmptyState() {
    const QString text = m_model->emptyStateText();
    m_emptyState->setText(text);
    m_emptyState->setVisible(!text.isEmpty());
}

void InvitationsPane::resendInvitation() {
    QList<GuestActions::Target> targets;
    QSet<QString> seen;
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    for (const QModelIndex &i : rows) {
        const core::InvitationRow &r = m_model->invitation(i.row());
        if (!seen.contains(r.userId)) {
            seen.insert(r.userId);
            targets.append({r.userId, r.guestName.isEmpty() ? r.email : r.guestName});
        }
    }
    const QString action = tr("Resend invitation");
    GuestActions::run(executor(), this, m_session, action, targets, GuestActions::resend(),
                      [this, action](const std::optional<core::Error> &error, int succeeded, int failed) {
                          if (error) {
                              emit errorOccurred(*error);
                          }
                          m_model->reload();
                          emit actionFinished(action, succeeded, failed);
                      });
}

void InvitationsPane::copyRedemptionLink() {
    const QStringList ids = selectedUserIds();
    if (ids.size() != 1) {
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

} // namespace atrium::ui
