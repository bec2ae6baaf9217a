#include "core/services/demoorganization.h"

#include "core/services/directoryservice.h"
#include "core/services/groupservice.h"
#include "core/services/roleservice.h"
#include "core/services/userservice.h"

#include <array>

namespace atrium::core {

QJsonObject DemoSummary::toJson() const {
    return QJsonObject{{QStringLiteral("displayName"), displayName},
                       {QStringLiteral("members"), members},
                       {QStringLiteral("guests"), guests},
                       {QStringLiteral("groups"), groups},
                       {QStringLiteral("applications"), applications}};
}

Result<DemoOrganization> seedDemoOrganization(Database &database, const Clock &clock) {
    auto creator = DirectoryService::create(database, clock, {QStringLiteral("Fabrikam"), QStringLiteral("fabrikam.example"),
                                                              QStringLiteral("Fabrikam Administrator")});
    if (!creator.ok()) {
        return creator.error();
    }
    // Services need a shared_ptr to the database; the caller keeps ownership, so alias without deleting.
    std::shared_ptr<Database> db(std::shared_ptr<Database>{}, &database);
    auto clk = std::shared_ptr<const Clock>(std::shared_ptr<const Clock>{}, &clock);
    ServiceContext admin(db, clk, *creator);
    DemoOrganization org;
    org.administrator = *creator;
    DemoSummary &summary = org.summary;
    summary.displayName = QStringLiteral("Fabrikam");
    summary.members = 1;

    struct Person {
        const char *name;
        const char *upn;
        std::optional<Role> role;
    };
    const std::array people{
        Person{"Megan Bowen", "megan.bowen", Role::UserAdministrator},
        Person{"Alex Wilber", "alex.wilber", Role::GuestInviter},
        Person{"Lidia Holloway", "lidia.holloway", Role::HelpdeskAdministrator},
        Person{"Isaiah Langer", "isaiah.langer", Role::SecurityAdministrator},
        Person{"Lynne Robbins", "lynne.robbins", Role::ExternalIdentityProviderAdministrator},
        Person{"Nestor Wilke", "nestor.wilke", Role::GlobalReader},
        Person{"Patti Fernandez", "patti.fernandez", std::nullopt},
        Person{"Pradeep Gupta", "pradeep.gupta", std::nullopt},
        Person{"Diego Siciliani", "diego.siciliani", std::nullopt},
        Person{"Grady Archie", "grady.archie", std::nullopt},
        Person{"Henrietta Mueller", "henrietta.mueller", std::nullopt},
        Person{"Johanna Lorenz", "johanna.lorenz", std::nullopt},
        Person{"Joni Sherman", "joni.sherman", std::nullopt},
        Person{"Lee Gu", "lee.gu", std::nullopt},
        Person{"Miriam Graham", "miriam.graham", std::nullopt},
        Person{"Adele Vance", "adele.vance", std::nullopt},
    };
    UserService users(admin);
    RoleService roles(admin);
    QList<User> created;
    for (const Person &p : people) {
        auto u = users.addMember({QString::fromUtf8(p.name), QString::fromLatin1(p.upn) + QStringLiteral("@fabrikam.example"), {}});
        if (!u.ok()) {
            return u.error();
        }
        created << *u;
        ++summary.members;
        if (p.role) {
            if (Status s = roles.assign(*p.role, u->id); !s.ok()) {
                return s.error();
            }
        }
    }
    GroupService groups(admin);
    struct Obj {
        const char *name;
        bool app;
        int owner; // index into created
    };
    const std::array objects{Obj{"Partner Engineering", false, 8}, Obj{"Supplier Quality", false, 9},
                             Obj{"Marketing Agencies", false, 14}, Obj{"Contoso Joint Venture", false, 6},
                             Obj{"Contracts Portal", true, 7},     Obj{"Supplier Scorecards", true, 9},
                             Obj{"Project Tailspin Wiki", true, 8}};
    for (const Obj &o : objects) {
        auto r = o.app ? groups.createApplication(QString::fromUtf8(o.name)) : groups.createGroup(QString::fromUtf8(o.name));
        if (!r.ok()) {
            return r.error();
        }
        if (Status s = groups.addOwner(r->id, created.at(o.owner).id); !s.ok()) {
            return s.error();
        }
        ++(o.app ? summary.applications : summary.groups);
        (o.app ? org.applicationIds : org.groupIds) << r->id;
    }
    return org;
}

} // namespace atrium::core
