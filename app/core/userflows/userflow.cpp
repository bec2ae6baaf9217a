#include "core/userflows/userflow.h"

#include "core/base/clock.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>

namespace atrium::core {

namespace {
QString tr(const char *text) {
    return QCoreApplication::translate("atrium::core::UserFlow", text);
}

const QString kEnabled = QStringLiteral("enabled");
const QString kProviders = QStringLiteral("identityProviders");
const QString kAttributes = QStringLiteral("attributes");
const QString kRedirect = QStringLiteral("redirectUrl");
} // namespace

const QStringList &builtInUserFlowAttributes() {
    static const QStringList names{
        QStringLiteral("displayName"), QStringLiteral("givenName"),     QStringLiteral("surname"),
        QStringLiteral("jobTitle"),    QStringLiteral("country"),       QStringLiteral("state"),
        QStringLiteral("city"),        QStringLiteral("streetAddress"), QStringLiteral("postalCode")};
    return names;
}

const QStringList &signUpIdentityProviders() {
    static const QStringList names{QStringLiteral("emailOneTimePasscode"), QStringLiteral("google"),
                                   QStringLiteral("facebook"), QStringLiteral("microsoftAccount")};
    return names;
}

bool isCustomAttributeName(const QString &name) {
    static const QRegularExpression re(QStringLiteral("^extension_(?:[0-9a-f]{32}_)?[A-Za-z][A-Za-z0-9]{0,63}$"));
    return re.match(name).hasMatch();
}

QString userFlowAttributeLabel(const QString &name) {
    if (name == QLatin1String("displayName")) {
        return tr("Display name");
    }
    if (name == QLatin1String("givenName")) {
        return tr("Given name");
    }
    if (name == QLatin1String("surname")) {
        return tr("Surname");
    }
    if (name == QLatin1String("jobTitle")) {
        return tr("Job title");
    }
    if (name == QLatin1String("country")) {
        return tr("Country/Region");
    }
    if (name == QLatin1String("state")) {
        return tr("State/Province");
    }
    if (name == QLatin1String("city")) {
        return tr("City");
    }
    if (name == QLatin1String("streetAddress")) {
        return tr("Street address");
    }
    if (name == QLatin1String("postalCode")) {
        return tr("Postal code");
    }
    // extension_<appid>_<name> -> <name>
    return name.section(QLatin1Char('_'), -1);
}

Status validateUserFlowName(const QString &name) {
    static const QRegularExpression re(QStringLiteral("^B2X_1_[A-Za-z0-9_-]{1,64}$"));
    if (!re.match(name).hasMatch()) {
        return Error::invalid(tr("A user flow name starts with B2X_1_ followed by 1 to 64 letters, digits, _ or - "
                                 "(for example B2X_1_PartnerSignUp)."),
                              QStringLiteral("name"));
    }
    return {};
}

Status validateAttributeName(const QString &name) {
    if (builtInUserFlowAttributes().contains(name) || isCustomAttributeName(name)) {
        return {};
    }
    return Error::invalid(tr("\"%1\" is neither a built-in attribute (%2) nor a custom attribute named "
                             "extension_<appid>_<name>.")
                              .arg(name.left(80), builtInUserFlowAttributes().join(QStringLiteral(", "))),
                          QStringLiteral("attributes"));
}

QJsonObject UserFlow::definitionJson() const {
    QJsonArray attrs;
    for (const UserFlowAttribute &a : attributes) {
        attrs.append(QJsonObject{{QStringLiteral("name"), a.name}, {QStringLiteral("required"), a.required}});
    }
    return QJsonObject{{kEnabled, enabled},
                       {kProviders, QJsonArray::fromStringList(identityProviders)},
                       {kAttributes, attrs},
                       {kRedirect, redirectUrl}};
}

void UserFlow::readDefinition(const QJsonObject &d) {
    enabled = d.value(kEnabled).toBool(true);
    identityProviders.clear();
    for (const QJsonValue &v : d.value(kProviders).toArray()) {
        identityProviders << v.toString();
    }
    if (identityProviders.isEmpty()) {
        identityProviders << QStringLiteral("emailOneTimePasscode");
    }
    attributes.clear();
    for (const QJsonValue &v : d.value(kAttributes).toArray()) {
        const QJsonObject o = v.toObject();
        attributes << UserFlowAttribute{o.value(QStringLiteral("name")).toString(),
                                        o.value(QStringLiteral("required")).toBool()};
    }
    redirectUrl = d.value(kRedirect).toString();
}

QJsonObject UserFlow::toJson() const {
    QJsonObject o = definitionJson();
    o.insert(QStringLiteral("id"), id);
    o.insert(QStringLiteral("name"), name);
    o.insert(QStringLiteral("applications"), QJsonArray::fromStringList(appIds));
    o.insert(
        QStringLiteral("apiConnectorConfiguration"),
        QJsonObject{{QStringLiteral("postFederationSignup"),
                     postFederationConnectorId.isEmpty() ? QJsonValue() : QJsonValue(postFederationConnectorId)},
                    {QStringLiteral("postAttributeCollection"), postAttributeCollectionConnectorId.isEmpty()
                                                                    ? QJsonValue()
                                                                    : QJsonValue(postAttributeCollectionConnectorId)}});
    o.insert(QStringLiteral("createdDateTime"), isoUtc(createdAt));
    o.insert(QStringLiteral("rowVersion"), rowVersion);
    return o;
}

QJsonObject ApiConnector::toJson() const {
    return QJsonObject{{QStringLiteral("id"), id},
                       {QStringLiteral("displayName"), displayName},
                       {QStringLiteral("targetUrl"), endpointUrl},
                       {QStringLiteral("authenticationType"), authType},
                       {QStringLiteral("username"), username},
                       {QStringLiteral("hasCredentials"), hasSecret},
                       {QStringLiteral("createdDateTime"), isoUtc(createdAt)},
                       {QStringLiteral("rowVersion"), rowVersion}};
}

} // namespace atrium::core
