#pragma once

#include "core/audit/auditfilter.h"
#include "core/base/result.h"
#include "core/services/audit.h"
#include "models/directorysession.h"

#include <QAbstractTableModel>

namespace atrium::models {

class DbExecutor;

// One line of the before/after diff in the audit details.
struct AuditDiffLine {
    QString key;
    QString before; // compact JSON of the value; empty when absent
    QString after;
    bool changed = false;
};

// The audit log, newest first, as a window of rows read page by page on the database worker
// (keyset paging in core::AuditQuery; no COUNT(*), no per-row query). Filters go to the database.
// The retention setting (auditViewRetentionDays) only narrows what the view asks for.
class AuditLogModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AuditLogModel)
public:
    enum Column { TimeColumn, ActivityColumn, CategoryColumn, ResultColumn, ActorColumn, TargetColumn, ColumnCount };
    enum Role {
        IdRole = Qt::UserRole + 1, // qint64
        TimeMsRole,                // qint64: sorts as time, not as text
        CorrelationIdRole,
        ResultKeyRole,             // success | failure | denied
    };
    static constexpr int kPageSize = 200;

    explicit AuditLogModel(DbExecutor *executor, QObject *parent = nullptr);
    ~AuditLogModel() override;

    void setSession(SessionPtr session);
    void setFilter(const core::AuditFilter &filter); // reloads from the first page
    const core::AuditFilter &filter() const { return m_filter; }
    void setRetentionDays(int days);                 // view only; <= 0 shows everything
    int retentionDays() const { return m_retentionDays; }
    // The filter actually sent to the database (retention applied).
    core::AuditFilter effectiveFilter() const;
    void reload();

    bool isLoading() const { return m_loading; }
    const core::AuditRecord &record(int row) const { return m_rows.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    static QList<AuditDiffLine> diff(const QJsonObject &before, const QJsonObject &after);

signals:
    void loadingChanged(bool loading);
    void pageLoaded();
    void errorOccurred(const atrium::core::Error &error);

private:
    void requestPage();

    DbExecutor *m_executor = nullptr;
    SessionPtr m_session;
    core::AuditFilter m_filter;
    int m_retentionDays = 30;
    QList<core::AuditRecord> m_rows;
    core::AuditCursor m_next;
    bool m_hasMore = false;
    bool m_loading = false;
    quint64 m_generation = 0; // results of an older filter are dropped
};

} // namespace atrium::models
