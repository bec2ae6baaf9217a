#include "core/guests/guestseeder.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

#include <array>
#include <cmath>

namespace atrium::core {
namespace {

QString tr(const char *s) {
    return QCoreApplication::translate("atrium::core::GuestSeeder", s);
}

constexpr std::array kFirstNames{
    "Adele", "Alex", "Allan", "Amara", "Anders", "Anna", "Bianca", "Brian", "Carlos", "Chen", "Chloe", "Christie",
    "Daniel", "Debra", "Diego", "Elena", "Emily", "Enrico", "Fatima", "Felix", "Grady", "Hana", "Henrietta", "Ines",
    "Irvin", "Isaiah", "Jana", "Johanna", "Joni", "José", "Kenji", "Laura", "Lee", "Lidia", "Lynne", "Maria", "Megan",
    "Miriam", "Nestor", "Nora", "Olga", "Omar", "Patti", "Pradeep", "Priya", "Raul", "Renée", "Sakura", "Sami",
    "Sofia", "Søren", "Tanja", "Thomas", "Ursula", "Valentina", "Wei", "Xavier", "Yara", "Zoë", "Zygmunt"};
constexpr std::array kLastNames{
    "Bowen", "Vance", "Deyoung", "Okafor", "Lindqvist", "Kowalski", "Rossi", "Johnson", "Mendes", "Wang", "Dubois",
    "Burke", "Schmidt", "Wilber", "García", "Petrova", "Brown", "Bianchi", "Haddad", "Weber", "Archie", "Tanaka",
    "Müller", "Ferreira", "Pham", "Adeyemi", "Novak", "Larsen", "Cook", "Hernández", "Sato", "Giordano", "Kim",
    "Abbott", "Robinson", "Fernández", "Bowman", "Gold", "Zeller", "Andersen", "Ivanova", "Farouk", "Fernandez",
    "Mehta", "Sharma", "Ortiz", "Lefèvre", "Yamamoto", "Nasser", "O'Brien", "Nørgaard", "Wagner", "Cohen",
    "Lopez", "Chowdhury", "Becker", "Mwangi", "Nguyen", "Kaplan", "Zhang"};
constexpr std::array kOrgWords{
    "contoso", "northwind", "adatum", "tailspin", "woodgrove", "litware", "proseware", "fourthcoffee", "wingtip",
    "lucerne", "alpineski", "blueyonder", "cohowinery", "fabrikamfiber", "margiestravel", "relecloud", "trey",
    "wideworld", "humongous", "graphicdesign", "southridge", "consolidated", "coho", "datum", "tailwind", "lamna",
    "vanarsdel", "nod", "boxfactory", "baldwin", "firstup", "munson", "adventureworks", "alpine", "bellows",
    "city-power", "fineartschool", "liberty", "northridge", "school-of-fine-art"};
constexpr std::array kTlds{"com", "example", "co.uk", "de", "fr", "io", "net", "org", "com.au", "nl"};

QString pick(QRandomGenerator &rng, const auto &list) {
    return QString::fromUtf8(list.at(rng.bounded(static_cast<quint32>(list.size()))));
}

QString newId(QRandomGenerator &rng) {
    // A version-4 UUID from the seeded generator, so that the same seed gives the same directory.
    const quint64 a = rng.generate64();
    const quint64 b = rng.generate64();
    return QUuid(static_cast<uint>(a >> 32), static_cast<ushort>(a >> 16), static_cast<ushort>((a & 0x0fff) | 0x4000),
                 static_cast<uchar>(((b >> 56) & 0x3f) | 0x80), static_cast<uchar>(b >> 48), static_cast<uchar>(b >> 40),
                 static_cast<uchar>(b >> 32), static_cast<uchar>(b >> 24), static_cast<uchar>(b >> 16),
                 static_cast<uchar>(b >> 8), static_cast<uchar>(b))
        .toString(QUuid::WithoutBraces);
}

QString asciiFold(const QString &s) {
    // Mail local parts are ASCII in practice: drop accents, keep letters.
    QString out;
    for (const QChar ch : s.normalized(QString::NormalizationForm_KD)) {
        if (ch.unicode() < 128 && ch.isLetterOrNumber()) {
            out += ch.toLower();
        } else if (ch == QChar(0x00F8) || ch == QChar(0x00D8)) {
            out += QLatin1Char('o');
        }
    }
    return out;
}

struct Member {
    QString id;
    QString name;
};

} // namespace

Result<int> seedGuests(Database &db, const Clock &clock, int n, const SeedOptions &options) {
    if (n < 0) {
        return Error::invalid(tr("The number of guests cannot be negative."), QStringLiteral("guests"));
    }
    auto conn = db.connection();
    if (!conn.ok()) {
        return conn.error();
    }
    QSqlDatabase c = *conn;
    const bool sqlite = db.engine() == Engine::Sqlite;
    QString initialDomain = QStringLiteral("fabrikam.example");
    qint64 base = 0;
    {
        QSqlQuery q(c);
        if (q.exec(QStringLiteral("SELECT initial_domain FROM directory WHERE id = 1")) && q.next()) {
            initialDomain = q.value(0).toString();
        }
        if (!q.exec(QStringLiteral("SELECT count(*) FROM users")) || !q.next()) {
            return Database::sqlError(q.lastError(), tr("Counting users before seeding"));
        }
        base = q.value(0).toLongLong();
    }
    QRandomGenerator rng(options.randomSeed ^ static_cast<quint32>(base));
    qint64 cacheSize = 0;
    if (sqlite) {
        // Benchmark data: a lost seed after a power cut is re-run, so skip the fsync per commit.
        QSqlQuery(c).exec(QStringLiteral("PRAGMA synchronous=OFF"));
        QSqlQuery size(c);
        if (size.exec(QStringLiteral("PRAGMA cache_size")) && size.next()) {
            cacheSize = size.value(0).toLongLong();
        }
        // Random ids land anywhere in the primary key: keep its b-tree in memory (512 MB at most).
        QSqlQuery(c).exec(QStringLiteral("PRAGMA cache_size=-524288"));
    }
    const qint64 now = clock.nowMs();
    constexpr qint64 kDay = 24LL * 3600 * 1000;

    QStringList domains;
    for (const char *org : kOrgWords) {
        for (const char *tld : kTlds) {
            domains << QString::fromLatin1(org) + QLatin1Char('.') + QString::fromLatin1(tld);
        }
    }
    // A fixed shuffle so the most common domain is not simply the first word.
    for (int i = static_cast<int>(domains.size()) - 1; i > 0; --i) {
        domains.swapItemsAt(i, static_cast<int>(rng.bounded(i + 1)));
    }

    const QString insertUser = QStringLiteral(
        "INSERT INTO users (id, display_name, user_principal_name, upn_lower, mail, mail_lower, mail_domain, "
        "user_type, external_user_state, external_user_state_changed_at, creation_type, account_enabled, invited_by, "
        "invited_by_name, created_at, last_sign_in_at, sponsors_sort) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    const QString insertSponsor =
        QStringLiteral("INSERT INTO sponsors (user_id, sponsor_id, sponsor_type) VALUES (?, ?, 'user')");

    // The inviters and sponsors: a handful of members.
    QList<Member> members;
    Status s = db.transaction([&](QSqlDatabase &tx) -> Status {
        QSqlQuery q(tx);
        q.prepare(insertUser);
        for (int i = 0; i < 12; ++i) {
            const QString first = pick(rng, kFirstNames);
            const QString last = pick(rng, kLastNames);
            Member m{newId(rng), first + QLatin1Char(' ') + last};
            const QString mail = asciiFold(first) + QLatin1Char('.') + asciiFold(last) + QLatin1Char('.') +
                                 QString::number(base + i, 36) + QLatin1Char('@') + initialDomain;
            const QVariantList values{m.id, m.name, mail, mail, mail, mail, initialDomain, QStringLiteral("Member"),
                                      QVariant(), QVariant(), QVariant(), 1, QVariant(), QVariant(),
                                      now - 4 * 365 * kDay, QVariant(), QVariant()};
            for (const QVariant &v : values) {
                q.addBindValue(v);
            }
            if (!q.exec()) {
                return Database::sqlError(q.lastError(), tr("Seeding members"));
            }
            members << m;
        }
        return {};
    });
    if (!s.ok()) {
        return s.error();
    }
    base += members.size();

    // One guest from the generator: the users row and its sponsors. sponsors_sort (the first sponsor
    // name in SQLite's BINARY order, i.e. by UTF-8 bytes) is only written by the bulk path; row by
    // row the sponsors trigger fills it in, as it does for any other insert.
    struct Guest {
        QVariantList values;
        QList<int> sponsors; // indexes into members
        QVariant sponsorsSort;
    };
    const auto nextGuest = [&](qint64 serial) {
        Guest g;
        const QString first = pick(rng, kFirstNames);
        const QString last = pick(rng, kLastNames);
        // Zipf-like: a few partners bring most guests.
        const double u = rng.generateDouble();
        const int di =
            std::min(static_cast<int>(domains.size()) - 1, static_cast<int>(std::pow(u, 3.0) * domains.size()));
        const QString domain = domains.at(di);
        const QString local =
            asciiFold(first) + QLatin1Char('.') + asciiFold(last) + QLatin1Char('.') + QString::number(serial, 36);
        const QString mail = local + QLatin1Char('@') + domain;
        const QString upn = local + QLatin1Char('_') + domain + QStringLiteral("#EXT#@") + initialDomain;
        const bool selfService = rng.bounded(100) < 8;
        const bool accepted = selfService || rng.bounded(100) < 72;
        const qint64 created = now - static_cast<qint64>(rng.generateDouble() * 3 * 365 * kDay);
        const qint64 changed =
            accepted ? std::min(now, created + static_cast<qint64>(rng.generateDouble() * 14 * kDay)) : created;
        QVariant lastSignIn;
        if (accepted && rng.bounded(100) < 85) {
            // Recent sign-ins are the most common.
            const double r = std::pow(rng.generateDouble(), 2.0);
            lastSignIn = now - static_cast<qint64>(r * static_cast<double>(now - changed));
        }
        const Member &inviter = members.at(static_cast<int>(rng.bounded(static_cast<quint32>(members.size()))));
        const QString id = newId(rng);
        g.values = QVariantList{id,
                                QString(first + QLatin1Char(' ') + last),
                                upn,
                                upn.toLower(),
                                mail,
                                mail,
                                domain,
                                QStringLiteral("Guest"),
                                accepted ? QStringLiteral("Accepted") : QStringLiteral("PendingAcceptance"),
                                changed,
                                selfService ? QStringLiteral("SelfServiceSignUp") : QStringLiteral("Invitation"),
                                rng.bounded(100) < 3 ? 0 : 1,
                                selfService ? QVariant() : QVariant(inviter.id),
                                selfService ? QVariant() : QVariant(inviter.name),
                                created,
                                lastSignIn};
        // 0-3 sponsors; invited guests usually have their inviter.
        const quint32 r = rng.bounded(10);
        const int sponsorCount = r < 4 ? 1 : r < 6 ? 2 : r < 7 ? 3 : 0;
        const int from = static_cast<int>(rng.bounded(static_cast<quint32>(members.size())));
        QByteArray first8;
        for (int k = 0; k < sponsorCount; ++k) {
            const int m = (from + k) % static_cast<int>(members.size());
            g.sponsors << m;
            const QByteArray name = members.at(m).name.toUtf8();
            if (k == 0 || name < first8) {
                first8 = name;
            }
        }
        if (sponsorCount > 0) {
            g.sponsorsSort = QString::fromUtf8(first8);
        }
        return g;
    };
    const auto writeGuest = [&](QSqlQuery &user, QSqlQuery &sponsor, const Guest &g, bool withSortKey) -> Status {
        for (const QVariant &v : g.values) {
            user.addBindValue(v);
        }
        user.addBindValue(withSortKey ? g.sponsorsSort : QVariant());
        if (!user.exec()) {
            return Database::sqlError(user.lastError(), tr("Seeding guests"));
        }
        for (const int m : g.sponsors) {
            sponsor.addBindValue(g.values.first());
            sponsor.addBindValue(members.at(m).id);
            if (!sponsor.exec()) {
                return Database::sqlError(sponsor.lastError(), tr("Seeding sponsors"));
            }
        }
        return {};
    };

    SeedMethod method = options.method;
    if (!sqlite) {
        method = SeedMethod::RowByRow;
    } else if (method == SeedMethod::Auto) {
        QSqlQuery q(c);
        if (!q.exec(QStringLiteral("SELECT EXISTS (SELECT 1 FROM users WHERE user_type = 'Guest')")) || !q.next()) {
            return Database::sqlError(q.lastError(), tr("Counting guests before seeding"));
        }
        method = q.value(0).toBool() ? SeedMethod::RowByRow : SeedMethod::BulkRebuild;
    }
    const int progressStep = std::max(1, options.batchSize);

    int done = 0;
    if (method == SeedMethod::BulkRebuild) {
        const QRandomGenerator start = rng;
        s = db.transaction([&](QSqlDatabase &tx) -> Status {
            rng = start;
            done = 0;
            // The DDL to restore, exactly as the migrations created it: every explicit index on users
            // and sponsors (the primary keys and UNIQUE constraints stay; they have no sql), and the
            // two insert triggers whose work is done here in bulk. Other triggers stay in place.
            struct Ddl {
                QString type;
                QString name;
                QString sql;
            };
            QList<Ddl> ddl;
            {
                QSqlQuery q(tx);
                if (!q.exec(QStringLiteral(
                        "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND tbl_name IN ('users', "
                        "'sponsors') AND (type = 'index' OR (type = 'trigger' AND name IN ('users_fts_insert', "
                        "'sponsors_sort_insert'))) ORDER BY rowid"))) {
                    return Database::sqlError(q.lastError(), tr("Reading the guest indexes"));
                }
                while (q.next()) {
                    ddl.append({q.value(0).toString(), q.value(1).toString(), q.value(2).toString()});
                }
            }
            for (const Ddl &d : ddl) {
                QSqlQuery q(tx);
                // Names come from sqlite_master; quoted as identifiers all the same.
                const QString name = QLatin1Char('"') + QString(d.name).replace(QLatin1Char('"'), QStringLiteral("\"\"")) +
                                     QLatin1Char('"');
                if (!q.exec((d.type == QLatin1String("index") ? QStringLiteral("DROP INDEX ") : QStringLiteral("DROP TRIGGER ")) +
                            name)) {
                    return Database::sqlError(q.lastError(), tr("Dropping %1 before seeding").arg(d.name));
                }
            }
            QSqlQuery user(tx);
            QSqlQuery sponsor(tx);
            if (!user.prepare(insertUser) || !sponsor.prepare(insertSponsor)) {
                return Database::sqlError(user.lastError(), tr("Preparing the seed statements"));
            }
            for (int i = 0; i < n; ++i) {
                if (Status w = writeGuest(user, sponsor, nextGuest(base + i), true); !w.ok()) {
                    return w;
                }
                if (options.progress && (i + 1) % progressStep == 0 && i + 1 < n) {
                    options.progress(i + 1, n);
                }
            }
            for (const Ddl &d : ddl) {
                QSqlQuery q(tx);
                if (!q.exec(d.sql)) {
                    return Database::sqlError(q.lastError(), tr("Creating %1 again after seeding").arg(d.name));
                }
            }
            QSqlQuery fts(tx);
            // 'rebuild' leaves many segments; 'optimize' merges them into one, so that a search
            // test of one rowid (the guest list's walk plan) is one seek instead of one per segment.
            if (!fts.exec(QStringLiteral("INSERT INTO guest_fts (guest_fts) VALUES ('rebuild')")) ||
                !fts.exec(QStringLiteral("INSERT INTO guest_fts (guest_fts) VALUES ('optimize')"))) {
                return Database::sqlError(fts.lastError(), tr("Rebuilding the guest search index"));
            }
            done = n;
            return {};
        });
        if (s.ok() && options.progress) {
            options.progress(done, n);
        }
    }
    while (method == SeedMethod::RowByRow && done < n) {
        const int batch = std::min(options.batchSize, n - done);
        // The generator state is copied so a retried transaction writes the same rows.
        const QRandomGenerator start = rng;
        s = db.transaction([&](QSqlDatabase &tx) -> Status {
            rng = start;
            QSqlQuery user(tx);
            QSqlQuery sponsor(tx);
            if (!user.prepare(insertUser) || !sponsor.prepare(insertSponsor)) {
                return Database::sqlError(user.lastError(), tr("Preparing the seed statements"));
            }
            for (int i = 0; i < batch; ++i) {
                if (Status w = writeGuest(user, sponsor, nextGuest(base + done + i), false); !w.ok()) {
                    return w;
                }
            }
            return {};
        });
        if (!s.ok()) {
            break;
        }
        done += batch;
        if (options.progress) {
            options.progress(done, n);
        }
    }
    if (sqlite) {
        QSqlQuery(c).exec(QStringLiteral("PRAGMA synchronous=FULL"));
        if (cacheSize != 0) {
            QSqlQuery(c).exec(QStringLiteral("PRAGMA cache_size=%1").arg(cacheSize));
        }
        // Fresh statistics for the planner after a bulk load (cheap with the analysis limit).
        QSqlQuery(c).exec(QStringLiteral("PRAGMA analysis_limit=1000"));
        QSqlQuery(c).exec(QStringLiteral("ANALYZE"));
    } else {
        QSqlQuery(c).exec(QStringLiteral("ANALYZE users"));
        QSqlQuery(c).exec(QStringLiteral("ANALYZE sponsors"));
    }
    if (!s.ok()) {
        return s.error();
    }
    return done;
}

} // namespace atrium::core
