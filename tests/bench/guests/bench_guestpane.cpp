// The guest users pane at a million guests (issue 3): the real ui::GuestUsersPane over
// models::GuestListModel and the database worker, shown on the offscreen platform, timed from the
// GUI thread's point of view:
//   - pane opened (session set) -> first rows painted                      target <= 300 ms
//   - search keystroke (a key event into the search field) -> results painted  target <= 100 ms
//   - sort (header click) -> rows painted                                  (reported, same target)
//   - the longest GUI-thread stall during open, search, sort and scroll to the end: an event-loop
//     watchdog (a 1 ms precise timer on the GUI thread; the stall is the longest gap between two of
//     its ticks)                                                          target <= 50 ms
//   - resident memory (VmRSS, and the peak VmHWM, from /proc/self/status)  target <= 200 MB
//
//   QT_QPA_PLATFORM=offscreen bench_guestpane [N=1000000] [--db FILE] [--scroll-pages P]
// The directory is the one bench_guestdirectory seeds (/tmp/atrium-bench-guests-N.sqlite); when it
// is missing or holds fewer guests it is seeded here. This process's OS account is bound to the
// directory's administrator (setup only), as the console needs a known operator to read anything.
#include "core/guests/guestseeder.h"
#include "core/services/directoryservice.h"
#include "core/services/operator.h"
#include "core/storage/database.h"
#include "models/dbexecutor.h"
#include "models/directorysession.h"
#include "models/guestlistmodel.h"
#include "ui/capabilities.h"
#include "ui/guestuserspane.h"

#include <QAbstractEventDispatcher>
#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLineEdit>
#include <QScrollBar>
#include <QSqlError>
#include <QSqlQuery>
#include <QTableView>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <functional>

using namespace atrium;

namespace {
QTextStream &out() {
    static QTextStream s(stdout);
    return s;
}

void bench(const QString &name, double value, const QString &unit, double target) {
    out() << "BENCH " << name << ": " << QString::number(value, 'f', 1) << ' ' << unit << " (target <= "
          << QString::number(target, 'g', 6) << ' ' << unit << ") " << (value <= target ? "PASS" : "MISS") << Qt::endl;
}

double procStatusMb(const char *key) {
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly)) {
        return -1;
    }
    for (const QByteArray &line : f.readAll().split('\n')) {
        if (line.startsWith(key)) {
            return line.mid(qstrlen(key) + 1).trimmed().split(' ').value(0).toDouble() / 1024.0;
        }
    }
    return -1;
}

// The event-loop watchdog: a 1 ms precise timer on the GUI thread. Any work that keeps the GUI
// thread from returning to its event loop shows up as a gap between two ticks.
class Watchdog final : public QObject {
public:
    Watchdog() {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(1);
        QObject::connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            if (m_last > 0) {
                m_maxGapNs = std::max(m_maxGapNs, now - m_last);
                if (now - m_last > 50'000'000) {
                    ++m_over50;
                }
                if (now - m_last > 16'000'000) {
                    ++m_over16;
                }
            }
            m_last = now;
        });
        m_clock.start();
    }
    void start() {
        m_last = 0;
        m_maxGapNs = 0;
        m_over50 = 0;
        m_over16 = 0;
        m_timer.start();
    }
    double stopMs() {
        m_timer.stop();
        return m_maxGapNs / 1e6;
    }
    // How many gaps exceeded 50 ms / 16 ms (one frame) since start().
    QString histogram() const { return QStringLiteral("%1 gaps > 50 ms, %2 > 16 ms").arg(m_over50).arg(m_over16); }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_maxGapNs = 0;
    int m_over50 = 0;
    int m_over16 = 0;
};

// Notes when the table's viewport has finished painting after the model delivered a page.
class PaintProbe final : public QObject {
public:
    PaintProbe(QTableView *table, models::GuestListModel *model) : m_table(table) {
        table->viewport()->installEventFilter(this);
        QObject::connect(model, &models::GuestListModel::pageLoaded, this, [this, model] {
            if (model->rowCount() > 0) {
                m_pageSeen = true;
            }
        });
    }
    // Arms the probe: the next paint after the next page counts.
    void arm() {
        m_pageSeen = false;
        m_paintedNs = -1;
    }
    bool painted() const { return m_paintedNs >= 0; }
    qint64 paintedNs() const { return m_paintedNs; }
    QElapsedTimer clock;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override {
        if (watched == m_table->viewport() && event->type() == QEvent::Paint && m_pageSeen && m_paintedNs < 0 &&
            !m_pending) {
            // The paint runs after this filter returns: take the time once the event loop is back.
            m_pending = true;
            QTimer::singleShot(0, this, [this] {
                m_pending = false;
                m_paintedNs = clock.nsecsElapsed();
            });
        }
        return false;
    }

private:
    QTableView *m_table;
    bool m_pageSeen = false;
    bool m_pending = false;
    qint64 m_paintedNs = -1;
};

