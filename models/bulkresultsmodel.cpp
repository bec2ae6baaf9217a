#include "models/bulkresultsmodel.h"

#include <QBrush>
#include <QColor>

namespace atrium::models {

void BulkResultsModel::setSummary(const core::BulkSummary &summary) {
    beginResetModel();
    m_summary = summary;
    endResetModel();
}

int BulkResultsModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_summary.rows.size());
}

int BulkResultsModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant BulkResultsModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const core::BulkRowResult &r = m_summary.rows.at(index.row());
    if (role == Qt::DisplayRole || role == SortRole) {
        switch (index.column()) {
        case RowColumn:
            return role == SortRole ? QVariant(r.row) : QVariant(QString::number(r.row));
        case EmailColumn:
            return r.email;
        case StatusColumn:
            return r.status;
        case MessageColumn:
            return r.message;
        case UpnColumn:
            return r.userPrincipalName;
        default:
            return {};
        }
    }
    if (role == Qt::ForegroundRole && index.column() == StatusColumn && r.status == QLatin1String("Failed")) {
        return QBrush(QColor(0xb0, 0x00, 0x20));
    }
    if (role == Qt::ToolTipRole && index.column() == MessageColumn) {
        return r.message;
    }
    return {};
}

QVariant BulkResultsModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case RowColumn:
        return tr("Row");
    case EmailColumn:
        return tr("Email");
    case StatusColumn:
        return tr("Result");
    case MessageColumn:
        return tr("Problem or message");
    case UpnColumn:
        return tr("User principal name");
    default:
        return {};
    }
}

} // namespace atrium::models
