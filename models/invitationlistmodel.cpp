#include "models/invitationlistmodel.h"

#include "core/base/clock.h"
#include "models/dbexecutor.h"

#include <QLocale>

namespace atrium::models {
namespace {
constexpr qint64 kDayMs = 24LL * 3600 * 1000;

QString dateText(qint64 ms) {
    return ms > 0 ? QLocale().toString(core::fromMs(ms).toLocalTime(), QLocale::ShortFormat) : QString();
}
} // namespace

InvitationListModel::InvitationListModel(DbExecutor *executor, QObject *parent)
    : QAbstractTableModel(parent), m_executor(executor) {}

InvitationListModel::~InvitationListModel() = default;

void InvitationListModel::setSession(SessionPtr session) {
    m_session = std::move(session);
    reload();
}

void InvitationListModel::setQuery(const core::InvitationListQuery &query) {
    m_query = query;
    reload();
}

void InvitationListModel::reload() {
    ++m_generation;
    beginResetModel();
    m_rows.clear();
    m_next.reset();
    m_loadedOnce = false;
    endResetModel();
    setLoading(false); // a running request belongs to the old generation
    const bool hadCount = m_count.has_value() || !m_countText.isEmpty();
    m_count.reset();
    m_countText.clear();
    if (hadCount) {
        emit countChanged(m_countText);
    }
    emit emptyStateChanged();
    if (m_session && !m_session->isUnbound()) {
        m_asOfMs = m_session->clock->nowMs();
        requestPage(std::nullopt);
        requestCount();
    }
}

void InvitationListModel::setLoading(bool loading) {
    if (loading != m_loading) {
        m_loading = loading;
        emit loadingChanged(loading);
    }
}

void InvitationListModel::requestPage(const std::optional<core::InvitationCursor> &cursor) {
    if (!m_session || m_loading) {
        return;
    }
    setLoading(true);
    const std::shared_ptr<core::Database> db = m_session->database;
    core::InvitationListQuery query = m_query;
    query.asOfMs = m_asOfMs;
    const quint64 generation = m_generation;
    m_executor->call<core::Result<core::InvitationPage>>(
        this,
        [db, query, cursor]() -> core::Result<core::InvitationPage> {
            auto c = db->connection();
            if (!c.ok()) {
                return c.error();
            }
            return core::InvitationList::fetchPage(*c, db->engine(), query, cursor, kPageSize);
        },
        [this, generation](const core::Result<core::InvitationPage> &page) {
            if (generation != m_generation) {
                return; // an older filter
            }
            setLoading(false);
            m_loadedOnce = true;
            if (!page.ok()) {
                m_next.reset();
                emit errorOccurred(page.error());
                emit emptyStateChanged();
                return;
            }
            // The cursor moves before anyone hears of the rows (a view may fetch more from rowsInserted).
            m_next = page->next;
            if (!page->rows.isEmpty()) {
                beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + page->rows.size() - 1));
                m_rows << page->rows;
                endInsertRows();
            }
            emit emptyStateChanged();
            emit pageLoaded();
        });
}

void InvitationListModel::requestCount() {
    const std::shared_ptr<core::Database> db = m_session->database;
    core::InvitationListQuery query = m_query;
    query.asOfMs = m_asOfMs;
    const quint64 generation = m_generation;
    m_executor->call<core::Result<core::InvitationList::Count>>(
        this,
        [db, query]() -> core::Result<core::InvitationList::Count> {
            auto c = db->connection();
            if (!c.ok()) {
                return c.error();
            }
            return core::InvitationList::count(*c, db->engine(), query);
        },
        [this, generation](const core::Result<core::InvitationList::Count> &count) {
            if (generation != m_generation) {
                return;
            }
            if (!count.ok()) {
                emit errorOccurred(count.error());
                return;
            }
            m_count = *count;
            m_countText = count->text();
            emit countChanged(m_countText);
        });
}

QString InvitationListModel::emptyStateText() const {
    if (!m_session || m_session->isUnbound() || m_loading || !m_loadedOnce || !m_rows.isEmpty()) {
        return {};
    }
    if (m_query.hasFilter()) {
        return tr("No invitations match the filters. Clear them to see every invitation.");
    }
    return tr("No invitations yet. Invite a guest in \"Guest users\" with \"Invite Guest…\".");
}

int InvitationListModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int InvitationListModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QString InvitationListModel::statusText(const core::InvitationRow &r) {
    switch (r.status) {
    case core::InvitationStatus::Completed:
        return tr("Accepted");
    case core::InvitationStatus::InProgress:
        return tr("Redeeming");
    case core::InvitationStatus::Error:
        return tr("Replaced (redemption reset)");
    case core::InvitationStatus::PendingAcceptance:
        break;
    }
    switch (r.mail) {
    case core::InvitationMail::NotSentYet:
        return tr("Pending, not sent yet");
    case core::InvitationMail::Failed:
        return tr("Pending, failed to send");
    default:
        return tr("Pending");
    }
}

QString InvitationListModel::mailText(const core::InvitationRow &r) {
    switch (r.mail) {
    case core::InvitationMail::NotRequested:
        return tr("Not requested (link only)");
    case core::InvitationMail::NotSentYet:
        return r.attempts > 0 ? tr("Not sent yet (%n attempt(s), retrying)", nullptr, r.attempts)
                              : tr("Not sent yet (queued)");
    case core::InvitationMail::Sent:
        return tr("Sent %1").arg(dateText(r.sentAt));
    case core::InvitationMail::Failed:
        return tr("Failed to send");
    case core::InvitationMail::Cancelled:
        return tr("Not sent (unsubscribed or replaced)");
    }
    return {};
}

QVariant InvitationListModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const core::InvitationRow &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Email:
            return r.email;
        case Guest:
            return r.guestName;
        case Status:
            return statusText(r);
        case Mail:
            return mailText(r);
        case InvitedBy:
            return r.invitedByName;
        case InvitedOn:
            return dateText(r.createdAt);
        case Age: {
            const qint64 days = std::max<qint64>(0, (m_asOfMs - r.createdAt) / kDayMs);
            return days == 0 ? tr("today") : tr("%n day(s)", nullptr, int(days));
        }
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == Mail && !r.lastError.isEmpty()) {
            return tr("Last error: %1").arg(r.lastError);
        }
        if (index.column() == InvitedOn) {
            return QLocale().toString(core::fromMs(r.createdAt).toLocalTime(), QLocale::LongFormat);
        }
        return {};
    case SortRole:
        if (index.column() == InvitedOn || index.column() == Age) {
            return core::fromMs(r.createdAt);
        }
        return data(index, Qt::DisplayRole);
    case IdRole:
        return r.id;
    case UserIdRole:
        return r.userId;
    case StatusRole:
        return int(r.status);
    case MailRole:
        return int(r.mail);
    default:
        return {};
    }
}

QVariant InvitationListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount ||
        (role != Qt::DisplayRole && role != Qt::ToolTipRole)) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case Email:
        return tr("Invited email");
    case Guest:
        return tr("Guest");
    case Status:
        return tr("Status");
    case Mail:
        return tr("Invitation email");
    case InvitedBy:
        return tr("Invited by");
    case InvitedOn:
        return tr("Invited on");
    case Age:
        return tr("Age");
    default:
        return {};
    }
}

bool InvitationListModel::canFetchMore(const QModelIndex &parent) const {
    return !parent.isValid() && m_next.has_value() && !m_loading;
}

void InvitationListModel::fetchMore(const QModelIndex &parent) {
    if (canFetchMore(parent)) {
        requestPage(m_next);
    }
}

} // namespace atrium::models
