#include "models/guestlistmodel.h"

#include "core/base/clock.h"
#include "core/guests/guestdirectory.h"
#include "models/dbexecutor.h"

#include <QLocale>

#include <algorithm>
#include <array>

namespace atrium::models {
namespace {
constexpr std::array kDateColumns{core::GuestColumn::InvitedOn, core::GuestColumn::StateChanged,
                                  core::GuestColumn::LastSignIn};

qint64 dateOf(const core::GuestRow &r, core::GuestColumn c) {
    switch (c) {
    case core::GuestColumn::InvitedOn:
        return r.invitedOn;
    case core::GuestColumn::StateChanged:
        return r.stateChangedAt;
    case core::GuestColumn::LastSignIn:
        return r.lastSignInAt;
    default:
        return 0;
    }
}

bool isDateColumn(core::GuestColumn c) {
    return std::find(kDateColumns.begin(), kDateColumns.end(), c) != kDateColumns.end();
}
} // namespace

GuestListModel::GuestListModel(DbExecutor *executor, QObject *parent)
    : QAbstractTableModel(parent), m_executor(executor) {}

GuestListModel::~GuestListModel() = default;

void GuestListModel::setSession(SessionPtr session) {
    m_session = std::move(session);
    reload();
}

void GuestListModel::setQuery(const core::GuestQuery &query) {
    m_query = query;
    reload();
}

void GuestListModel::setSearch(const QString &search) {
    if (search == m_query.search) {
        return;
    }
    m_query.search = search;
    reload();
}

void GuestListModel::sort(int column, Qt::SortOrder order) {
    if (column < 0 || column >= core::kGuestColumnCount) {
        return;
    }
    const auto c = static_cast<core::GuestColumn>(column);
    if (c == m_query.sortColumn && order == m_query.order && m_loadedOnce) {
        return; // QTableView::setSortingEnabled() sorts once by the current indicator
    }
    m_query.sortColumn = c;
    m_query.order = order;
    reload();
}

core::GuestQuery GuestListModel::effectiveQuery() const {
    core::GuestQuery q = m_query;
    q.asOfMs = m_asOfMs;
    return q;
}

void GuestListModel::reload() {
    ++m_generation;
    beginResetModel();
    m_rows.clear();
    m_next.reset();
    m_windowStart.reset();
    m_droppedCursors.clear();
    m_hasMore = false;
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
        // The first page first: on the single worker the count runs after it, so rows show sooner.
        requestPage(std::nullopt, Direction::Append);
        requestCount();
    }
}

void GuestListModel::setLoading(bool loading) {
    if (loading != m_loading) {
        m_loading = loading;
        emit loadingChanged(loading);
    }
}

void GuestListModel::requestPage(const std::optional<core::GuestCursor> &cursor, Direction direction) {
    if (!m_session || m_loading) {
        return;
    }
    setLoading(true);
    const std::shared_ptr<core::Database> db = m_session->database;
    const core::GuestQuery query = effectiveQuery();
    const quint64 generation = m_generation;
    m_executor->call<core::Result<core::GuestPage>>(
        this,
        [db, query, cursor]() -> core::Result<core::GuestPage> {
            auto c = db->connection();
            if (!c.ok()) {
                return c.error();
            }
            return core::GuestDirectory::fetchPage(*c, db->engine(), query, cursor, kPageSize);
        },
        [this, generation, cursor, direction](const core::Result<core::GuestPage> &page) {
            if (generation != m_generation) {
                return; // an older search, filter or sort
            }
            setLoading(false);
            m_loadedOnce = true;
            if (!page.ok()) {
                m_hasMore = false;
                emit errorOccurred(page.error());
                emit emptyStateChanged();
                return;
            }
            const QList<core::GuestRow> &rows = page->rows;
            if (direction == Direction::Append) {
                // The cursor moves before anyone hears of the rows: a view (or the model tester) may
                // call fetchMore() from the rowsInserted handler.
                m_next = page->next;
                m_hasMore = page->next.has_value();
                if (!rows.isEmpty()) {
                    // One notification per page, never per row.
                    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + rows.size() - 1));
                    m_rows << rows;
                    endInsertRows();
                }
                if (m_rows.size() > kMaxRows) {
                    // Keep the window: drop the oldest page and remember where it starts.
                    const int n = kPageSize;
                    m_droppedCursors.append(m_windowStart);
                    m_windowStart = cursorOf(m_rows.at(n - 1));
                    beginRemoveRows({}, 0, n - 1);
                    m_rows.remove(0, n);
                    endRemoveRows();
                    emit rowsDroppedAtTop(n);
                }
            } else {
                if (!rows.isEmpty()) {
                    m_droppedCursors.removeLast();
                    m_windowStart = cursor;
                    beginInsertRows({}, 0, int(rows.size() - 1));
                    m_rows = rows + m_rows;
                    endInsertRows();
                    emit rowsRestoredAtTop(int(rows.size()));
                }
                if (m_rows.size() > kMaxRows) {
                    const int first = int(m_rows.size()) - kPageSize;
                    beginRemoveRows({}, first, int(m_rows.size()) - 1);
                    m_rows.remove(first, kPageSize);
                    endRemoveRows();
                    m_next = cursorOf(m_rows.constLast());
                    m_hasMore = true;
                }
            }
            emit emptyStateChanged();
            emit pageLoaded();
        });
}