// How long each paint of the viewport keeps the GUI thread (from the Paint event to the event loop
// being back, so the backing-store flush is included).
class PaintTimer final : public QObject {
public:
    explicit PaintTimer(QWidget *viewport) : m_viewport(viewport) { viewport->installEventFilter(this); }
    QList<double> paintsMs;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override {
        if (watched == m_viewport && event->type() == QEvent::Paint && !m_pending) {
            m_pending = true;
            m_clock.start();
            QTimer::singleShot(0, this, [this] {
                m_pending = false;
                paintsMs << m_clock.nsecsElapsed() / 1e6;
            });
        }
        return false;
    }

private:
    QWidget *m_viewport;
    QElapsedTimer m_clock;
    bool m_pending = false;
};

QString spread(QList<double> v) {
    if (v.isEmpty()) {
        return QStringLiteral("none");
    }
    std::sort(v.begin(), v.end());
    const auto over = [&](double ms) { return std::count_if(v.cbegin(), v.cend(), [ms](double x) { return x > ms; }); };
    return QStringLiteral("%1: median %2 ms, p99 %3 ms, max %4 ms, %5 > 16 ms, %6 > 50 ms")
        .arg(v.size())
        .arg(v.at(v.size() / 2), 0, 'f', 2)
        .arg(v.at(v.size() * 99 / 100), 0, 'f', 2)
        .arg(v.constLast(), 0, 'f', 2)
        .arg(over(16))
        .arg(over(50));
}

