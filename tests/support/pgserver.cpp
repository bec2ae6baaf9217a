#include "pgserver.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QThread>
#include <QVersionNumber>

#include <arpa/inet.h>
#include <grp.h>
#include <netinet/in.h>
#include <pwd.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <string>
#include <vector>

namespace atrium::test {

namespace {

constexpr int kReadyTimeoutMs = 30000;
constexpr int kInitdbTimeoutMs = 180000; // initdb on a busy 2-core machine can take a while
constexpr int kPsqlTimeoutMs = 300000;

// Servers still running, for the atexit guard: a test that calls exit() skips destructors of
// heap objects, and a static PgServer may outlive everything else.
struct LiveServer {
    pid_t pid;
    std::string baseDir;
};
std::mutex g_liveMutex;
std::vector<LiveServer> g_live;
bool g_atexitInstalled = false;

void killLiveServers() {
    std::lock_guard lock(g_liveMutex);
    for (const LiveServer &s : g_live) {
        ::kill(s.pid, SIGQUIT); // immediate shutdown
    }
    if (!g_live.empty()) {
        ::usleep(300 * 1000);
    }
    for (const LiveServer &s : g_live) {
        ::kill(s.pid, SIGKILL);
        std::error_code ec;
        std::filesystem::remove_all(s.baseDir, ec);
    }
    g_live.clear();
}

void registerLive(pid_t pid, const QString &baseDir) {
    std::lock_guard lock(g_liveMutex);
    if (!g_atexitInstalled) {
        std::atexit(killLiveServers);
        g_atexitInstalled = true;
    }
    g_live.push_back({pid, baseDir.toStdString()});
}

void unregisterLive(pid_t pid) {
    std::lock_guard lock(g_liveMutex);
    std::erase_if(g_live, [pid](const LiveServer &s) { return s.pid == pid; });
}

// PostgreSQL refuses to run as root, so as root the cluster belongs to `nobody`.
struct RunAs {
    bool drop = false;
    uid_t uid = 0;
    gid_t gid = 0;
};

RunAs runAs() {
    RunAs r;
    if (::geteuid() != 0) {
        return r;
    }
    if (const passwd *pw = ::getpwnam("nobody")) {
        r.drop = true;
        r.uid = pw->pw_uid;
        r.gid = pw->pw_gid;
    }
    return r;
}

// Runs in the forked child before exec: drop privileges, then (after the credential change, which
// would clear it) ask the kernel to SIGQUIT the server when the test process dies, crash included.
void configureChild(QProcess &process, const RunAs &as, bool dieWithParent) {
    const pid_t parent = ::getpid();
    process.setChildProcessModifier([as, dieWithParent, parent] {
        if (as.drop) {
            if (::setgroups(0, nullptr) != 0 || ::setgid(as.gid) != 0 || ::setuid(as.uid) != 0) {
                static const char msg[] = "PgServer: cannot switch to user nobody\n";
                [[maybe_unused]] const auto n = ::write(STDERR_FILENO, msg, sizeof msg - 1);
                ::_exit(126);
            }
        }
        if (dieWithParent) {
            ::prctl(PR_SET_PDEATHSIG, SIGQUIT);
            if (::getppid() != parent) {
                ::_exit(125);
            }
        }
    });
}

QProcessEnvironment childEnvironment() {
    // A minimal environment: the caller's PG* variables (PGDATA, PGSERVICE, PGOPTIONS...) must not
    // leak into the private cluster.
    QProcessEnvironment env;
    const QProcessEnvironment sys = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("PATH"), sys.value(QStringLiteral("PATH"), QStringLiteral("/usr/bin:/bin")));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    env.insert(QStringLiteral("LANG"), QStringLiteral("C"));
    env.insert(QStringLiteral("TZ"), QStringLiteral("UTC"));
    env.insert(QStringLiteral("PGCONNECT_TIMEOUT"), QStringLiteral("10"));
    return env;
}

QString findBinDir() {
    const QString preferred = QStringLiteral("/usr/lib/postgresql/15/bin");
    if (QFileInfo::exists(preferred + QStringLiteral("/postgres"))) {
        return preferred;
    }
    QDir root(QStringLiteral("/usr/lib/postgresql"));
    QVersionNumber best;
    QString bestDir;
    const QStringList entries = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &entry : entries) {
        const QVersionNumber v = QVersionNumber::fromString(entry);
        const QString dir = root.filePath(entry) + QStringLiteral("/bin");
        if (!v.isNull() && v > best && QFileInfo::exists(dir + QStringLiteral("/postgres"))) {
            best = v;
            bestDir = dir;
        }
    }
    return bestDir;
}

