#pragma once

#include "core/base/result.h"
#include "core/mail/mailmessage.h"

namespace atrium::core {

// What services send mail through, so tests and the outbox can use any transport.
class MailTransport {
public:
    virtual ~MailTransport() = default;
    // Blocking. On failure ErrorCode::Network (or Invalid for a message that can never be sent);
    // Error::transient says whether retrying later may succeed.
    virtual Status send(const MailMessage &m) = 0;
};

} // namespace atrium::core
