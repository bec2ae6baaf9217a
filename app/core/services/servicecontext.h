#pragma once

#include "core/base/clock.h"
#include "core/services/audit.h"
#include "core/services/operator.h"
#include "core/storage/database.h"

#include <memory>

namespace atrium::core {

// What every service is built from: the directory database, the clock, and who is acting.
class ServiceContext final {
public:
    ServiceContext(std::shared_ptr<Database> db, std::shared_ptr<const Clock> clock, Operator op)
        : m_db(std::move(db)), m_clock(std::move(clock)), m_op(std::move(op)) {}

    Database &db() const { return *m_db; }
    const std::shared_ptr<Database> &database() const { return m_db; }
    const Clock &clock() const { return *m_clock; }
    const std::shared_ptr<const Clock> &clockPtr() const { return m_clock; }
    const Operator &op() const { return m_op; }

    // Refuses (and audits the refusal) when the operator lacks the permission. The message names
    // the roles that would grant it.
    Status require(Permission p, AuditEntry attempt) const;
    // Records a refused attempt in its own transaction and returns the error.
    Status refuse(const Error &error, AuditEntry attempt) const;

private:
    std::shared_ptr<Database> m_db;
    std::shared_ptr<const Clock> m_clock;
    Operator m_op;
};

} // namespace atrium::core
