#include "models/auditlogmodel.h"

#include "core/audit/auditquery.h"
#include "core/base/clock.h"
#include "models/dbexecutor.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QSet>

namespace atrium::models {

AuditLogModel::AuditLogModel(DbExecutor *executor, QObject *parent)
    : QAbstractTableModel(parent), m_executor(executor) {}

AuditLogModel::~AuditLogModel() = default;

void AuditLogModel::setSession(SessionPtr session) {
    m_session = std::move(session);
    reload();
}

void AuditLogModel::setFilter(const core::AuditFilter &filter) {
    m_filter = filter;
    reload();
}

void AuditLogModel::setRetentionDays(int days) {
    if (days == m_retentionDays) {
        return;
    }
    m_retentionDays = days;
    reload();
}

core::AuditFilter AuditLogModel::effectiveFilter() const {
    core::AuditFilter f = m_filter;
    if (m_retentionDays > 0 && m_session) {
        f.fromMs = qMax(f.fromMs, core::AuditQuery::retentionStartMs(m_session->clock->nowMs(), m_retentionDays));
    }
    return f;
}

void AuditLogModel::reload() {
    ++m_generation;
    beginResetModel();
    m_rows.clear();
    m_next = {};
    m_hasMore = false;
    endResetModel();
    if (m_loading) {
        m_loading = false; // the running request belongs to the old generation
        emit loadingChanged(false);
    }
    if (m_session && !m_session->isUnbound()) {
        requestPage();
    }
}

void AuditLogModel::requestPage() {
    if (!m_session || m_loading) {
        return;
    }
    m_loading = true;
    emit loadingChanged(true);
    const core::ServiceContext ctx = m_session->context();
    const core::AuditFilter filter = effectiveFilter();
    const core::AuditCursor cursor = m_next;
    const quint64 generation = m_generation;
    m_executor->call<core::Result<core::AuditPage>>(
        this, [ctx, filter, cursor] { return core::AuditQuery(ctx).page(filter, cursor, kPageSize); },
        [this, generation](const core::Result<core::AuditPage> &page) {
            if (generation != m_generation) {
                return;
            }
            if (!page.ok()) {
                m_loading = false;
                m_hasMore = false;
                emit loadingChanged(false);
                emit errorOccurred(page.error());
                return;
            }
            // The cursor moves before anyone hears of the new rows, and m_loading stays set while they
            // are inserted: views and QAbstractItemModelTester call fetchMore() from rowsInserted, which
            // with the old cursor asked for the same page again (duplicates, out of time order).
            m_next = page->next;
            m_hasMore = page->hasMore;
            if (!page->rows.isEmpty()) {
                beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + page->rows.size() - 1));
                m_rows << page->rows;
                endInsertRows();
            }
            m_loading = false;
            emit loadingChanged(false);
            emit pageLoaded();
        });
}

int AuditLogModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }
int AuditLogModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant AuditLogModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const core::AuditRecord &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return QLocale().toString(core::fromMs(r.atMs).toLocalTime(), QLocale::ShortFormat);
        case ActivityColumn:
            return r.entry.activity;
        case CategoryColumn:
            return r.entry.category;
        case ResultColumn:
            if (r.entry.result == QLatin1String("success")) {
                return tr("Success");
            }
            return r.entry.result == QLatin1String("denied") ? tr("Denied") : tr("Failure");
        case ActorColumn:
            return r.actorName;
        case TargetColumn:
            return r.entry.targetName.isEmpty() ? r.entry.targetId : r.entry.targetName;
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == ResultColumn && !r.entry.reason.isEmpty()) {
            return r.entry.reason;
        }
        return {};
    case IdRole:
        return r.id;
    case TimeMsRole:
        return r.atMs;
    case CorrelationIdRole:
        return r.entry.correlationId;
    case ResultKeyRole:
        return r.entry.result;
    default:
        return {};
    }
}

QVariant AuditLogModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case TimeColumn:
        return tr("Date");
    case ActivityColumn:
        return tr("Activity");
    case CategoryColumn:
        return tr("Category");
    case ResultColumn:
        return tr("Result");
    case ActorColumn:
        return tr("Initiated by");
    case TargetColumn:
        return tr("Target");
    default:
        return {};
    }
}

bool AuditLogModel::canFetchMore(const QModelIndex &parent) const {
    return !parent.isValid() && m_hasMore && !m_loading;
}

void AuditLogModel::fetchMore(const QModelIndex &parent) {
    if (canFetchMore(parent)) {
        requestPage();
    }
}

QList<AuditDiffLine> AuditLogModel::diff(const QJsonObject &before, const QJsonObject &after) {
    const auto text = [](const QJsonValue &v) -> QString {
        if (v.isUndefined()) {
            return {};
        }
        if (v.isString()) {
            return v.toString();
        }
        if (v.isObject()) {
            return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
        }
        if (v.isArray()) {
            return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
        }
        return QString::fromUtf8(QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact)).mid(1).chopped(1);
    };
    QStringList keys = before.keys();
    for (const QString &k : after.keys()) {
        if (!before.contains(k)) {
            keys << k;
        }
    }
    keys.sort();
    QList<AuditDiffLine> out;
    for (const QString &k : std::as_const(keys)) {
        const QJsonValue b = before.value(k);
        const QJsonValue a = after.value(k);
        out << AuditDiffLine{k, text(b), text(a), b != a};
    }
    return out;
}

} // namespace atrium::models
