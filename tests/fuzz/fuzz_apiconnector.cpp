// ApiConnectorClient::interpret (the answer reader ApiConnectorClient::call uses for every HTTP
// answer) on arbitrary status and body: no crash, and only the answers of SPEC §8 succeed. Continue
// needs HTTP 200 and never carries the protocol fields as claims; ShowBlockPage needs 200 and a
// message; ValidationError needs the attribute collection step, HTTP 400 and a message; anything
// else is a Failure with a reason for the log. The first two bytes choose the step and the status.
#include "core/redemption/apiconnector.h"

#include <QJsonDocument>
#include <cstdint>
#include <cstdlib>

using namespace atrium::core;

namespace {
void check(bool ok) {
    if (!ok) {
        abort();
    }
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size < 2) {
        return 0;
    }
    const ConnectorStep step =
        (data[0] & 1) != 0 ? ConnectorStep::PostAttributeCollection : ConnectorStep::PostFederationSignup;
    static constexpr int kStatuses[] = {200, 400, 200, 400, 201, 204, 302, 401, 403, 404, 409, 500, 503, 0, 199, 299};
    const int status = kStatuses[data[1] % (sizeof kStatuses / sizeof kStatuses[0])];
    const QByteArray body(reinterpret_cast<const char *>(data + 2), qsizetype(size - 2));

    using A = ConnectorAnswer::Action;
    const ConnectorAnswer a = ApiConnectorClient::interpret(step, status, body);
    check(a.httpStatus == status);
    switch (a.action) {
    case A::Continue:
        check(status == 200 && a.userMessage.isEmpty() && a.failure.isEmpty());
        for (const char *reserved : {"version", "action", "userMessage", "status"}) {
            check(!a.claims.contains(QLatin1String(reserved)));
        }
        break;
    case A::ShowBlockPage:
        check(status == 200 && !a.userMessage.isEmpty() && a.userMessage == a.userMessage.trimmed() &&
              a.claims.isEmpty());
        break;
    case A::ValidationError:
        check(step == ConnectorStep::PostAttributeCollection && status == 400 && !a.userMessage.isEmpty() &&
              a.userMessage == a.userMessage.trimmed() && a.claims.isEmpty());
        break;
    case A::Failure:
        check(!a.failure.isEmpty() && a.userMessage.isEmpty() && a.claims.isEmpty());
        break;
    }
    if (a.action != A::Failure) {
        // Only a JSON object with a version can be an answer.
        const QJsonDocument doc = QJsonDocument::fromJson(body);
        check(doc.isObject() && !doc.object().value(QLatin1String("version")).toString().isEmpty());
    }

    // What comes back in Continue may be sent again at the next step: the request body must drop
    // empty claims and always name the step.
    ConnectorClaims claims;
    claims.attributes = a.claims;
    const QJsonObject request = claims.toJson(step);
    check(request.value(QLatin1String("step")).toString() == toString(step));
    for (auto it = request.begin(); it != request.end(); ++it) {
        check(!it->isNull() && !it->isUndefined() && !(it->isString() && it->toString().trimmed().isEmpty()));
    }
    return 0;
}
