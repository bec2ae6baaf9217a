#pragma once

#include "core/base/result.h"
#include "core/crosstenant/crosstenantservice.h"
#include "models/directorysession.h"

#include <QAbstractTableModel>

namespace atrium::models {

class DbExecutor;

// Partner organizations of the cross-tenant access settings, ordered by name, as a window of rows
// read page by page on the database worker (keyset paging in CrossTenantService::partners; no
// COUNT per page), so the table opens at once with 10,000 partners. The search (a part of the
// name, the start of a tenant id or of a domain) goes to the database.
class PartnersModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PartnersModel)
public:
    enum Column { NameColumn, TenantIdColumn, DomainsColumn, CloudColumn, CustomizedColumn, ColumnCount };
    enum Role {
        TenantIdRole = Qt::UserRole + 1, // QString
        RowVersionRole,                  // qint64
        CustomizedCountRole,             // int: properties the partner sets itself
    };
    static constexpr int kPageSize = 200;

    explicit PartnersModel(DbExecutor *executor, QObject *parent = nullptr);
    ~PartnersModel() override;

    void setSession(SessionPtr session);
    void setSearch(const QString &text); // reloads from the first page
    const QString &search() const { return m_search; }
    void reload();

    bool isLoading() const { return m_loading; }
    // All partners in the directory (not only the search hits); -1 until known.
    qint64 totalCount() const { return m_total; }
    const core::PartnerRecord &partner(int row) const { return m_rows.at(row); }
    // The row of a loaded partner, -1 when it is not (yet) loaded.
    int rowOf(const QString &tenantId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    static int customizedCount(const core::CrossTenantConfiguration &c);

signals:
    void loadingChanged(bool loading);
    void pageLoaded();
    void totalCountChanged(qint64 count);
    void errorOccurred(const atrium::core::Error &error);

private:
    void requestPage();
    void requestCount();

    DbExecutor *m_executor = nullptr;
    SessionPtr m_session;
    QString m_search;
    QList<core::PartnerRecord> m_rows;
    bool m_hasMore = false;
    bool m_loading = false;
    qint64 m_total = -1;
    quint64 m_generation = 0; // results of an older search are dropped
};

} // namespace atrium::models
