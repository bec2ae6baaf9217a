#pragma once

#include "core/policy/policyengine.h"
#include "core/services/servicecontext.h"
#include "core/services/user.h"

#include <QHash>
#include <QIODevice>

#include <functional>
#include <memory>

namespace atrium::core {

class SecretStore;
class StatementCache;

// One invitation as asked for by the console dialog, atriumctl invite, owners' self-service or a
// bulk CSV row (SPEC §2).
struct GuestInvite {
    QString email;
    QString redirectUrl;
    QString displayName;
    QString message;  // plain text
    QString cc;       // at most one address
    QString language = QStringLiteral("en");
    UserType userType = UserType::Guest;
    QStringList sponsorIds; // at most 5; default: the inviter
    QStringList groupIds;
    QStringList appIds;
    bool sendEmail = false; // sendInvitationMessage (default false, as in the model system)
    QString correlationId;
};

struct InvitationResult {
    QString invitationId;
    User invitedUser;
    QString redeemUrl;
    QString redirectUrl;
    InvitationStatus status = InvitationStatus::PendingAcceptance;
    bool sendEmail = false;
    bool emailQueued = false;
    bool emailSuppressedUnsubscribed = false;
    QString message;
    QString cc;
    QString language;
    // Microsoft Graph invitation shape: inviteRedeemUrl, invitedUserEmailAddress, invitedUser, status, ...
    QJsonObject toJson() const;
};

// Invitations and the guest actions around them. Every path that creates a guest ends in inviteTx(),
// which asks the policy engine first; nothing re-implements a rule.
class InvitationService final {
public:
    InvitationService(ServiceContext ctx, std::shared_ptr<SecretStore> secrets);
    ~InvitationService();

    Result<InvitationResult> invite(GuestInvite request);
    // The decision alone (what-if), with its trace; audited when acting as someone else.
    Result<PolicyDecision> whatIfInvite(const QString &email, const Operator &as);

    Result<QString> redemptionUrl(const QString &userId);     // "copy redemption link"
    Status resend(const QString &userId);                     // queues the invitation mail again
    // Re-invites an existing guest, optionally at a new email, keeping object id, UPN, memberships
    // and assignments; the old link stops working.
    Result<InvitationResult> resetRedemption(const QString &userId, const QString &newEmail, bool sendEmail);
    Status setSignInBlocked(const QString &userId, bool blocked);
    Status deleteGuest(const QString &userId);
    // Adds a guest to a group or app (owners may do it for what they own).
    Status addToGroupOrApp(const QString &userId, const QString &objectId);
    Status setSponsors(const QString &userId, const QStringList &sponsorIds);

    // The policy engine for the directory's current settings.
    static Result<PolicyEngine> loadPolicy(QSqlDatabase &db);
    static Result<OperatorContext> operatorContext(QSqlDatabase &db, const Operator &op, const QStringList &groupIds,
                                                   const QStringList &appIds);

    // --- used by the bulk runner (same transaction, cached statements) ---
    struct Prepared;
    // Validates the request's fields and asks the policy engine; no database writes.
    Result<Prepared> prepare(const GuestInvite &request, const PolicyEngine &engine, const OperatorContext &opCtx) const;
    // Writes the guest, identity, sponsors, memberships, invitation, outbox row and audit row.
    Result<InvitationResult> inviteTx(StatementCache &st, const Prepared &p);
    // The existing guest for an address, if any.
    static Result<std::optional<std::pair<QString, QString>>> existingUserByMail(StatementCache &st,
                                                                                const QString &emailLower);
    // What inviteManyTx did with one row.
    struct BatchOutcome {
        enum class Kind {
            Invited,  // written; `result` holds it
            Existing, // the address already has a user: existingId, existingState ("Member" or the guest's state)
            Single,   // not written: the caller invites this row with inviteTx (in its own savepoint)
        };
        Kind kind = Kind::Single;
        InvitationResult result;
        QString existingId;
        QString existingState;
    };
    // The bulk fast path: the same rows as inviteTx writes, for many invitations in the caller's
    // transaction, with one multi-row INSERT per table and chunk instead of a statement per row and
    // table, and one IN lookup per chunk for existing addresses, taken UPNs and unsubscribed
    // recipients. Rows that need more (groups, apps, explicit sponsors, a UPN collision, an
    // unsubscribed recipient) come back as Single. If an INSERT fails, the error is returned and
    // the caller must roll its transaction back (BulkInviteRunner then invites that batch row by row,
    // so a bad row never stops good ones).
    Result<QList<BatchOutcome>> inviteManyTx(StatementCache &st, const QList<const Prepared *> &rows);

    // Loads the redemption-token key from the keychain once. The bulk runner calls it before the
    // first row, so a missing or locked keychain is one clear error instead of one per row.
    Status loadTokenKey();

    const ServiceContext &context() const { return m_ctx; }

private:
    Result<QByteArray> tokenKey();
    Result<QString> portalBaseUrl(QSqlDatabase &db);
    Result<QString> cachedSetting(StatementCache &st, const QString &key);
    Status queueMail(StatementCache &st, const QString &invitationId, const QString &recipient, const QString &userId,
                     const QString &userName, const QString &correlationId, bool *queued, bool *unsubscribed);

    ServiceContext m_ctx;
    std::shared_ptr<SecretStore> m_secrets;
    QByteArray m_tokenKey;
    QString m_tenantId;
    QString m_initialDomain;
    QHash<QString, QString> m_settingCache;
    quint64 m_settingCacheOwner = 0;
};

struct InvitationService::Prepared {
    GuestInvite request;
    QString emailLower;
    QString emailDomain;
    QString displayName;
    QString redirectUrl;
    QString cc;
    PolicyDecision decision;
};

} // namespace atrium::core