void GuestListModel::requestCount() {
    const std::shared_ptr<core::Database> db = m_session->database;
    const core::GuestQuery query = effectiveQuery();
    const quint64 generation = m_generation;
    m_executor->call<core::Result<core::GuestCount>>(
        this,
        [db, query]() -> core::Result<core::GuestCount> {
            auto c = db->connection();
            if (!c.ok()) {
                return c.error();
            }
            return core::GuestDirectory::count(*c, db->engine(), query);
        },
        [this, generation](const core::Result<core::GuestCount> &count) {
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

void GuestListModel::fetchPrevious() {
    if (canFetchPrevious()) {
        requestPage(m_droppedCursors.constLast(), Direction::Prepend);
    }
}

QString GuestListModel::emptyStateText() const {
    if (!m_session || m_session->isUnbound() || m_loading || !m_loadedOnce || !m_rows.isEmpty()) {
        return {};
    }
    if (m_query.hasFilter()) {
        return tr("No guests match the search and filters. Clear them to see every guest.");
    }
    return tr("This directory has no guest users yet. Invite one with \"Invite Guest…\".");
}

int GuestListModel::rowOfId(const QString &id) const {
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).id == id) {
            return i;
        }
    }
    return -1;
}

int GuestListModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }

int GuestListModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : core::kGuestColumnCount;
}

QString GuestListModel::stateText(core::ExternalUserState s) {
    switch (s) {
    case core::ExternalUserState::PendingAcceptance:
        return tr("Pending acceptance");
    case core::ExternalUserState::Accepted:
        return tr("Accepted");
    }
    return {};
}

QString GuestListModel::creationTypeText(core::CreationType c) {
    switch (c) {
    case core::CreationType::Invitation:
        return tr("Invitation");
    case core::CreationType::SelfServiceSignUp:
        return tr("Self-service sign-up");
    }
    return {};
}

QVariant GuestListModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const core::GuestRow &r = m_rows.at(index.row());
    const auto column = static_cast<core::GuestColumn>(index.column());
    switch (role) {
    case Qt::DisplayRole:
        if (isDateColumn(column)) {
            const qint64 ms = dateOf(r, column);
            if (ms <= 0) {
                return column == core::GuestColumn::LastSignIn ? tr("Never") : QString();
            }
            return QLocale().toString(core::fromMs(ms).toLocalTime(), QLocale::ShortFormat);
        }
        if (column == core::GuestColumn::State) {
            return r.state ? stateText(*r.state) : QString();
        }
        if (column == core::GuestColumn::CreationType) {
            return r.creationType ? creationTypeText(*r.creationType) : QString();
        }
        return r.text(column);
    case SortRole:
        if (isDateColumn(column)) {
            const qint64 ms = dateOf(r, column);
            return ms > 0 ? QVariant(core::fromMs(ms)) : QVariant(QDateTime());
        }
        if (column == core::GuestColumn::SignInBlocked) {
            return r.signInBlocked;
        }
        if (column == core::GuestColumn::State) {
            return r.state ? QVariant(int(*r.state)) : QVariant();
        }
        if (column == core::GuestColumn::CreationType) {
            return r.creationType ? QVariant(int(*r.creationType)) : QVariant();
        }
        return r.text(column);
    case Qt::ToolTipRole:
        if (column == core::GuestColumn::Sponsors && !r.sponsorNames.isEmpty()) {
            return r.sponsorNames.join(QStringLiteral(", "));
        }
        if (isDateColumn(column) && dateOf(r, column) > 0) {
            return QLocale().toString(core::fromMs(dateOf(r, column)).toLocalTime(), QLocale::LongFormat);
        }
        return {};
    case IdRole:
        return r.id;
    case RowVersionRole:
        return r.rowVersion;
    case BlockedRole:
        return r.signInBlocked;
    case StateRole:
        return r.state ? QVariant(int(*r.state)) : QVariant();
    default:
        return {};
    }
}

QVariant GuestListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || section < 0 || section >= core::kGuestColumnCount) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        return core::guestColumnLabel(static_cast<core::GuestColumn>(section));
    }
    return {};
}

bool GuestListModel::canFetchMore(const QModelIndex &parent) const {
    return !parent.isValid() && m_hasMore && !m_loading;
}

void GuestListModel::fetchMore(const QModelIndex &parent) {
    if (canFetchMore(parent)) {
        requestPage(m_next, Direction::Append);
    }
}

} // namespace atrium::models
