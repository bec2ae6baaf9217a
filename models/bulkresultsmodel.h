#pragma once

#include "core/invitations/bulkinvite.h"

#include <QAbstractTableModel>

namespace atrium::models {

// Per-row results of a bulk invite (validation preview or run), for the bulk invite dialog.
class BulkResultsModel final : public QAbstractTableModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BulkResultsModel)
public:
    enum Column { RowColumn, EmailColumn, StatusColumn, MessageColumn, UpnColumn, ColumnCount };
    enum Role { SortRole = Qt::UserRole + 1 };

    explicit BulkResultsModel(QObject *parent = nullptr) : QAbstractTableModel(parent) {}

    void setSummary(const core::BulkSummary &summary);
    const core::BulkSummary &summary() const { return m_summary; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    core::BulkSummary m_summary;
};

} // namespace atrium::models
