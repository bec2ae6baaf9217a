#include "webdriver.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>
#include <QTimer>

namespace atrium::test {

namespace {
int freePort() {
    QTcpServer s;
    s.listen(QHostAddress::LocalHost, 0);
    return s.serverPort();
}
// W3C element references come under this fixed key.
const QString ElementKey = QStringLiteral("element-6066-11e4-a52e-4f735466cecf");
} // namespace

WebDriver::WebDriver() : m_nam(std::make_unique<QNetworkAccessManager>()) {}

WebDriver::~WebDriver() {
    if (!m_session.isEmpty()) {
        call("DELETE", QStringLiteral("/session/") + m_session);
    }
    if (m_driver.state() != QProcess::NotRunning) {
        m_driver.terminate();
        if (!m_driver.waitForFinished(5000)) {
            m_driver.kill();
            m_driver.waitForFinished(2000);
        }
    }
}

QJsonValue WebDriver::call(const QByteArray &method, const QString &path, const QJsonObject &body) {
    QNetworkRequest req(QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(path)));
    req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    req.setTransferTimeout(60000);
    QNetworkReply *r = nullptr;
    if (method == "GET") {
        r = m_nam->get(req);
    } else if (method == "DELETE") {
        r = m_nam->deleteResource(req);
    } else {
        r = m_nam->post(req, QJsonDocument(body).toJson(QJsonDocument::Compact));
    }
    QEventLoop loop;
    QObject::connect(r, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!r->isFinished()) {
        loop.exec();
    }
    const QByteArray data = r->readAll();
    const int status = r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r->deleteLater();
    const QJsonObject o = QJsonDocument::fromJson(data).object();
    const QJsonValue value = o.value(QStringLiteral("value"));
    if (status != 200) {
        m_lastError = QStringLiteral("%1 %2: HTTP %3 %4")
                          .arg(QString::fromLatin1(method), path)
                          .arg(status)
                          .arg(QString::fromUtf8(data.left(500)));
        return QJsonValue(QJsonValue::Undefined);
    }
    return value.isUndefined() ? QJsonValue(QJsonValue::Null) : value;
}

bool WebDriver::start(QString *error) {
    const QString driver = QStandardPaths::findExecutable(QStringLiteral("chromedriver"));
    QString chromium = QStandardPaths::findExecutable(QStringLiteral("chromium"));
    if (driver.isEmpty() || chromium.isEmpty()) {
        *error =
            QStringLiteral("chromedriver or chromium not found; install the chromium and chromium-driver packages");
        return false;
    }
    // Debian's /usr/bin/chromium is a wrapper script; chromedriver wants the binary itself.
    if (QFile::exists(QStringLiteral("/usr/lib/chromium/chromium"))) {
        chromium = QStringLiteral("/usr/lib/chromium/chromium");
    }
    m_port = freePort();
    m_driver.setProcessChannelMode(QProcess::MergedChannels);
    m_driver.start(driver, {QStringLiteral("--port=%1").arg(m_port), QStringLiteral("--allowed-ips=127.0.0.1")});
    if (!m_driver.waitForStarted(10000)) {
        *error = QStringLiteral("chromedriver did not start: ") + m_driver.errorString();
        return false;
    }
    QDeadlineTimer deadline(15000);
    bool ready = false;
    while (!deadline.hasExpired() && !ready) {
        const QJsonValue v = call("GET", QStringLiteral("/status"));
        ready = v.toObject().value(QStringLiteral("ready")).toBool();
        if (!ready) {
            QTest::qWait(100);
        }
    }
    if (!ready) {
        *error = QStringLiteral("chromedriver did not become ready: ") + m_lastError +
                 QString::fromLocal8Bit(m_driver.readAll());
        return false;
    }
    const QJsonArray args{QStringLiteral("--headless"),
                          QStringLiteral("--no-sandbox"),
                          QStringLiteral("--disable-gpu"),
                          QStringLiteral("--disable-quic"),
                          QStringLiteral("--no-first-run"),
                          QStringLiteral("--disable-background-networking"),
                          QStringLiteral("--disable-component-update"),
                          QStringLiteral("--disable-sync"),
                          QStringLiteral("--disable-dev-shm-usage"),
                          QStringLiteral("--window-size=420,900"),
                          QString(QStringLiteral("--user-data-dir=") + m_profile.path())};
    const QJsonObject caps{{QStringLiteral("capabilities"),
                            QJsonObject{{QStringLiteral("alwaysMatch"),
                                         QJsonObject{{QStringLiteral("browserName"), QStringLiteral("chrome")},
                                                     {QStringLiteral("goog:chromeOptions"),
                                                      QJsonObject{{QStringLiteral("binary"), chromium},
                                                                  {QStringLiteral("args"), args}}}}}}}};
    const QJsonValue s = call("POST", QStringLiteral("/session"), caps);
    m_session = s.toObject().value(QStringLiteral("sessionId")).toString();
    if (m_session.isEmpty()) {
        *error = QStringLiteral("no WebDriver session: ") + m_lastError;
        return false;
    }
    return true;
}