QString quoteIdent(const QString &name) {
    QString quoted = name;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString quoteLiteral(const QString &value) {
    QString quoted = value;
    quoted.replace(QLatin1Char('\''), QStringLiteral("''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

// A port the kernel just handed out as free; the caller still reserves it with a lock file.
int ephemeralPort() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) {
        return 0;
    }
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    int port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0) {
        socklen_t len = sizeof addr;
        if (::getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &len) == 0) {
            port = ntohs(addr.sin_port);
        }
    }
    ::close(fd);
    return port;
}

// A crashed test cannot delete its cluster; the next PgServer removes directories whose owning
// test process is gone (the owner file holds its pid).
void sweepAbandonedDirectories() {
    const QDir tmp(QStringLiteral("/tmp"));
    const QStringList dirs = tmp.entryList({QStringLiteral("atrium-pg-*")}, QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &name : dirs) {
        QFile owner(tmp.filePath(name) + QStringLiteral("/owner.pid"));
        if (!owner.open(QIODevice::ReadOnly)) {
            continue; // being set up right now, or not ours
        }
        bool ok = false;
        const qint64 pid = owner.readAll().trimmed().toLongLong(&ok);
        owner.close();
        if (ok && pid > 0 && ::kill(pid_t(pid), 0) != 0 && errno == ESRCH) {
            QDir(tmp.filePath(name)).removeRecursively();
        }
    }
}

