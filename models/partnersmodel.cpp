#include "models/partnersmodel.h"

#include "models/dbexecutor.h"

namespace atrium::models {

PartnersModel::PartnersModel(DbExecutor *executor, QObject *parent)
    : QAbstractTableModel(parent), m_executor(executor) {}

PartnersModel::~PartnersModel() = default;

void PartnersModel::setSession(SessionPtr session) {
    m_session = std::move(session);
    reload();
}

void PartnersModel::setSearch(const QString &text) {
    const QString s = text.trimmed();
    if (s == m_search) {
        return;
    }
    m_search = s;
    reload();
}

void PartnersModel::reload() {
    ++m_generation;
    // State first, signals after: views and QAbstractItemModelTester call fetchMore() from inside
    // the reset signals, and a request they start must not be forgotten or doubled afterwards.
    const bool wasLoading = m_loading;
    m_loading = false; // a running request belongs to the old generation
    m_hasMore = false;
    beginResetModel();
    m_rows.clear();
    endResetModel();
    if (wasLoading && !m_loading) {
        emit loadingChanged(false);
    }
    if (m_session && !m_session->isUnbound()) {
        requestPage();
        requestCount();
    }
}

int PartnersModel::rowOf(const QString &tenantId) const {
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).config.tenantId == tenantId) {
            return i;
        }
    }
    return -1;
}

void PartnersModel::requestCount() {
    const core::ServiceContext ctx = m_session->context();
    const quint64 generation = m_generation;
    m_executor->call<core::Result<qint64>>(
        this, [ctx] { return core::CrossTenantService(ctx).partnerCount(); },
        [this, generation](const core::Result<qint64> &n) {
            if (generation != m_generation || !n.ok()) {
                return; // the page request reports errors; a count is only a hint
            }
            m_total = *n;
            emit totalCountChanged(m_total);
        });
}

void PartnersModel::requestPage() {
    if (!m_session || m_loading) {
        return;
    }
    m_loading = true;
    emit loadingChanged(true);
    const core::ServiceContext ctx = m_session->context();
    core::PartnerQuery q;
    q.search = m_search;
    q.limit = kPageSize;
    if (!m_rows.isEmpty()) {
        q.afterName = m_rows.constLast().config.name.toLower();
        q.afterTenantId = m_rows.constLast().config.tenantId;
    }
    const quint64 generation = m_generation;
    m_executor->call<core::Result<core::PartnerPage>>(
        this, [ctx, q] { return core::CrossTenantService(ctx).partners(q); },
        [this, generation](const core::Result<core::PartnerPage> &page) {
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
            // Still "loading" while the rows are announced: views and QAbstractItemModelTester call
            // fetchMore() from inside the insert signals, and a request started there would page
            // from a cursor that is about to move (the same page twice).
            if (!page->partners.isEmpty()) {
                beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + page->partners.size() - 1));
                m_rows << page->partners;
                endInsertRows();
            }
            m_hasMore = page->hasMore;
            m_loading = false;
            emit loadingChanged(false);
            emit pageLoaded();
        });
}

int PartnersModel::customizedCount(const core::CrossTenantConfiguration &c) {
    int n = 0;
    for (core::CrossTenantProperty p : core::allCrossTenantProperties()) {
        n += c.isSet(p) ? 1 : 0;
    }
    return n;
}

int PartnersModel::rowCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : int(m_rows.size()); }
int PartnersModel::columnCount(const QModelIndex &parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant PartnersModel::data(const QModelIndex &index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const core::PartnerRecord &r = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return r.config.name;
        case TenantIdColumn:
            return r.config.tenantId;
        case DomainsColumn:
            return r.config.domains.join(QStringLiteral(", "));
        case CloudColumn:
            switch (r.config.cloud) {
            case core::Cloud::global:
                return tr("Microsoft Azure Commercial");
            case core::Cloud::usgov:
                return tr("Microsoft Azure Government");
            case core::Cloud::china:
                return tr("Microsoft Azure China");
            }
            return {};
        case CustomizedColumn: {
            const int n = customizedCount(r.config);
            return n == 0 ? tr("Inherited from default") : tr("%n setting(s) customized", nullptr, n);
        }
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == DomainsColumn) {
            return r.config.domains.join(QLatin1Char('\n'));
        }
        return {};
    case TenantIdRole:
        return r.config.tenantId;
    case RowVersionRole:
        return r.rowVersion;
    case CustomizedCountRole:
        return customizedCount(r.config);
    default:
        return {};
    }
}

QVariant PartnersModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case NameColumn:
        return tr("Name");
    case TenantIdColumn:
        return tr("Tenant ID");
    case DomainsColumn:
        return tr("Domains");
    case CloudColumn:
        return tr("Cloud");
    case CustomizedColumn:
        return tr("Settings");
    default:
        return {};
    }
}

bool PartnersModel::canFetchMore(const QModelIndex &parent) const {
    return !parent.isValid() && m_hasMore && !m_loading;
}

void PartnersModel::fetchMore(const QModelIndex &parent) {
    if (canFetchMore(parent)) {
        requestPage();
    }
}

} // namespace atrium::models
