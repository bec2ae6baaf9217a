#pragma once

#include "core/base/result.h"
#include "core/mail/mailmessage.h"

namespace atrium::core {

struct InvitationMailData {
    QString inviterName;
    QString inviterEmail;
    QString organizationName;
    QString inviteeEmail;
    QString inviteeName;
    QString personalMessage; // plain text, shown as text in both parts
    QString acceptUrl;       // the redemption URL (portal)
    QString redirectUrl;
    QString privacyStatementUrl; // optional
    QString unsubscribeUrl;      // "block future invitations"
    QString language;            // "en" (default) or "de"; others fall back to "en"
};

// The invitation email of SPEC §2 from the templates in resources/mail (:/mail/invitation.txt and
// .html, :/mail/de/... for German). Every value is HTML-escaped in the HTML part; the personal
// message stays plain text (escaped, newlines become <br>). URLs must be absolute http(s).
// Subject "<inviter> invited you to access applications within <organization>", Reply-To the
// inviter, To the invitee, a List-Unsubscribe header with the unsubscribe URL.
Result<MailMessage> renderInvitationMail(const InvitationMailData &d, const MailAddress &from);

} // namespace atrium::core
