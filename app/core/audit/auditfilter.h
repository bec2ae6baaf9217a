#pragma once

#include <QString>

namespace atrium::core {

// What the audit log view asks for. Every field is applied in the database (migration 007 has an
// index for each of them), so a filter costs the same with ten rows or ten million.
struct AuditFilter {
    QString actor;         // the actor's user principal name (or "system"), exact
    QString activity;      // "Invite external user", exact
    QString category;      // "UserManagement", exact
    QString target;        // the target's id or display name, exact
    QString result;        // success | failure | denied
    qint64 fromMs = 0;     // inclusive; 0 = no lower bound
    qint64 toMs = 0;       // exclusive; 0 = no upper bound
    QString correlationId; // every row of one bulk job or one unit of work
    QString search;        // words; each must start a word of the activity, actor, target name or reason
                           // (case and accents ignored; migration 011 indexes them)

    bool isEmpty() const {
        return actor.isEmpty() && activity.isEmpty() && category.isEmpty() && target.isEmpty() && result.isEmpty() &&
               fromMs == 0 && toMs == 0 && correlationId.isEmpty() && search.isEmpty();
    }
};

// Keyset position: the last row of the previous page. The view orders by (at_ms, id) descending —
// in practice id order, since rows are appended as they happen — because a time range can then be
// served by the same index seek as the other filters instead of a scan from the newest row.
struct AuditCursor {
    qint64 atMs = 0;
    qint64 id = 0;
    bool isStart() const { return id == 0; }
};

} // namespace atrium::core