bool WebDriver::navigate(const QString &url) {
    return !call("POST", QStringLiteral("/session/%1/url").arg(m_session), {{QStringLiteral("url"), url}})
                .isUndefined();
}

QString WebDriver::currentUrl() {
    return call("GET", QStringLiteral("/session/%1/url").arg(m_session)).toString();
}
QString WebDriver::pageSource() {
    return call("GET", QStringLiteral("/session/%1/source").arg(m_session)).toString();
}
QString WebDriver::title() {
    return call("GET", QStringLiteral("/session/%1/title").arg(m_session)).toString();
}

QString WebDriver::find(const QString &css, int timeoutMs) {
    QDeadlineTimer deadline(timeoutMs);
    do {
        const QJsonValue v =
            call("POST", QStringLiteral("/session/%1/element").arg(m_session),
                 {{QStringLiteral("using"), QStringLiteral("css selector")}, {QStringLiteral("value"), css}});
        const QString id = v.toObject().value(ElementKey).toString();
        if (!id.isEmpty()) {
            return id;
        }
        QTest::qWait(100);
    } while (!deadline.hasExpired());
    return {};
}

bool WebDriver::click(const QString &elementId) {
    return !call("POST", QStringLiteral("/session/%1/element/%2/click").arg(m_session, elementId)).isUndefined();
}

bool WebDriver::type(const QString &elementId, const QString &text) {
    return !call("POST", QStringLiteral("/session/%1/element/%2/value").arg(m_session, elementId),
                 {{QStringLiteral("text"), text}})
                .isUndefined();
}

QString WebDriver::text(const QString &elementId) {
    return call("GET", QStringLiteral("/session/%1/element/%2/text").arg(m_session, elementId)).toString();
}

bool WebDriver::waitForUrl(const std::function<bool(const QString &)> &pred, int timeoutMs) {
    QDeadlineTimer deadline(timeoutMs);
    do {
        if (pred(currentUrl())) {
            return true;
        }
        QTest::qWait(100);
    } while (!deadline.hasExpired());
    return false;
}

bool WebDriver::screenshot(const QString &pngPath) {
    const QJsonValue v = call("GET", QStringLiteral("/session/%1/screenshot").arg(m_session));
    const QByteArray png = QByteArray::fromBase64(v.toString().toLatin1());
    QFile f(pngPath);
    return !png.isEmpty() && f.open(QIODevice::WriteOnly) && f.write(png) == png.size();
}

bool WebDriver::setWindowSize(int width, int height) {
    return !call("POST", QStringLiteral("/session/%1/window/rect").arg(m_session),
                 {{QStringLiteral("width"), width}, {QStringLiteral("height"), height}})
                .isUndefined();
}

} // namespace atrium::test
