// Cross-tenant access speed (issue 5 targets): >= 1,000,000 access decisions per second on one
// core with 10,000 partners, and a what-if answered in <= 10 ms (through the service, from a
// SQLite directory holding the 10,000 partners, and from the in-memory snapshot).
#include "core/crosstenant/accessevaluator.h"
#include "core/crosstenant/crosstenantservice.h"
#include "core/services/directoryservice.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <vector>

using namespace atrium::core;

namespace {
constexpr int kPartners = 10000;

QString tenant(int i) { return QStringLiteral("00000000-0000-4000-8000-%1").arg(i + 1, 12, 10, QLatin1Char('0')); }

QList<CrossTenantConfiguration> partners() {
    QList<CrossTenantConfiguration> out;
    for (int i = 0; i < kPartners; ++i) {
        auto p = CrossTenantConfiguration::partner(tenant(i), QStringLiteral("Partner %1").arg(i), {QStringLiteral("partner%1.example").arg(i)});
        switch (i % 4) {
        case 0:
            p.inboundTrust = InboundTrust{true, false, false};
            p.automaticRedemptionInbound = true;
            break;
        case 1:
            p.b2bCollaborationInbound = B2BSetting{{AccessType::allowed, {{QStringLiteral("g-1"), TargetType::group}, {QStringLiteral("u-7"), TargetType::user}}},
                                                   {AccessType::allowed, {{QStringLiteral("app-1"), TargetType::application}}}};
            break;
        case 2:
            p.b2bCollaborationInbound = B2BSetting::all(AccessType::blocked);
            break;
        default:
            break; // inherits everything
        }
        out << p;
    }
    return out;
}

QList<ConditionalAccessPolicy> policies() {
    QList<ConditionalAccessPolicy> out;
    for (int i = 0; i < 5; ++i) {
        ConditionalAccessPolicy p;
        p.id = QStringLiteral("ca-%1").arg(i);
        p.displayName = QStringLiteral("Policy %1").arg(i);
        p.guestOrExternalUserTypes = userTypeBit(ExternalUserType::b2bCollaborationGuest);
        p.allExternalTenants = i != 3;
        p.externalTenants = {tenant(3), tenant(5)};
        p.allApplications = i % 2 == 0;
        p.applications = {QStringLiteral("app-1")};
        p.grant = i == 4 ? cagrant::TermsOfUse : cagrant::Mfa;
        p.termsOfUse = {QStringLiteral("tou")};
        p.state = i == 2 ? ConditionalAccessState::reportOnly : ConditionalAccessState::enabled;
        out << p;
    }
    return out;
}

void line(const char *name, double value, const char *unit, const char *op, double target) {
    const bool pass = QLatin1String(op) == QLatin1String(">=") ? value >= target : value <= target;
    QTextStream(stdout) << "BENCH " << name << ": " << QString::number(value, 'f', value < 100 ? 3 : 0) << ' ' << unit
                        << " (target " << op << ' ' << QString::number(target, 'f', target < 100 ? 0 : 0) << ' ' << unit << ") "
                        << (pass ? "PASS" : "MISS") << Qt::endl;
}
} // namespace

