// The audit log on stderr (see audit_echo.h).
#include "audit_echo.h"

#include <souffleur/server/log.h>

#include <boost/json/object.hpp>

namespace souffleur::server {

sqlite::Result<AuditEcho> AuditEcho::startingAfterNewest(sqlite::Database& db) {
    auto newest = db.queryInt("SELECT coalesce(max(id), 0) FROM audit");
    if (!newest)
        return std::unexpected(newest.error());
    return AuditEcho(newest->value_or(0));
}

void AuditEcho::operator()(sqlite::Database& db) {
    auto stmt = db.prepare("SELECT id, at, tenant_id, coalesce(actor, ''), action, "
                           "coalesce(target, ''), coalesce(remote, ''), outcome, count "
                           "FROM audit WHERE id > ? ORDER BY id",
                           m_lastId);
    if (!stmt) {
        logLine("cannot read the audit log", {{"error", stmt.error().message}});
        return;
    }
    auto read = stmt->forEachRow([this](const sqlite::Statement& row) {
        m_lastId = row.columnInt(0);
        boost::json::object fields{{"at", row.columnText(1)},     {"actor", row.columnText(3)},
                                   {"action", row.columnText(4)}, {"target", row.columnText(5)},
                                   {"remote", row.columnText(6)}, {"outcome", row.columnText(7)}};
        if (const auto count = row.columnInt(8); count != 1)
            fields["count"] = count;
        if (!row.columnIsNull(2))
            fields["tenant"] = row.columnInt(2);
        logLine("audit", fields);
    });
    if (!read)
        logLine("cannot read the audit log", {{"error", read.error().message}});
}

} // namespace souffleur::server
