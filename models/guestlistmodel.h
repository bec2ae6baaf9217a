#pragma once

#include "core/base/result.h"
#include "core/guests/guestquery.h"
#include "core/guests/guestrow.h"
#include "models/directorysession.h"

#include <QAbstractTableModel>

#include <optional>

namespace atrium::models {

class DbExecutor;

// The guest users of the directory as a window of rows over core::GuestDirectory: search, filters
// and sort go to the database, pages come by keyset on the database worker, never on the GUI thread.
//
// The window: fetchMore() appends the next keyset page; once more than kMaxRows rows are held, the
// oldest page at the top is dropped (rowsDroppedAtTop) and its start cursor kept, so scrolling back
// up re-reads it with fetchPrevious() (rowsRestoredAtTop) and drops a page at the bottom instead.
// Memory therefore stays bounded when someone scrolls through a million guests.
//
// Every request carries the generation it was made for; a newer query (search, filter, sort,
// reload) bumps the generation and results of older ones are dropped when they arrive.
class GuestListModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GuestListModel)
    Q_PROPERTY(QString countText READ countText NOTIFY countChanged)
    Q_PROPERTY(QString emptyStateText READ emptyStateText NOTIFY emptyStateChanged)
    Q_PROPERTY(bool loading READ isLoading NOTIFY loadingChanged)
public:
    enum Role {
        IdRole = Qt::UserRole + 1, // QString: the guest's object id
        SortRole,                  // raw value: dates as QDateTime (null = never), booleans as bool
        RowVersionRole,            // qint64
        BlockedRole,               // bool
        StateRole,                 // int(core::ExternalUserState) or invalid
    };
    static constexpr int kPageSize = 200;
    static constexpr int kMaxRows = 10000; // the window; a multiple of kPageSize

    explicit GuestListModel(DbExecutor *executor, QObject *parent = nullptr);
    ~GuestListModel() override;

    void setSession(SessionPtr session);
    // Search, filters and sort together; reloads from the first page.
    void setQuery(const core::GuestQuery &query);
    const core::GuestQuery &query() const { return m_query; }
    void setSearch(const QString &search);
    // Reads again from the first page (after an action, F5).
    void reload();

    bool isLoading() const { return m_loading; }
    // The generation of the rows shown; bumps with every new query.
    quint64 generation() const { return m_generation; }
    // "1,234 guests", "more than 10,000 guests"; empty while counting.
    QString countText() const { return m_countText; }
    std::optional<core::GuestCount> count() const { return m_count; }
    // Non-empty when the query has finished and shows nothing: what to tell the operator.
    QString emptyStateText() const;
    // The window's first row is not the first guest (pages above were dropped).
    bool canFetchPrevious() const { return !m_droppedCursors.isEmpty() && !m_loading; }
    void fetchPrevious();

    const core::GuestRow &guest(int row) const { return m_rows.at(row); }
    int rowOfId(const QString &id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    // Sorts in the database: a new query from the first page.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    static QString stateText(core::ExternalUserState s);
    static QString creationTypeText(core::CreationType c);

signals:
    void loadingChanged(bool loading);
    void pageLoaded();
    void countChanged(const QString &text);
    void emptyStateChanged();
    void rowsDroppedAtTop(int count);
    void rowsRestoredAtTop(int count);
    void errorOccurred(const atrium::core::Error &error);

private:
    enum class Direction { Append, Prepend };
    void requestPage(const std::optional<core::GuestCursor> &cursor, Direction direction);
    void requestCount();
    void setLoading(bool loading);
    core::GuestQuery effectiveQuery() const;
    static core::GuestCursor cursorOf(const core::GuestRow &row) { return {row.sortKey, row.id}; }

    DbExecutor *m_executor = nullptr;
    SessionPtr m_session;
    core::GuestQuery m_query;
    qint64 m_asOfMs = 0; // fixed per generation, so that paging a day filter sees one "now"
    QList<core::GuestRow> m_rows;
    std::optional<core::GuestCursor> m_next;
    std::optional<core::GuestCursor> m_windowStart;          // precedes m_rows.first(); nullopt: the start
    QList<std::optional<core::GuestCursor>> m_droppedCursors; // where each dropped page at the top starts
    bool m_hasMore = false;
    bool m_loading = false;
    bool m_loadedOnce = false;
    std::optional<core::GuestCount> m_count;
    QString m_countText;
    quint64 m_generation = 0;
};

} // namespace atrium::models