int main() {
    const QList<CrossTenantConfiguration> ps = partners();
    const CrossTenantSnapshot snap(CrossTenantConfiguration::systemDefault(), ps, {Cloud::global}, policies());
    std::vector<AccessRequest> requests;
    for (int i = 0; i < 256; ++i) {
        AccessRequest r;
        r.userId = QStringLiteral("u-%1").arg(i % 9);
        r.homeTenantId = i % 16 == 15 ? QStringLiteral("99999999-0000-4000-8000-000000000000") : tenant((i * 397) % kPartners);
        r.groupIds = {QStringLiteral("g-%1").arg(i % 3)};
        r.applicationId = QStringLiteral("app-%1").arg(i % 2);
        r.mfaClaim = i % 3 == 0;
        r.otherSideAllowsAutomaticRedemption = i % 2 == 0;
        requests.push_back(r);
    }
    // Access decisions per second, one thread.
    qint64 n = 0;
    int allowed = 0;
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < 1500) {
        for (const AccessRequest &r : requests) {
            allowed += AccessEvaluator::decide(snap, r).allowed ? 1 : 0;
        }
        n += qint64(requests.size());
    }
    const double perSecond = double(n) * 1e9 / double(t.nsecsElapsed());
    line("crosstenant_access_decisions", perSecond, "decisions/s", ">=", 1000000);

    // What-if from the snapshot (decision + explanation JSON).
    std::vector<double> ms;
    for (int i = 0; i < 2000; ++i) {
        const AccessRequest &r = requests[size_t(i) % requests.size()];
        QElapsedTimer w;
        w.start();
        const QJsonObject x = AccessEvaluator::explain(snap, r, AccessEvaluator::decide(snap, r));
        ms.push_back(double(w.nsecsElapsed()) / 1e6);
        allowed += x.value(QStringLiteral("allowed")).toBool() ? 1 : 0;
    }
    std::sort(ms.begin(), ms.end());
    line("crosstenant_whatif_snapshot_p99", ms[ms.size() * 99 / 100], "ms", "<=", 10);

    // What-if through the service from a SQLite directory with the 10,000 partners.
    QTemporaryDir dir;
    auto info = ConnectionInfo::parse(QStringLiteral("sqlite:") + dir.filePath(QStringLiteral("bench.atrium")));
    auto db = Database::open(*info, Database::OpenMode::CreateIfMissing);
    if (!db.ok()) {
        QTextStream(stderr) << db.error().message << Qt::endl;
        return 1;
    }
    auto clock = std::make_shared<SystemClock>();
    NewDirectory spec;
    spec.displayName = QStringLiteral("Fabrikam");
    spec.initialDomain = QStringLiteral("fabrikam.example");
    spec.creatorDisplayName = QStringLiteral("Ada Admin");
    spec.osAccount = QStringLiteral("bench");
    auto op = DirectoryService::create(**db, *clock, spec);
    if (!op.ok()) {
        QTextStream(stderr) << op.error().message << Qt::endl;
        return 1;
    }
    CrossTenantService svc(ServiceContext(*db, clock, *op));
    CrossTenantDocument doc;
    doc.partners = ps;
    QElapsedTimer imp;
    imp.start();
    auto report = svc.importJson(QJsonDocument(GraphJson::toJson(doc)).toJson(QJsonDocument::Compact), false);
    if (!report.ok() || !report->applied) {
        QTextStream(stderr) << "import failed" << Qt::endl;
        return 1;
    }
    QTextStream(stdout) << "INFO import of " << kPartners << " partners: " << imp.elapsed() << " ms" << Qt::endl;
    for (const ConditionalAccessPolicy &p : policies()) {
        (void)svc.addConditionalAccessPolicy(p);
    }
    ms.clear();
    for (int i = 0; i < 500; ++i) {
        const AccessRequest &r = requests[size_t(i) % requests.size()];
        QElapsedTimer w;
        w.start();
        auto x = svc.whatIf(r);
        ms.push_back(double(w.nsecsElapsed()) / 1e6);
        allowed += x.ok() ? 1 : 0;
    }
    std::sort(ms.begin(), ms.end());
    line("crosstenant_whatif_service_p99", ms[ms.size() * 99 / 100], "ms", "<=", 10);
    QElapsedTimer load;
    load.start();
    auto conn = (*db)->connection();
    auto loaded = CrossTenantService::loadSnapshot(*conn);
    QTextStream(stdout) << "INFO snapshot load of " << kPartners << " partners: " << load.elapsed() << " ms" << Qt::endl;
    return allowed > 0 && loaded.ok() ? 0 : 1;
}
