#pragma once

#include "core/services/servicecontext.h"

namespace atrium::core {

struct InactiveGuest {
    QString id;
    QString displayName;
    QString userPrincipalName;
    QString mail;
    qint64 createdAt = 0;
    qint64 lastSignInAt = 0; // 0 = never signed in
    bool accountEnabled = true;
    int inactiveDays = 0;    // since the last sign-in, or since creation when never signed in
};

struct PendingInvitation {
    QString invitationId;
    QString userId;
    QString displayName;
    QString invitedEmail;
    QString invitedBy;
    qint64 createdAt = 0;
    int ageDays = 0;
};

// The inactive guests report (SPEC §12) on both engines: guests with no sign-in for N days,
// counted from creation when they never signed in, and invitations never redeemed, oldest first.
class InactiveGuestsReport final {
public:
    explicit InactiveGuestsReport(ServiceContext ctx) : m_ctx(std::move(ctx)) {}

    // days <= 0 reads the directory setting inactiveGuestDays (default 90).
    Result<QList<InactiveGuest>> inactiveGuests(int days, int limit = 10000) const;
    // Invitations still PendingAcceptance created at least minAgeDays ago, oldest first.
    Result<QList<PendingInvitation>> unredeemedInvitations(int minAgeDays, int limit = 10000) const;
    // The configured threshold (setting inactiveGuestDays).
    Result<int> configuredDays() const;

    static QStringList inactiveCsvHeader();
    static QStringList inactiveCsvRecord(const InactiveGuest &g);
    static QStringList invitationCsvHeader();
    static QStringList invitationCsvRecord(const PendingInvitation &i);

private:
    ServiceContext m_ctx;
};

} // namespace atrium::core
