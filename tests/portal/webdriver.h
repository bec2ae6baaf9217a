#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <functional>
#include <memory>

class QNetworkAccessManager;

namespace atrium::test {

// A small W3C WebDriver client for Debian's chromium + chromium-driver: starts chromedriver on a
// free loopback port and one headless Chromium session with a fresh profile, and speaks the
// WebDriver HTTP API through QNetworkAccessManager. Nothing is downloaded.
class WebDriver final {
public:
    WebDriver();
    ~WebDriver();
    WebDriver(const WebDriver &) = delete;
    WebDriver &operator=(const WebDriver &) = delete;

    bool start(QString *error); // false with a readable error when chromedriver or chromium fail

    bool navigate(const QString &url);
    QString currentUrl();
    QString pageSource();
    QString title();
    // The element id of the first match of a CSS selector, waiting up to timeoutMs; empty if none.
    QString find(const QString &css, int timeoutMs = 10000);
    bool click(const QString &elementId);
    bool type(const QString &elementId, const QString &text);
    QString text(const QString &elementId);
    bool waitForUrl(const std::function<bool(const QString &)> &pred, int timeoutMs = 15000);
    bool screenshot(const QString &pngPath);
    bool setWindowSize(int width, int height);
    QString lastError() const { return m_lastError; }

private:
    QJsonValue call(const QByteArray &method, const QString &path, const QJsonObject &body = {});

    std::unique_ptr<QNetworkAccessManager> m_nam;
    QProcess m_driver;
    QTemporaryDir m_profile;
    int m_port = 0;
    QString m_session;
    QString m_lastError;
};

} // namespace atrium::test
