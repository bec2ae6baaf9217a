#pragma once

#include "core/base/result.h"
#include "core/guests/invitationlist.h"
#include "models/directorysession.h"

#include <QAbstractTableModel>

#include <optional>

namespace atrium::models {

class DbExecutor;

// The invitations of the directory, newest first, as pages read by keyset on the database worker
// (core::InvitationList): the filters go to the database, canFetchMore()/fetchMore() append the next
// page, results of an older query (filter change, reload) are dropped when they arrive.
class InvitationListModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(InvitationListModel)
public:
    enum Column { Email, Guest, Status, Mail, InvitedBy, InvitedOn, Age, ColumnCount };
    enum Role {
        IdRole = Qt::UserRole + 1, // QString: the invitation id
        UserIdRole,                // QString: the guest's object id (what the guest actions act on)
        StatusRole,                // int(core::InvitationStatus)
        MailRole,                  // int(core::InvitationMail)
        SortRole,                  // raw value (dates as QDateTime)
    };
    static constexpr int kPageSize = 200;

    explicit InvitationListModel(DbExecutor *executor, QObject *parent = nullptr);
    ~InvitationListModel() override;

    void setSession(SessionPtr session);
    void setQuery(const core::InvitationListQuery &query); // reloads from the first page
    const core::InvitationListQuery &query() const { return m_query; }
    void reload();

    bool isLoading() const { return m_loading; }
    QString countText() const { return m_countText; }
    std::optional<core::InvitationList::Count> count() const { return m_count; }
    QString emptyStateText() const;
    const core::InvitationRow &invitation(int row) const { return m_rows.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    static QString statusText(const core::InvitationRow &r); // "Pending", "Not sent yet", "Failed to send", ...
    static QString mailText(const core::InvitationRow &r);

signals:
    void loadingChanged(bool loading);
    void pageLoaded();
    void countChanged(const QString &text);
    void emptyStateChanged();
    void errorOccurred(const atrium::core::Error &error);

private:
    void requestPage(const std::optional<core::InvitationCursor> &cursor);
    void requestCount();
    void setLoading(bool loading);

    DbExecutor *m_executor = nullptr;
    SessionPtr m_session;
    core::InvitationListQuery m_query;
    qint64 m_asOfMs = 0; // "now" fixed per generation: the day filter and the age column
    QList<core::InvitationRow> m_rows;
    std::optional<core::InvitationCursor> m_next;
    bool m_loading = false;
    bool m_loadedOnce = false;
    std::optional<core::InvitationList::Count> m_count;
    QString m_countText;
    quint64 m_generation = 0;
};

} // namespace atrium::models
