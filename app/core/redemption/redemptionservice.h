#pragma once

#include "core/base/clock.h"
#include "core/base/result.h"
#include "core/federation/redemptionresolver.h"

#include <QByteArray>
#include <QMutex>
#include <QSqlDatabase>
#include <QString>
#include <memory>

namespace atrium::core {

class Database;
class StatementCache;

// Why a redemption step did not go ahead. Each is a clear page in the portal, and none of them
// changes the directory (a wrong passcode only counts the try against its code).
enum class RedeemProblem {
    None,
    UnknownLink,      // no such token: mistyped, or revoked (the pending guest was deleted)
    AlreadyRedeemed,  // the invitation is Completed: links are single-use
    Superseded,       // the redemption was reset; a newer link replaces this one
    Expired,          // the directory's link expiry has passed
    DomainBlocked,    // the address's domain is no longer allowed (SPEC §2)
    SignInBlocked,    // account_enabled is off
    ExternalProvider, // the guest signs in with another provider (named in invitation.idp)
    TooManyResends,   // too many codes asked for in the last hour
    NoActiveCode,     // no unused code (never asked, used, or replaced by a newer one)
    WrongCode,        // attemptsLeft says how many tries remain for this code
    CodeExpired,
    TooManyAttempts,  // the code is spent after maxWrongAttempts wrong tries
    SessionInvalid,   // no portal session, or it expired (24 h at most)
    TermsNotAccepted, // terms of use are configured and the form did not accept them
};
QString redeemProblemKey(RedeemProblem p); // stable key: "unknownLink", "wrongCode", ...

struct RedeemInvitation {
    QString invitationId;
    QString userId;
    QString email;
    QString displayName;
    QString userPrincipalName;
    QString redirectUrl;
    QString language;
    QString organizationName;
    QString privacyStatementUrl;
    ResolvedIdp idp;
};

// The outcome of one step: problem None means it went ahead.
struct RedeemStep {
    RedeemProblem problem = RedeemProblem::None;
    RedeemInvitation invitation; // filled whenever the link was found
    int attemptsLeft = 0;        // WrongCode
    int validMinutes = 0;        // requestPasscode
    QString passcodeId;          // requestPasscode (the outbox row points at it)
    QString sessionSecret;       // verifyPasscode: goes into the session cookie only
    bool needsConsent = true;    // verifyPasscode / consentView: false when consented before
    // Terms of use (SPEC §2): configured (settings termsOfUseUrl / termsOfUseText) and not yet
    // accepted by this guest; shown after consent, accepted once (consents.terms_accepted_at).
    bool needsTerms = false;
    QString termsOfUseUrl;
    QString termsOfUseText;
    QString redirectUrl; // accept
};

struct RedemptionOptions {
    int maxWrongAttempts = 5;            // per code (SPEC §7: a bounded number of wrong tries)
    int maxCodesPerHour = 5;             // per invitation (a bounded number of resends)
    qint64 sessionLifetimeMs = 86400000; // at most 24 h (SPEC §7)
    int landingCacheMs = 2000;           // landing pages reuse directory name/policy this long; 0 = never
};

// Redemption of invitations by email one-time passcode, for atrium-portal.
//
// GETs (landing, consentView, unsubscribeView) never change anything: mail scanners open links.
// Every state change is one transaction with compare-and-swap updates, so two browser tabs (or two
// portal processes) cannot redeem one invitation twice or use one code twice. Actions re-read the
// policy inside their transaction; only landing() may use a snapshot up to landingCacheMs old.
// The token key (keychain) derives passcodes; tokens are looked up by their hash only.
// Thread-safe: one instance may serve several threads (each uses its own connection).
class RedemptionService final {
public:
    RedemptionService(std::shared_ptr<Database> db, std::shared_ptr<const Clock> clock, QByteArray tokenKey,
                      RedemptionOptions options = {});
    ~RedemptionService();
    RedemptionService(const RedemptionService &) = delete;
    RedemptionService &operator=(const RedemptionService &) = delete;

    Result<RedeemStep> landing(const QString &token) const;
    // Supersedes earlier unused codes, stores a new code's check hash and queues the passcode mail
    // (outbox kind 'passcode'); the caller drains the outbox.
    Result<RedeemStep> requestPasscode(const QString &token);
    // On success opens a portal session (sessionSecret) and uses the code up.
    Result<RedeemStep> verifyPasscode(const QString &token, const QString &code);
    Result<RedeemStep> consentView(const QString &sessionSecret) const;
    // Consent (recorded once) and acceptance in one transaction: the guest becomes Accepted with
    // externalUserStateChangeDateTime and identity "mail", the invitation Completed, audited as
    // "Redeem external user invite". Returns the redirect URL.
    // When terms of use are pending and termsAccepted is false, only the session's consent is
    // noted and the step says needsTerms (no redirect URL): the portal shows the terms, whose form
    // calls accept again with termsAccepted. termsAccepted without a consent given first is
    // answered with needsConsent and changes nothing.
    Result<RedeemStep> accept(const QString &sessionSecret, bool termsAccepted = false);
    Result<RedeemStep> unsubscribeView(const QString &token) const;
    // Adds the invited address to the unsubscribed list ("block future invitations").
    Result<RedeemStep> unsubscribe(const QString &token);

    static QString newSessionSecret(); // 256 random bits, base64url
    const RedemptionOptions &options() const { return m_options; }

private:
    struct Snapshot;
    struct Found;
    Result<std::shared_ptr<const Snapshot>> snapshot(QSqlDatabase &db, bool allowCached) const;
    Result<Found> find(QSqlDatabase &db, const QString &column, const QString &value) const;
    void judge(const Found &f, const Snapshot &s, RedeemStep &step) const;
    Result<Found> session(QSqlDatabase &db, const QString &secret, RedeemStep &step, bool *consented) const;

    std::shared_ptr<Database> m_db;
    std::shared_ptr<const Clock> m_clock;
    QByteArray m_key;
    RedemptionOptions m_options;
    mutable QMutex m_cacheMutex;
    mutable std::shared_ptr<const Snapshot> m_cache;
    mutable qint64 m_cacheAt = 0; // steady clock ms
    // The landing lookup's prepared statement, for the first thread that serves landing pages (the
    // portal's HTTP thread): preparing it per request costs more than running it.
    struct LandingStatement;
    mutable std::unique_ptr<LandingStatement> m_landing;
};

} // namespace atrium::core
