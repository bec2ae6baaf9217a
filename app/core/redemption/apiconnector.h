#pragma once

#include "core/base/result.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>
#include <QUrl>

namespace atrium::core {

// The two points of a self-service sign-up where an API connector is called (SPEC §8).
enum class ConnectorStep {
    PostFederationSignup,    // after federating with an identity provider: Continue or ShowBlockPage
    PostAttributeCollection, // before creating the user: Continue, ShowBlockPage or ValidationError
};
QString toString(ConnectorStep step); // "PostFederationSignup", "PostAttributeCollection"

struct ApiConnectorConfig {
    QUrl endpoint; // https; http only for localhost/127.0.0.1/::1 (a developer's test endpoint)
    // Basic authentication (username + password from the keychain) or a client certificate.
    QString username;
    QString password;
    QSslCertificate clientCertificate;
    QSslKey clientKey;
    int timeoutMs = 20000; // per attempt (SPEC §8: 20 s)
    int retries = 1;       // one retry after a timeout, a connection failure or a 5xx answer
};

// The claims sent (SPEC §8): email, identities, displayName, givenName, surname, custom
// attributes (extension_<name>), ui_locales; empty claims are omitted.
struct ConnectorClaims {
    QString email;
    QJsonArray identities; // [{"signInType", "issuer", "issuerAssignedId"}]
    QString displayName;
    QString givenName;
    QString surname;
    QJsonObject attributes; // built-in (country, postalCode, jobTitle, ...) and extension_<name>
    QString uiLocales;
    QJsonObject toJson(ConnectorStep step) const;
};

struct ConnectorAnswer {
    enum class Action { Continue, ShowBlockPage, ValidationError, Failure };
    Action action = Action::Failure;
    QString userMessage; // ShowBlockPage / ValidationError: shown to the user
    QJsonObject claims;  // Continue: values to pre-fill or override (everything but version/action/...)
    int httpStatus = 0;  // of the last attempt (0: no answer)
    int attempts = 0;
    QString failure; // Failure: why, for the log (never shown to the user)
};

// Calls an API connector: HTTP POST of the claims as JSON, HTTP Basic or client-certificate
// authentication, a timeout per attempt and one retry. Exactly the answers of SPEC §8 are
// accepted; anything else (wrong status, malformed JSON, an action not allowed at this step, a
// missing userMessage, a redirect, a timeout twice) is a Failure, which blocks the sign-up with a
// generic message: never a success. Blocking; runs a local event loop (call it from a worker or a
// thread that may wait).
class ApiConnectorClient final {
public:
    explicit ApiConnectorClient(ApiConnectorConfig config);

    // Refuses configurations that can never work (no endpoint, plain http to a remote host, no
    // authentication).
    static Status validate(const ApiConnectorConfig &config);

    ConnectorAnswer call(ConnectorStep step, const ConnectorClaims &claims) const;
    // The answer to one HTTP response; public for tests.
    static ConnectorAnswer interpret(ConnectorStep step, int httpStatus, const QByteArray &body);

private:
    ApiConnectorConfig m_config;
};

} // namespace atrium::core
