// The team's logbook at the desk (issue 16, "Teams learn"): what the panel
// lists. The sync client keeps the replica's copy of the team's entries
// current (GET /api/v1/logbook, see sync_client.h); a new entry goes into the
// outbox (records.h, logbookRecord) before anything else, so offline the
// panel shows the kept entries and this desk's own that wait to be sent.
// GUI-free.
#pragma once

#include <souffleur/client/outbox.h>
#include <souffleur/client/replica.h>
#include <souffleur/protocol/aar.h>

#include <cstddef>
#include <string>
#include <vector>

namespace souffleur::client {

struct LogbookLine {
    // As the server lists it; one not sent yet has no `team` and no `createdAt`.
    protocol::LogbookItem entry;
    bool sent = true; // false: still in this desk's outbox
    // The guide and step it is about, as this desk holds them: the guide's
    // title (empty: no guide, or one the desk does not hold), the step's
    // place in it (1-based; 0: no step, or not in the revision held) and
    // its instruction (a step that shows a block: the block's).
    std::string guideTitle;
    int stepNumber = 0;
    std::string stepGlance;
};

// The team's entries the replica keeps and this desk's own in the outbox,
// newest first (by when they were written), at most `limit`. One in both
// (stored by the server, its answer not here yet) is listed once, as sent.
sqlite::Result<std::vector<LogbookLine>> deskLogbook(Replica& replica, Outbox& outbox,
                                                     std::size_t limit = Replica::kLogbookKept);

} // namespace souffleur::client