bool setOwner(const QString &path, const RunAs &as, QString *error) {
    if (as.drop && ::chown(QFile::encodeName(path).constData(), as.uid, as.gid) != 0) {
        *error = QStringLiteral("cannot hand %1 to user nobody: %2").arg(path, QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    return true;
}

} // namespace

PgServer::PgServer() = default;

PgServer::~PgServer() {
    shutdown(SIGQUIT, 10000);
    cleanup();
}

QString PgServer::socketDirectory() const {
    return m_baseDir.isEmpty() ? QString() : m_baseDir + QStringLiteral("/run");
}

QString PgServer::dataDirectory() const {
    return m_baseDir.isEmpty() ? QString() : m_baseDir + QStringLiteral("/data");
}

qint64 PgServer::pid() const {
    return isRunning() ? m_process->processId() : 0;
}

bool PgServer::isRunning() const {
    return m_process && m_process->state() == QProcess::Running;
}

QString PgServer::logTail(int lines) const {
    QFile log(m_baseDir + QStringLiteral("/postgres.log"));
    if (m_baseDir.isEmpty() || !log.open(QIODevice::ReadOnly)) {
        return {};
    }
    const QStringList all = QString::fromLocal8Bit(log.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    return all.mid(qMax(0, int(all.size()) - lines)).join(QLatin1Char('\n'));
}

bool PgServer::start(QString *error) {
    QString dummy;
    QString &err = error ? *error : dummy;
    if (isRunning()) {
        return true;
    }
    if (!m_initialized) {
        m_binDir = findBinDir();
        if (m_binDir.isEmpty()) {
            err = QStringLiteral("PostgreSQL server binaries not found under /usr/lib/postgresql "
                                 "(install postgresql-15)");
            return false;
        }
        sweepAbandonedDirectories();
        if (!prepareDirectory(&err) || !initCluster(&err)) {
            cleanup();
            return false;
        }
        m_initialized = true;
    }
    // A port can be taken between the bind test and postgres's own bind; try a few.
    for (int attempt = 0; attempt < 5; ++attempt) {
        if (!m_portLock && !reservePort(&err)) {
            return false;
        }
        if (launch(&err) && waitReady(&err)) {
            return true;
        }
        const QString tail = logTail(10);
        if (!tail.contains(QLatin1String("could not bind")) && !tail.contains(QLatin1String("already in use"))) {
            return false;
        }
        m_portLock.reset();
    }
    return false;
}

bool PgServer::restart(QString *error) {
    QString dummy;
    QString &err = error ? *error : dummy;
    if (!m_initialized) {
        err = QStringLiteral("PgServer::restart() called before start()");
        return false;
    }
    stop();
    // Same port (we still hold its lock): reconnect tests depend on it.
    return launch(&err) && waitReady(&err);
}

void PgServer::stop() {
    shutdown(SIGINT, 30000); // SIGINT is PostgreSQL's "fast" shutdown
}

bool PgServer::prepareDirectory(QString *error) {
    const RunAs as = runAs();
    // /tmp, not $TMPDIR: `nobody` must be able to traverse it, and unix socket paths are short.
    QByteArray templ = QByteArrayLiteral("/tmp/atrium-pg-XXXXXX");
    if (::mkdtemp(templ.data()) == nullptr) {
        *error = QStringLiteral("cannot create a temporary directory under /tmp: %1")
                     .arg(QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    m_baseDir = QFile::decodeName(templ);
    ::chmod(templ.constData(), 0755);
    QFile owner(m_baseDir + QStringLiteral("/owner.pid"));
    if (!owner.open(QIODevice::WriteOnly) || owner.write(QByteArray::number(qint64(::getpid()))) <= 0) {
        *error = QStringLiteral("cannot write %1").arg(owner.fileName());
        return false;
    }
    owner.close();
    QDir base(m_baseDir);
    if (!base.mkdir(QStringLiteral("data")) || !base.mkdir(QStringLiteral("run"))) {
        *error = QStringLiteral("cannot create directories in %1").arg(m_baseDir);
        return false;
    }
    ::chmod(QFile::encodeName(dataDirectory()).constData(), 0700);
    ::chmod(QFile::encodeName(socketDirectory()).constData(), 0755);
    return setOwner(dataDirectory(), as, error) && setOwner(socketDirectory(), as, error);
}

bool PgServer::initCluster(QString *error) {
    QProcess initdb;
    initdb.setProgram(m_binDir + QStringLiteral("/initdb"));
    initdb.setArguments({QStringLiteral("-D"), dataDirectory(), QStringLiteral("-U"), superuser(),
                         QStringLiteral("--auth=trust"), QStringLiteral("--encoding=UTF8"),
                         QStringLiteral("--locale=C"), QStringLiteral("-N")});
    initdb.setWorkingDirectory(m_baseDir);
    initdb.setProcessEnvironment(childEnvironment());
    initdb.setProcessChannelMode(QProcess::MergedChannels);
    configureChild(initdb, runAs(), false);
    initdb.start();
    const bool finished = initdb.waitForStarted(10000) && initdb.waitForFinished(kInitdbTimeoutMs);
    const QString output = QString::fromLocal8Bit(initdb.readAll());
    if (!finished || initdb.exitStatus() != QProcess::NormalExit || initdb.exitCode() != 0) {
        if (initdb.state() != QProcess::NotRunning) {
            initdb.kill();
            initdb.waitForFinished(5000);
        }
        const QStringList lines = output.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        *error = QStringLiteral("initdb failed (%1): %2\n%3")
                     .arg(initdb.program(), initdb.errorString(), lines.mid(qMax(0, int(lines.size()) - 15)).join(QLatin1Char('\n')));
        return false;
    }
    return true;
}

bool PgServer::reservePort(QString *error) {
    // Lock files in a shared directory reserve a port across test processes (ctest -j); QLockFile
    // takes over locks whose owner died.
    const QString lockDir = QStringLiteral("/tmp/atrium-test-ports");
    if (!QFileInfo::exists(lockDir) && QDir().mkpath(lockDir)) {
        ::chmod(QFile::encodeName(lockDir).constData(), 01777);
    }
    for (int attempt = 0; attempt < 50; ++attempt) {
        const int candidate = ephemeralPort();
        if (candidate <= 0) {
            continue;
        }
        auto lock = std::make_unique<QLockFile>(lockDir + QStringLiteral("/%1.lock").arg(candidate));
        lock->setStaleLockTime(0); // stale only when its owner process is gone, never by age
        if (lock->tryLock(0)) {
            m_portLock = std::move(lock);
            m_port = candidate;
            return true;
        }
    }
    *error = QStringLiteral("cannot find a free TCP port on 127.0.0.1 (lock directory %1)").arg(lockDir);
    return false;
}

bool PgServer::launch(QString *error) {
    m_process = std::make_unique<QProcess>();
    m_process->setProgram(m_binDir + QStringLiteral("/postgres"));
    m_process->setArguments({
        QStringLiteral("-D"), dataDirectory(),
        QStringLiteral("-p"), QString::number(m_port),
        QStringLiteral("-c"), QStringLiteral("listen_addresses=127.0.0.1"),
        QStringLiteral("-c"), QStringLiteral("unix_socket_directories=") + socketDirectory(),
        QStringLiteral("-c"), QStringLiteral("fsync=off"),
        QStringLiteral("-c"), QStringLiteral("synchronous_commit=off"),
        QStringLiteral("-c"), QStringLiteral("full_page_writes=off"),
        QStringLiteral("-c"), QStringLiteral("shared_buffers=32MB"),
        QStringLiteral("-c"), QStringLiteral("max_connections=100"),
        QStringLiteral("-c"), QStringLiteral("TimeZone=UTC"),
        QStringLiteral("-c"), QStringLiteral("logging_collector=off"),
    });
    m_process->setWorkingDirectory(m_baseDir);
    m_process->setProcessEnvironment(childEnvironment());
    // The log is opened by this (maybe root) process and inherited, so `nobody` need not write here.
    const QString log = m_baseDir + QStringLiteral("/postgres.log");
    m_process->setStandardOutputFile(log, QIODevice::Append);
    m_process->setStandardErrorFile(log, QIODevice::Append);
    m_process->setStandardInputFile(QProcess::nullDevice());
    configureChild(*m_process, runAs(), true);
    m_process->start();
    if (!m_process->waitForStarted(10000)) {
        *error = QStringLiteral("cannot start %1: %2").arg(m_process->program(), m_process->errorString());
        m_process.reset();
        return false;
    }
    m_pid = m_process->processId();
    registerLive(pid_t(m_pid), m_baseDir);
    return true;
}

bool PgServer::waitReady(QString *error) {
    const QDeadlineTimer deadline(kReadyTimeoutMs);
    while (!deadline.hasExpired()) {
        if (m_process->state() != QProcess::Running || m_process->waitForFinished(0)) {
            *error = QStringLiteral("postgres exited during startup (exit code %1). Server log:\n%2")
                         .arg(m_process->exitCode())
                         .arg(logTail());
            unregisterLive(pid_t(m_pid));
            m_pid = 0;
            m_process.reset();
            return false;
        }
        QProcess probe;
        probe.setProgram(m_binDir + QStringLiteral("/pg_isready"));
        probe.setArguments({QStringLiteral("-q"), QStringLiteral("-h"), host(), QStringLiteral("-p"),
                            QString::number(m_port), QStringLiteral("-U"), superuser(), QStringLiteral("-d"),
                            QStringLiteral("postgres"), QStringLiteral("-t"), QStringLiteral("2")});
        probe.setProcessEnvironment(childEnvironment());
        probe.start();
        if (probe.waitForFinished(5000) && probe.exitStatus() == QProcess::NormalExit && probe.exitCode() == 0) {
            return true;
        }
        QThread::msleep(100);
    }
    *error = QStringLiteral("postgres did not accept connections on %1:%2 within %3 s. Server log:\n%4")
                 .arg(host())
                 .arg(m_port)
                 .arg(kReadyTimeoutMs / 1000)
                 .arg(logTail());
    shutdown(SIGQUIT, 5000);
    return false;
}

void PgServer::shutdown(int signal, int waitMs) {
    if (!m_process) {
        return;
    }
    const pid_t pid = pid_t(m_pid);
    if (m_process->state() != QProcess::NotRunning && pid > 0) {
        ::kill(pid, signal);
        if (!m_process->waitForFinished(waitMs)) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
    }
    unregisterLive(pid);
    m_pid = 0;
    m_process.reset();
}

void PgServer::cleanup() {
    if (!m_baseDir.isEmpty()) {
        QDir(m_baseDir).removeRecursively();
        m_baseDir.clear();
    }
    m_portLock.reset();
    m_initialized = false;
}

bool PgServer::querySql(const QString &sql, QString *output, QString *error, const QString &database) {
    QString dummy;
    QString &err = error ? *error : dummy;
    if (!isRunning()) {
        err = QStringLiteral("the PostgreSQL test server is not running");
        return false;
    }
    QProcess psql;
    psql.setProgram(m_binDir + QStringLiteral("/psql"));
    psql.setArguments({QStringLiteral("-X"), QStringLiteral("-q"), QStringLiteral("-w"), QStringLiteral("-A"),
                       QStringLiteral("-t"), QStringLiteral("-v"), QStringLiteral("ON_ERROR_STOP=1"),
                       QStringLiteral("-h"), host(), QStringLiteral("-p"), QString::number(m_port),
                       QStringLiteral("-U"), superuser(), QStringLiteral("-d"), database, QStringLiteral("-f"),
                       QStringLiteral("-")});
    psql.setProcessEnvironment(childEnvironment());
    psql.start();
    if (!psql.waitForStarted(10000)) {
        err = QStringLiteral("cannot start psql: %1").arg(psql.errorString());
        return false;
    }
    psql.write(sql.toUtf8());
    psql.closeWriteChannel();
    if (!psql.waitForFinished(kPsqlTimeoutMs)) {
        psql.kill();
        psql.waitForFinished(5000);
        err = QStringLiteral("psql timed out running: %1").arg(sql.left(200));
        return false;
    }
    const QString out = QString::fromUtf8(psql.readAllStandardOutput());
    if (psql.exitStatus() != QProcess::NormalExit || psql.exitCode() != 0) {
        err = QStringLiteral("psql failed on database %1: %2").arg(database, QString::fromUtf8(psql.readAllStandardError()).trimmed());
        return false;
    }
    if (output) {
        *output = out.trimmed();
    }
    return true;
}

bool PgServer::runSql(const QString &sql, QString *error, const QString &database) {
    return querySql(sql, nullptr, error, database);
}

bool PgServer::createDatabase(const QString &name, QString *error, const QString &owner) {
    QString sql;
    if (!owner.isEmpty()) {
        // CREATE DATABASE cannot run inside a DO block, so only the role is made conditionally.
        sql += QStringLiteral("SELECT format('CREATE ROLE %I LOGIN', %1::text) WHERE NOT EXISTS "
                              "(SELECT 1 FROM pg_roles WHERE rolname = %1) \\gexec\n")
                   .arg(quoteLiteral(owner));
        sql += QStringLiteral("CREATE DATABASE %1 OWNER %2;\n").arg(quoteIdent(name), quoteIdent(owner));
    } else {
        sql += QStringLiteral("CREATE DATABASE %1;\n").arg(quoteIdent(name));
    }
    return runSql(sql, error);
}

QString PgServer::url(const QString &database, const QString &user) const {
    return QStringLiteral("postgresql://%1@%2:%3/%4")
        .arg(user.isEmpty() ? superuser() : user, host(), QString::number(m_port), database);
}

} // namespace atrium::test
