#pragma once

#include "core/base/clock.h"
#include "core/base/result.h"
#include "core/redemption/apiconnector.h"
#include "core/userflows/userflow.h"

#include <QByteArray>
#include <QHash>
#include <QSqlDatabase>
#include <QString>
#include <memory>

namespace atrium::core {

class Database;
class SecretStore;

// Why a self-service sign-up step did not go ahead. Each is a clear page in the portal; none of
// them changes the directory (a wrong passcode only counts the try against its code).
enum class SignUpProblem {
    None,
    UnknownFlow,       // no user flow of that name
    FlowDisabled,      // the flow is disabled, self-service sign-up is off, or passcodes are off
    InvalidEmail,      // message says why
    DomainBlocked,     // the policy engine refuses the address (SPEC §4)
    AlreadyRegistered, // the address belongs to a user already: attributes are collected only once
    TooManyResends,
    NoActiveCode,
    WrongCode,
    CodeExpired,
    TooManyAttempts,
    SessionInvalid,   // no sign-up session, it expired, or it is at another step
    Blocked,          // an API connector answered ShowBlockPage: message is its userMessage
    ConnectorFailed,  // any other connector answer: blocked with a generic message
    ValidationError,  // postAttributeCollection answered ValidationError: message at the form
    InvalidAttribute, // a required attribute is missing or a value is not acceptable (field, message)
    TermsNotAccepted,
};
QString signUpProblemKey(SignUpProblem p); // "unknownFlow", "validationError", ...

struct SignUpStep {
    SignUpProblem problem = SignUpProblem::None;
    UserFlow flow;
    QString organizationName;
    QString privacyStatementUrl;
    QString email;
    QString sessionSecret; // requestPasscode: the new session's secret (cookie only)
    int validMinutes = 0;
    int attemptsLeft = 0;           // WrongCode
    QString passcodeId;             // requestPasscode
    QHash<QString, QString> values; // attributes: pre-filled (connector) or as submitted
    QString message;                // Blocked / ValidationError: the connector's userMessage; InvalidAttribute
    QString field;                  // InvalidAttribute
    QString userId;                 // submitAttributes: the created guest
    QString userPrincipalName;
    bool needsTerms = false;
    QString termsOfUseUrl;
    QString termsOfUseText;
    QString redirectUrl; // accept
};

struct SignUpOptions {
    int maxWrongAttempts = 5;
    int maxCodesPerHour = 5;             // per address
    qint64 sessionLifetimeMs = 86400000; // at most 24 h (SPEC §7)
};

// Self-service sign-up through a user flow (SPEC §8), for atrium-portal:
//   requestPasscode -> verifyPasscode (then the postFederationSignup connector: Continue may
//   pre-fill, ShowBlockPage blocks) -> attributes in page order -> submitAttributes (the
//   postAttributeCollection connector: Continue may override, ShowBlockPage blocks,
//   ValidationError shows its message at the form) -> the guest is created (Guest, Accepted,
//   creationType SelfServiceSignUp, identity "mail", attributes stored, audited "Add user")
//   -> consent -> terms of use when configured -> the flow's redirect URL.
// The address is judged by the same policy engine as every invitation path
// (InvitationService::loadPolicy, PolicyEngine::mayRedeem: address, domain list, cross-tenant), at
// the first step and again inside the transaction that creates the guest. The operator-role rules
// of mayInvite do not apply: nobody invites; the gate is "Enable guest self-service sign-up via
// user flows" (SPEC §4). Connectors are called outside any transaction; every answer but the
// three of SPEC §8 blocks. Thread-safe like RedemptionService.
class SignUpService final {
public:
    SignUpService(std::shared_ptr<Database> db, std::shared_ptr<const Clock> clock, QByteArray tokenKey,
                  std::shared_ptr<SecretStore> secrets, SignUpOptions options = {});

    Result<SignUpStep> start(const QString &flowName) const;
    Result<SignUpStep> requestPasscode(const QString &flowName, const QString &email);
    Result<SignUpStep> codeView(const QString &flowName, const QString &sessionSecret) const;
    Result<SignUpStep> verifyPasscode(const QString &flowName, const QString &sessionSecret, const QString &code,
                                      const QString &uiLocales = {});
    Result<SignUpStep> attributesView(const QString &flowName, const QString &sessionSecret) const;
    Result<SignUpStep> submitAttributes(const QString &flowName, const QString &sessionSecret,
                                        const QHash<QString, QString> &values, const QString &uiLocales = {});
    Result<SignUpStep> consentView(const QString &flowName, const QString &sessionSecret) const;
    Result<SignUpStep> accept(const QString &flowName, const QString &sessionSecret, bool termsAccepted);

    const SignUpOptions &options() const { return m_options; }

private:
    struct Context;
    struct Session;
    Result<Context> context(QSqlDatabase &db, const QString &flowName, SignUpStep &step) const;
    Result<Session> session(QSqlDatabase &db, const Context &ctx, const QString &secret, SignUpStep &step) const;
    // Calls the connector (none configured: Continue). false = blocked (step.problem says how).
    Result<bool> callConnector(const QString &connectorId, ConnectorStep kind, const ConnectorClaims &claims,
                               SignUpStep &step, QJsonObject *answerClaims) const;

    std::shared_ptr<Database> m_db;
    std::shared_ptr<const Clock> m_clock;
    QByteArray m_key;
    std::shared_ptr<SecretStore> m_secrets;
    SignUpOptions m_options;
};

} // namespace atrium::core