// Runs the event loop until pred() holds (or the timeout passes); never blocks the GUI thread.
bool spinUntil(const std::function<bool()> &pred, int timeoutMs = 60000) {
    QElapsedTimer t;
    t.start();
    while (!pred()) {
        if (t.elapsed() > timeoutMs) {
            return false;
        }
        QEventLoop loop;
        QTimer::singleShot(1, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}
} // namespace

int main(int argc, char **argv) {
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    QApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    int n = 1000000;
    int scrollPages = -1; // -1: to the end
    QString path;
    for (int i = 0; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--db") && i + 1 < args.size()) {
            path = args.at(++i);
        } else if (args.at(i) == QLatin1String("--scroll-pages") && i + 1 < args.size()) {
            scrollPages = args.at(++i).toInt();
        } else {
            n = args.at(i).toInt();
        }
    }
    if (path.isEmpty()) {
        path = QStringLiteral("/tmp/atrium-bench-guests-%1.sqlite").arg(n);
    }
    auto clock = std::make_shared<core::SystemClock>();
    core::ConnectionInfo info;
    info.engine = core::Engine::Sqlite;
    info.path = path;

    // --- Setup (not timed): the directory, its guests, and this process bound to its administrator.
    {
        auto database = core::Database::open(info, core::Database::OpenMode::CreateIfMissing);
        if (!database.ok()) {
            qFatal("open: %s", qPrintable(database.error().message));
        }
        core::Database &dbo = **database;
        QSqlDatabase db = *dbo.connection();
        QSqlQuery q(db);
        q.exec(QStringLiteral("SELECT count(*) FROM users WHERE user_type = 'Guest'"));
        q.next();
        const qint64 have = q.value(0).toLongLong();
        q.exec(QStringLiteral("SELECT count(*) FROM directory"));
        q.next();
        if (q.value(0).toInt() == 0) {
            auto created = core::DirectoryService::create(
                dbo, *clock, {QStringLiteral("Fabrikam"), QStringLiteral("fabrikam.example"), QStringLiteral("Bench Admin"),
                              core::currentOsAccount(), {}});
            if (!created.ok()) {
                qFatal("create: %s", qPrintable(created.error().message));
            }
        }
        if (have < n) {
            out() << "seeding " << (n - have) << " guests into " << path << Qt::endl;
            QElapsedTimer seed;
            seed.start();
            auto seeded = core::seedGuests(dbo, *clock, static_cast<int>(n - have));
            if (!seeded.ok()) {
                qFatal("seed: %s %s", qPrintable(seeded.error().message), qPrintable(seeded.error().detail));
            }
            out() << "  seeded in " << seed.elapsed() / 1000.0 << " s" << Qt::endl;
        }
        // The administrator the bench directory was created with, bound to this OS account.
        QSqlQuery bind(db);
        bind.prepare(QStringLiteral(
            "UPDATE users SET os_account = ? WHERE id = (SELECT user_id FROM role_assignments WHERE role = "
            "'GlobalAdministrator' ORDER BY user_id LIMIT 1) AND (os_account IS NULL OR os_account <> ?)"));
        bind.addBindValue(core::currentOsAccount());
        bind.addBindValue(core::currentOsAccount());
        if (!bind.exec()) {
            qFatal("bind: %s", qPrintable(bind.lastError().text()));
        }
        db = QSqlDatabase();
        dbo.releaseThreadConnection();
    }
    const double rssBefore = procStatusMb("VmRSS:");

    models::DbExecutor executor;
    auto opened = executor
                      .run<core::Result<models::SessionPtr>>([info, clock]() -> core::Result<models::SessionPtr> {
                          return models::DirectorySession::open(info, clock);
                      })
                      .result();
    if (!opened.ok()) {
        qFatal("session: %s", qPrintable(opened.error().message));
    }
    models::SessionPtr session = *opened;
    if (session->isUnbound()) {
        qFatal("the OS account %s is not bound to a directory user", qPrintable(core::currentOsAccount()));
    }
    executor.registerDatabase(session->database);

    ui::GuestUsersPane pane(&executor);
    pane.resize(1400, 900);
    pane.show();
    auto *table = pane.findChild<QTableView *>(QStringLiteral("guestTable"));
    auto *search = pane.findChild<QLineEdit *>(QStringLiteral("guestSearch"));
    if (!table || !search) {
        qFatal("the pane has no guestTable / guestSearch");
    }
    models::GuestListModel *model = pane.model();
    PaintProbe probe(table, model);
    Watchdog watchdog;
    spinUntil([] { return false; }, 300); // the window is exposed and idle
    {
        // The watchdog must see a stall: block the GUI thread for 80 ms from an event and check.
        watchdog.start();
        spinUntil([] { return false; }, 20);
        QTimer::singleShot(0, [] {
            QElapsedTimer busy;
            busy.start();
            while (busy.elapsed() < 80) {
            }
        });
        spinUntil([] { return false; }, 50);
        const double seen = watchdog.stopMs();
        out() << "  watchdog self-check: an 80 ms block on the GUI thread shows as " << QString::number(seen, 'f', 1)
              << " ms" << Qt::endl;
        if (seen < 80) {
            qFatal("the watchdog missed a GUI-thread stall");
        }
    }
    double worstStall = 0;

    // --- Open: session set -> first rows painted.
    watchdog.start();
    probe.arm();
    probe.clock.start();
    pane.setSession(session);
    pane.setCapabilities(ui::Capabilities::forOperator(session->op));
    if (!spinUntil([&] { return probe.painted(); })) {
        qFatal("no rows painted after opening");
    }
    const double openMs = probe.paintedNs() / 1e6;
    spinUntil([&] { return !model->countText().isEmpty(); });
    double stall = watchdog.stopMs();
    worstStall = std::max(worstStall, stall);
    bench(QStringLiteral("guestpane.open_to_first_rows_painted"), openMs, QStringLiteral("ms"), 300);
    out() << "  rows " << model->rowCount() << ", count " << model->countText() << ", longest GUI stall "
          << QString::number(stall, 'f', 1) << " ms (" << watchdog.histogram() << ")" << Qt::endl;

    // --- Search: each keystroke a key event into the field; time to the results painted. The
    // pane waits for a pause in typing (its debounce) before it asks: that wait is included.
    search->setFocus();
    QList<double> keystrokes;
    watchdog.start();
    for (const QString &term : {QStringLiteral("m"), QStringLiteral("me"), QStringLiteral("meg"), QStringLiteral("z"),
                                QStringLiteral("zy"), QStringLiteral("contoso"), QStringLiteral("megan bo")}) {
        search->clear();
        spinUntil([&] { return !model->isLoading(); });
        spinUntil([] { return false; }, 400); // the reload of the cleared search settles
        spinUntil([&] { return !model->isLoading(); });
        search->setText(term.chopped(1));
        spinUntil([] { return false; }, 400);
        spinUntil([&] { return !model->isLoading(); });
        const QString key = term.right(1);
        probe.arm();
        probe.clock.restart();
        QKeyEvent press(QEvent::KeyPress, key.at(0).isLetter() ? Qt::Key_A + (key.at(0).toLower().unicode() - 'a')
                                                               : Qt::Key_Space,
                        Qt::NoModifier, key);
        QKeyEvent release(QEvent::KeyRelease, press.key(), Qt::NoModifier, key);
        QApplication::sendEvent(search, &press);
        QApplication::sendEvent(search, &release);
        if (search->text() != term) {
            qFatal("the search field holds \"%s\", not \"%s\"", qPrintable(search->text()), qPrintable(term));
        }
        if (!spinUntil([&] { return probe.painted(); })) {
            qFatal("no rows painted for search \"%s\"", qPrintable(term));
        }
        keystrokes << probe.paintedNs() / 1e6;
        out() << "  keystroke \"" << term << "\": " << QString::number(keystrokes.constLast(), 'f', 1)
              << " ms to painted, " << model->rowCount() << " rows" << Qt::endl;
    }
    stall = watchdog.stopMs();
    worstStall = std::max(worstStall, stall);
    std::sort(keystrokes.begin(), keystrokes.end());
    bench(QStringLiteral("guestpane.search_keystroke_to_painted.median"), keystrokes.at(keystrokes.size() / 2),
          QStringLiteral("ms"), 100);
    bench(QStringLiteral("guestpane.search_keystroke_to_painted.max"), keystrokes.constLast(), QStringLiteral("ms"), 100);
    out() << "  longest GUI stall while searching " << QString::number(stall, 'f', 1) << " ms (" << watchdog.histogram()
          << ")" << Qt::endl;

    // A burst: "megan" typed with 60 ms between keys (within the pane's 150 ms burst window). The
    // first key asks at once, the rest wait for the pause: time from the last key to the rows of
    // "megan" painted (the pause is included; the figure the issue targets is the one above).
    {
        search->clear();
        spinUntil([] { return false; }, 400);
        spinUntil([&] { return !model->isLoading(); });
        const QString term = QStringLiteral("megan");
        watchdog.start();
        for (const QChar ch : term) {
            probe.arm();
            probe.clock.restart();
            QKeyEvent press(QEvent::KeyPress, Qt::Key_A + (ch.unicode() - 'a'), Qt::NoModifier, QString(ch));
            QKeyEvent release(QEvent::KeyRelease, press.key(), Qt::NoModifier, QString(ch));
            QApplication::sendEvent(search, &press);
            QApplication::sendEvent(search, &release);
            if (ch != term.back()) {
                spinUntil([] { return false; }, 60);
            }
        }
        // Only rows painted for the final text count: a page of the first key's query may land first.
        if (!spinUntil([&] {
                if (probe.painted() && model->query().search != term) {
                    probe.arm();
                }
                return probe.painted() && model->query().search == term;
            })) {
            qFatal("no rows painted for the burst");
        }
        out() << "  burst \"megan\" (60 ms between keys): last key -> final rows painted "
              << QString::number(probe.paintedNs() / 1e6, 'f', 1) << " ms (includes the 150 ms pause); longest GUI stall "
              << QString::number(watchdog.stopMs(), 'f', 1) << " ms" << Qt::endl;
    }

    search->clear();
    spinUntil([] { return false; }, 400);
    spinUntil([&] { return !model->isLoading() && model->rowCount() > 0; });

    // --- Sort: header clicks on a few columns, both orders.
    QList<double> sorts;
    watchdog.start();
    for (const auto &[column, order] : QList<std::pair<core::GuestColumn, Qt::SortOrder>>{
             {core::GuestColumn::LastSignIn, Qt::DescendingOrder},
             {core::GuestColumn::Mail, Qt::AscendingOrder},
             {core::GuestColumn::InvitedBy, Qt::DescendingOrder},
             {core::GuestColumn::DisplayName, Qt::AscendingOrder}}) {
        probe.arm();
        probe.clock.restart();
        table->sortByColumn(int(column), order);
        if (!spinUntil([&] { return probe.painted(); })) {
            qFatal("no rows painted after sorting");
        }
        sorts << probe.paintedNs() / 1e6;
        spinUntil([&] { return !model->countText().isEmpty(); });
    }
    stall = watchdog.stopMs();
    worstStall = std::max(worstStall, stall);
    std::sort(sorts.begin(), sorts.end());
    bench(QStringLiteral("guestpane.sort_to_painted.max"), sorts.constLast(), QStringLiteral("ms"), 300);
    out() << "  longest GUI stall while sorting " << QString::number(stall, 'f', 1) << " ms (" << watchdog.histogram()
          << ")" << Qt::endl;

    // --- Scroll to the end: the scroll bar to the bottom again and again; the view asks the model
    // for the next page each time (keyset pages of 200, the model keeps a window of 10,000 rows).
    // Each page's round trip (request made on the GUI thread -> rows in the model) is timed too: an
    // upper bound of its database time (it adds the worker queue and the hop back to the GUI thread).
    QElapsedTimer scroll;
    scroll.start();
    int pages = 0;   // pages delivered, not loop turns
    int stuck = 0;   // loop turns in a row that asked for nothing
    qint64 rowsSeen = model->rowCount();
    QList<double> roundTrips;
    QElapsedTimer roundTrip;
    QObject counter;
    QObject::connect(model, &QAbstractItemModel::rowsInserted, &counter,
                     [&](const QModelIndex &, int first, int last) { rowsSeen += last - first + 1; });
    QObject::connect(model, &models::GuestListModel::loadingChanged, &counter, [&](bool loading) {
        if (loading) {
            roundTrip.start();
        }
    });
    // The GUI thread's share of each page: the model inserting it (and dropping a page at the top once
    // the window is full) with every view and pane handler, and the paints.
    QList<double> deliveries;
    QElapsedTimer delivery;
    QObject::connect(model, &QAbstractItemModel::rowsAboutToBeInserted, &counter, [&] { delivery.start(); });
    PaintTimer paints(table->viewport());
    QObject::connect(model, &models::GuestListModel::pageLoaded, &counter, [&] {
        if (delivery.isValid()) {
            deliveries << delivery.nsecsElapsed() / 1e6;
            delivery.invalidate();
        }
        ++pages;
        if (roundTrip.isValid()) {
            roundTrips << roundTrip.nsecsElapsed() / 1e6;
            roundTrip.invalidate();
        }
    });
    watchdog.start();
    while (model->canFetchMore({}) || model->isLoading()) {
        if (scrollPages >= 0 && pages >= scrollPages) {
            break;
        }
        const int before = pages;
        table->verticalScrollBar()->setValue(table->verticalScrollBar()->maximum());
        spinUntil([&] { return !model->isLoading(); });
        if (pages == before) {
            // The bar was already at its end and the view asked for nothing: step back and again.
            table->verticalScrollBar()->setValue(std::max(0, table->verticalScrollBar()->maximum() - 1));
            spinUntil([] { return false; }, 1);
            if (++stuck > 100) {
                qFatal("scrolling to the end asks the model for nothing (%d pages)", pages);
            }
            continue;
        }
        stuck = 0;
        if (pages % 500 == 0) {
            out() << "  scrolled " << pages << " pages, " << rowsSeen << " rows, "
                  << QString::number(scroll.elapsed() / 1000.0, 'f', 1) << " s, RSS "
                  << QString::number(procStatusMb("VmRSS:"), 'f', 0) << " MB" << Qt::endl;
        }
    }
    stall = watchdog.stopMs();
    worstStall = std::max(worstStall, stall);
    const double scrollS = scroll.elapsed() / 1000.0;
    out() << "  scrolled " << pages << " pages (" << rowsSeen << " rows" << (model->canFetchMore({}) ? "" : ", the end")
          << ") in " << QString::number(scrollS, 'f', 1) << " s, " << QString::number(scrollS * 1000 / std::max(1, pages), 'f', 1)
          << " ms per page; window " << model->rowCount() << " rows; longest GUI stall "
          << QString::number(stall, 'f', 1) << " ms (" << watchdog.histogram() << ")" << Qt::endl;

    out() << "  GUI time per page delivered (insert, drop at the top, handlers) " << spread(deliveries) << Qt::endl;
    out() << "  GUI time per viewport paint (paint + flush) while scrolling " << spread(paints.paintsMs) << Qt::endl;
    if (!roundTrips.isEmpty()) {
        std::sort(roundTrips.begin(), roundTrips.end());
        out() << "  page round trips while scrolling (" << roundTrips.size() << "): median "
              << QString::number(roundTrips.at(roundTrips.size() / 2), 'f', 2) << " ms, p99 "
              << QString::number(roundTrips.at(roundTrips.size() * 99 / 100), 'f', 2) << " ms" << Qt::endl;
        bench(QStringLiteral("guestpane.scroll_page_round_trip.max"), roundTrips.constLast(), QStringLiteral("ms"), 5);
    }
    bench(QStringLiteral("guestpane.longest_gui_stall"), worstStall, QStringLiteral("ms"), 50);
    const double rss = procStatusMb("VmRSS:");
    bench(QStringLiteral("guestpane.rss"), rss, QStringLiteral("MB"), 200);
    bench(QStringLiteral("guestpane.rss_peak"), procStatusMb("VmHWM:"), QStringLiteral("MB"), 200);
    out() << "  (RSS before the session was opened: " << QString::number(rssBefore, 'f', 0) << " MB)" << Qt::endl;
    pane.setSession({});
    executor.retire(session->database).waitForFinished();
    return 0;
}
