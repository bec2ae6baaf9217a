#include "core/base/enums.h"

#include <QTest>

using namespace atrium::core;

class tst_Enums : public QObject {
    Q_OBJECT
private slots:
    void specSpellings() {
        // SPEC.md values, compared one to one by admins.
        QCOMPARE(toString(ExternalUserState::PendingAcceptance), QStringLiteral("PendingAcceptance"));
        QCOMPARE(toString(CreationType::SelfServiceSignUp), QStringLiteral("SelfServiceSignUp"));
        QCOMPARE(toString(AllowInvitesFrom::adminsGuestInvitersAndAllMembers),
                 QStringLiteral("adminsGuestInvitersAndAllMembers"));
        QCOMPARE(toString(InvitationStatus::InProgress), QStringLiteral("InProgress"));
        QCOMPARE(toString(Role::ExternalIdentityProviderAdministrator),
                 QStringLiteral("External Identity Provider Administrator"));
    }
    void roundTrips() {
        for (Role r : allRoles()) {
            QCOMPARE(roleFromString(roleKey(r)), std::optional<Role>(r));
            QCOMPARE(roleFromString(toString(r)), std::optional<Role>(r));
            QCOMPARE(roleFromString(toString(r).toUpper()), std::optional<Role>(r));
        }
        QCOMPARE(allRoles().size(), 7);
        QVERIFY(!roleFromString(QStringLiteral("Root")).has_value());
        for (auto v : {AllowInvitesFrom::everyone, AllowInvitesFrom::adminsGuestInvitersAndAllMembers,
                       AllowInvitesFrom::adminsAndGuestInviters, AllowInvitesFrom::none}) {
            QCOMPARE(allowInvitesFromFromString(toString(v)), std::optional<AllowInvitesFrom>(v));
        }
        QVERIFY(!allowInvitesFromFromString(QStringLiteral("Everyone")).has_value()); // exact spelling
    }
};

QTEST_GUILESS_MAIN(tst_Enums)
#include "tst_enums.moc"
