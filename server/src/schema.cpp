// The schema migrations (see schema.h). Append new migrations to kMigrations;
// never edit one that has shipped. tests/server/upgrade_test.cpp upgrades a
// store of every earlier version, as that version's server left it
// (tests/server/fixtures/README.md: once a new version is in, add its fixture).
#include "schema.h"

#include <souffleur/server/storage.h>

#include <array>
#include <string>
#include <string_view>

namespace souffleur::server {
namespace {

// v1: tenants, accounts and tokens; guides and the change feed; records from
// the desks (events, feedback, the last batch number of each desk client,
// per account); the audit log (`count` > 1 for aggregated failed authentications).
constexpr std::string_view kSchemaV1 = R"sql(
CREATE TABLE tenants (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);
CREATE TABLE teams (
    id INTEGER PRIMARY KEY,
    tenant_id INTEGER NOT NULL REFERENCES tenants(id),
    name TEXT NOT NULL,
    UNIQUE (tenant_id, name)
);
CREATE TABLE accounts (
    id INTEGER PRIMARY KEY,
    tenant_id INTEGER NOT NULL REFERENCES tenants(id),
    team_id INTEGER REFERENCES teams(id),
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('desk', 'author', 'reviewer', 'admin')),
    UNIQUE (tenant_id, name)
);
CREATE TABLE tokens (
    hash TEXT PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    expires_at INTEGER NOT NULL,
    revoked INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX tokens_account ON tokens (account_id);
CREATE TABLE guides (
    tenant_id INTEGER NOT NULL REFERENCES tenants(id),
    id TEXT NOT NULL,
    revision INTEGER NOT NULL,
    title TEXT NOT NULL,
    xml TEXT NOT NULL,
    published_at TEXT NOT NULL,
    PRIMARY KEY (tenant_id, id, revision)
);
CREATE TABLE changes (
    tenant_id INTEGER NOT NULL REFERENCES tenants(id),
    seq INTEGER NOT NULL,
    kind TEXT NOT NULL,
    guide_id TEXT NOT NULL,
    revision INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, seq)
);
CREATE TABLE clients (
    tenant_id INTEGER NOT NULL REFERENCES tenants(id),
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    client_id TEXT NOT NULL,
    last_batch INTEGER NOT NULL,
    PRIMARY KEY (tenant_id, account_id, client_id)
);
CREATE TABLE events (
    tenant_id INTEGER NOT NULL REFERENCES tenants(id),
    id TEXT NOT NULL,
    team_id INTEGER REFERENCES teams(id),
    session TEXT NOT NULL,
    guide_id TEXT NOT NULL,
    revision INTEGER NOT NULL,
    event TEXT NOT NULL,
    step TEXT,
    option TEXT,
    at TEXT NOT NULL,
    duration_ms INTEGER,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX events_guide ON events (tenant_id, guide_id, event);
CREATE TABLE feedback (
    tenant_id INTEGER NOT NULL REFERENCES tenants(id),
    id TEXT NOT NULL,
    team_id INTEGER REFERENCES teams(id),
    guide_id TEXT NOT NULL,
    revision INTEGER NOT NULL,
    step TEXT,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    suggestion TEXT,
    status TEXT NOT NULL DEFAULT 'new',
    created_at TEXT NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX feedback_guide ON feedback (tenant_id, guide_id);
CREATE TABLE audit (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    tenant_id INTEGER,
    actor TEXT,
    action TEXT NOT NULL,
    target TEXT,
    remote TEXT,
    outcome TEXT NOT NULL,
    count INTEGER NOT NULL DEFAULT 1
);
)sql";

// v2: the content lifecycle and alerts.
//  - revisions: every saved revision of a guide, its XML immutable, its state
//    moving draft -> in_review -> published -> superseded | retired (or
//    withdrawn, when a newer revision is saved before it was published). The
//    published revisions of v1 move in; the newest of each guide stays
//    published, the others are superseded.
//  - changes.guide_id names the item of any kind: 'guide', 'retired' (a
//    guide), 'alert', 'alert_retired'.
//  - alerts: every published revision of an alert; alert_acks: which desk
//    account acknowledged which revision (only ever shown as counts per team).
//  - feedback gains the revision that handled it and when it last changed.
constexpr std::string_view kSchemaV2 = R"sql(
CREATE TABLE revisions (
    tenant_id INTEGER NOT NULL REFERENCES tenants(id),
    guide_id TEXT NOT NULL,
    revision INTEGER NOT NULL,
    title TEXT NOT NULL,
    xml TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN
        ('draft', 'in_review', 'published', 'superseded', 'retired', 'withdrawn')),
    saved_by TEXT NOT NULL,
    saved_at TEXT NOT NULL,
    reviewed_by TEXT,
    reviewed_at TEXT,
    note TEXT,
    PRIMARY KEY (tenant_id, guide_id, revision)
);
CREATE INDEX revisions_state ON revisions (tenant_id, state, guide_id);
INSERT INTO revisions (tenant_id, guide_id, revision, title, xml, state, saved_by, saved_at)
    SELECT g.tenant_id, g.id, g.revision, g.title, g.xml,
           CASE WHEN g.revision = (SELECT max(revision) FROM guides
                                   WHERE tenant_id = g.tenant_id AND id = g.id)
                THEN 'published' ELSE 'superseded' END,
           '', g.published_at
    FROM guides AS g;
DROP TABLE guides;
CREATE TABLE alerts (
    tenant_id INTEGER NOT NULL REFERENCES tenants(id),
    id TEXT NOT NULL,
    revision INTEGER NOT NULL,
    level TEXT NOT NULL CHECK (level IN ('info', 'warning', 'critical')),
    must_acknowledge INTEGER NOT NULL,
    valid_from TEXT,
    valid_to TEXT,
    title TEXT NOT NULL,
    xml TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('published', 'superseded', 'retired')),
    published_by TEXT NOT NULL,
    published_at TEXT NOT NULL,
    PRIMARY KEY (tenant_id, id, revision)
);
CREATE INDEX alerts_state ON alerts (tenant_id, state);
CREATE TABLE alert_acks (
    tenant_id INTEGER NOT NULL REFERENCES tenants(id),
    alert_id TEXT NOT NULL,
    revision INTEGER NOT NULL,
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    team_id INTEGER REFERENCES teams(id),
    at TEXT NOT NULL,
    PRIMARY KEY (tenant_id, alert_id, revision, account_id)
);
ALTER TABLE feedback ADD COLUMN handled_revision INTEGER;
ALTER TABLE feedback ADD COLUMN updated_at TEXT;
CREATE INDEX feedback_status ON feedback (tenant_id, status);
)sql";

// v3: what the teams write down for themselves, stored against the sender's
// team (account_id only for the audit: it is never shown).
//  - logbook: team logbook entries ("the photo booth at desk 3 rejects
//    pictures since Monday; use the municipal camera").
//  - aar_records: After Action Reviews of team meetings, the four questions;
//    aar_actions: their follow-up actions, in order.
constexpr std::string_view kSchemaV3 = R"sql(
CREATE TABLE logbook (
    tenant_id INTEGER NOT NULL REFERENCES tenants(id),
    id TEXT NOT NULL,
    team_id INTEGER NOT NULL REFERENCES teams(id),
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    at TEXT NOT NULL,
    text TEXT NOT NULL,
    guide_id TEXT,
    step TEXT,
    created_at TEXT NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX logbook_team ON logbook (tenant_id, team_id, at);
CREATE TABLE aar_records (
    tenant_id INTEGER NOT NULL REFERENCES tenants(id),
    id TEXT NOT NULL,
    team_id INTEGER NOT NULL REFERENCES teams(id),
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    at TEXT NOT NULL,
    guide_id TEXT,
    period_from TEXT,
    period_to TEXT,
    expected TEXT NOT NULL,
    happened TEXT NOT NULL,
    why TEXT NOT NULL,
    improve TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX aar_records_team ON aar_records (tenant_id, team_id, at);
CREATE TABLE aar_actions (
    tenant_id INTEGER NOT NULL,
    aar_id TEXT NOT NULL,
    position INTEGER NOT NULL,
    text TEXT NOT NULL,
    guide_id TEXT,
    step TEXT,
    PRIMARY KEY (tenant_id, aar_id, position),
    FOREIGN KEY (tenant_id, aar_id) REFERENCES aar_records (tenant_id, id)
);
)sql";

// v4: the store's feed epoch, a random name for this store's change feed. It
// changes when the store is restored from a backup (`admin restore`): a desk
// whose cursor came from another epoch fetches the feed again from the start.
constexpr std::string_view kSchemaV4 = R"sql(
CREATE TABLE store_meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
INSERT INTO store_meta (key, value) VALUES ('feed_epoch', lower(hex(randomblob(16))));
)sql";

// v5: the answer to a client's last batch that refused records (protocol 2,
// content/protocol/.../records.h), so that a retry of that batch gets the
// same answer. One row per client, replaced by its next such batch.
constexpr std::string_view kSchemaV5 = R"sql(
CREATE TABLE batch_answers (
    tenant_id INTEGER NOT NULL REFERENCES tenants(id),
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    client_id TEXT NOT NULL,
    batch INTEGER NOT NULL,
    answer TEXT NOT NULL,
    PRIMARY KEY (tenant_id, account_id, client_id)
);
)sql";

// v6: the desks that reported a guide or alert of a newer format than they
// read (`update_needed` records): per desk account and item, the newest report.
constexpr std::string_view kSchemaV6 = R"sql(
CREATE TABLE updates_needed (
    tenant_id INTEGER NOT NULL REFERENCES tenants(id),
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    team_id INTEGER REFERENCES teams(id),
    kind TEXT NOT NULL,
    item_id TEXT NOT NULL,
    revision INTEGER NOT NULL,
    format INTEGER NOT NULL,
    reads INTEGER NOT NULL,
    desk_version TEXT,
    at TEXT NOT NULL,
    received_at TEXT NOT NULL,
    PRIMARY KEY (tenant_id, account_id, kind, item_id)
);
)sql";

// v7: the author's change note ("what changed"), given when a revision is
// submitted for review; the reviewer reads it, desks show it once published.
constexpr std::string_view kSchemaV7 = R"sql(
ALTER TABLE revisions ADD COLUMN change_note TEXT;
)sql";

// v8: pictures for guides (media.h), cleaned and stored by the SHA-256 of
// their bytes, per tenant.
constexpr std::string_view kSchemaV8 = R"sql(
CREATE TABLE media (
    tenant_id INTEGER NOT NULL REFERENCES tenants(id),
    hash TEXT NOT NULL,
    content_type TEXT NOT NULL,
    bytes BLOB NOT NULL,
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    stored_by TEXT NOT NULL,
    stored_at TEXT NOT NULL,
    PRIMARY KEY (tenant_id, hash)
);
)sql";

// v9: co-creation (review_store.h).
//  - review_comments: a reviewer's or author's comment on a revision,
//    anchored to a step and a field (or the whole guide); a reply names the
//    thread's first comment (`thread`); a thread is resolved as a whole, on
//    its first comment.
//  - notices: what an author is told in the studio (a comment, approval,
//    rejection, new feedback), per account, until read.
//  - revisions.submitted_at: when it went into review (the queue's order).
//  - feedback: the states of the inbox, new | planned | applied | declined |
//    duplicate (accepted, rejected and done of v2 become planned, declined
//    and applied), with the reason a tip was declined and the feedback a
//    duplicate repeats.
constexpr std::string_view kSchemaV9 = R"sql(
CREATE TABLE review_comments (
    id INTEGER PRIMARY KEY,
    tenant_id INTEGER NOT NULL REFERENCES tenants(id),
    guide_id TEXT NOT NULL,
    revision INTEGER NOT NULL,
    step TEXT,
    field TEXT,
    thread INTEGER REFERENCES review_comments(id),
    author TEXT NOT NULL,
    text TEXT NOT NULL,
    created_at TEXT NOT NULL,
    resolved_by TEXT,
    resolved_at TEXT
);
CREATE INDEX review_comments_guide ON review_comments (tenant_id, guide_id, revision);
CREATE TABLE notices (
    id INTEGER PRIMARY KEY,
    tenant_id INTEGER NOT NULL REFERENCES tenants(id),
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    kind TEXT NOT NULL,
    guide_id TEXT NOT NULL,
    revision INTEGER NOT NULL,
    step TEXT,
    text TEXT NOT NULL,
    by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    read_at TEXT
);
CREATE INDEX notices_account ON notices (tenant_id, account_id, read_at);
ALTER TABLE revisions ADD COLUMN submitted_at TEXT;
UPDATE feedback SET status = CASE status WHEN 'accepted' THEN 'planned'
    WHEN 'rejected' THEN 'declined' WHEN 'done' THEN 'applied' ELSE status END;
ALTER TABLE feedback ADD COLUMN reason TEXT;
ALTER TABLE feedback ADD COLUMN duplicate_of TEXT;
)sql";

// v10: content health and sources (health.h).
//  - revisions gain what health reads without parsing every guide: the owner
//    team, the review cycle and next review date, the end of validity
//    (meta = 1 once filled; fillRevisionMeta() fills the older rows when the
//    store is opened), and revision_sources: the source records it cites,
//    per step ('' for the guide's own basis).
//  - sources: laws, regulations and work instructions, with their version date.
//  - feedback.kind 'source' (made by the server, team NULL): a cited source
//    changed, in the owner team's inbox.
constexpr std::string_view kSchemaV10 = R"sql(
ALTER TABLE revisions ADD COLUMN owner TEXT;
ALTER TABLE revisions ADD COLUMN review_months INTEGER;
ALTER TABLE revisions ADD COLUMN next_review TEXT;
ALTER TABLE revisions ADD COLUMN valid_to TEXT;
ALTER TABLE revisions ADD COLUMN meta INTEGER NOT NULL DEFAULT 0;
CREATE INDEX revisions_meta_missing ON revisions (tenant_id) WHERE meta = 0;
CREATE TABLE revision_sources (
    tenant_id INTEGER NOT NULL REFERENCES tenants(id),
    guide_id TEXT NOT NULL,
    revision INTEGER NOT NULL,
    source_id TEXT NOT NULL,
    step TEXT NOT NULL,
    PRIMARY KEY (tenant_id, guide_id, revision, source_id, step)
);
CREATE INDEX revision_sources_source ON revision_sources (tenant_id, source_id);
CREATE TABLE sources (
    tenant_id INTEGER NOT NULL REFERENCES tenants(id),
    id TEXT NOT NULL,
    title TEXT NOT NULL,
    reference TEXT NOT NULL,
    version_date TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    PRIMARY KEY (tenant_id, id)
);
CREATE INDEX events_recent ON events (tenant_id, at);
)sql";

// v11: After Action Reviews (evidence.h, aar_store.h, retention.h, xapi.h).
//  - accounts: the role team_lead (the table is rebuilt; migrate() runs with
//    foreign keys off and checks them before each commit).
//  - evidence_people: which pseudonymous desk accounts are behind the figures
//    of a cell (guide, month, team, step; '' for the sessions), to count
//    people for the rule of kMinPeople. The pseudonym is a keyed hash of the
//    account and the month (key: store_meta 'pseudonym_key'); nothing links it
//    to a session or a record.
//  - evidence_months: the cells reduced to aggregates when their records
//    pass the organisation's retention period (retention.h).
//  - tenant_settings: the retention period, the organisation's home page and
//    its Learning Record Store (xAPI, off unless an admin turns it on).
//  - xapi_queue: statements waiting for the LRS (queued) or refused by it (parked).
//  - aar_records: AARs made in the studio (title, guides, draft or final,
//    the lesson shared with the other teams); aar_actions: an owner, a due
//    date, a state, and the feedback item that carries it into a guide's inbox.
constexpr std::string_view kSchemaV11 = R"sql(
CREATE TABLE accounts_v11 (
    id INTEGER PRIMARY KEY,
    tenant_id INTEGER NOT NULL REFERENCES tenants(id),
    team_id INTEGER REFERENCES teams(id),
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('desk', 'author', 'reviewer', 'admin', 'team_lead')),
    UNIQUE (tenant_id, name)
);
INSERT INTO accounts_v11 (id, tenant_id, team_id, name, role)
    SELECT id, tenant_id, team_id, name, role FROM accounts;
DROP TABLE accounts;
ALTER TABLE accounts_v11 RENAME TO accounts;
INSERT INTO store_meta (key, value) VALUES ('pseudonym_key', lower(hex(randomblob(32))));
CREATE TABLE evidence_people (
    tenant_id INTEGER NOT NULL,
    guide_id TEXT NOT NULL,
    month TEXT NOT NULL,
    team_id INTEGER NOT NULL,
    step TEXT NOT NULL,
    pseudonym BLOB NOT NULL,
    PRIMARY KEY (tenant_id, guide_id, month, team_id, step, pseudonym)
) WITHOUT ROWID;
CREATE TABLE evidence_months (
    tenant_id INTEGER NOT NULL,
    guide_id TEXT NOT NULL,
    month TEXT NOT NULL,
    team_id INTEGER NOT NULL,
    step TEXT NOT NULL,
    people INTEGER NOT NULL,
    sessions INTEGER NOT NULL,
    finished INTEGER NOT NULL DEFAULT 0,
    abandoned INTEGER NOT NULL DEFAULT 0,
    skipped INTEGER NOT NULL DEFAULT 0,
    back INTEGER NOT NULL DEFAULT 0,
    escalated INTEGER NOT NULL DEFAULT 0,
    durations TEXT NOT NULL DEFAULT '{}',
    decisions TEXT NOT NULL DEFAULT '{}',
    PRIMARY KEY (tenant_id, guide_id, month, team_id, step)
) WITHOUT ROWID;
CREATE INDEX events_month ON events (tenant_id, guide_id, substr(at, 1, 7));
CREATE TABLE tenant_settings (
    tenant_id INTEGER PRIMARY KEY REFERENCES tenants(id),
    retention_months INTEGER NOT NULL DEFAULT 24,
    home_page TEXT,
    xapi_endpoint TEXT,
    xapi_key TEXT,
    xapi_secret TEXT,
    xapi_on INTEGER NOT NULL DEFAULT 0,
    retention_ran_at TEXT
);
CREATE TABLE xapi_queue (
    id INTEGER PRIMARY KEY,
    tenant_id INTEGER NOT NULL REFERENCES tenants(id),
    statement_id TEXT NOT NULL,
    statement TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'parked')),
    attempts INTEGER NOT NULL DEFAULT 0,
    next_at TEXT NOT NULL,
    last_error TEXT,
    created_at TEXT NOT NULL,
    UNIQUE (tenant_id, statement_id)
);
CREATE INDEX xapi_queue_due ON xapi_queue (state, next_at);
ALTER TABLE aar_records ADD COLUMN title TEXT;
ALTER TABLE aar_records ADD COLUMN guides TEXT;
ALTER TABLE aar_records ADD COLUMN state TEXT NOT NULL DEFAULT 'final';
ALTER TABLE aar_records ADD COLUMN lesson TEXT;
ALTER TABLE aar_records ADD COLUMN shared INTEGER NOT NULL DEFAULT 0;
ALTER TABLE aar_records ADD COLUMN updated_at TEXT;
ALTER TABLE aar_actions ADD COLUMN owner TEXT;
ALTER TABLE aar_actions ADD COLUMN due TEXT;
ALTER TABLE aar_actions ADD COLUMN state TEXT NOT NULL DEFAULT 'open';
ALTER TABLE aar_actions ADD COLUMN feedback_id TEXT;
ALTER TABLE aar_actions ADD COLUMN updated_at TEXT;
)sql";

constexpr std::array kMigrations = {kSchemaV1, kSchemaV2,  kSchemaV3, kSchemaV4,
                                    kSchemaV5, kSchemaV6,  kSchemaV7, kSchemaV8,
                                    kSchemaV9, kSchemaV10, kSchemaV11};

} // namespace

int storeSchemaVersion() {
    return static_cast<int>(kMigrations.size());
}

std::string newerSchemaRefusal(std::int64_t found) {
    const auto newest = std::to_string(kMigrations.size());
    return "the store has schema version " + std::to_string(found) +
           ", newer than this souffleur-server knows (schema " + newest +
           "): a newer souffleur-server wrote it. Upgrade souffleur-server to the version that "
           "wrote it, or restore a backup of schema " +
           newest +
           " or older (souffleur-server admin --data DIR restore FILE; docs/operations.md, "
           "Upgrades). The store was not changed";
}

sqlite::Result<void> migrate(sqlite::Database& db) {
    auto version = db.queryInt("PRAGMA user_version");
    if (!version)
        return std::unexpected(version.error());
    const auto current = version->value_or(0);
    const auto newest = static_cast<std::int64_t>(kMigrations.size());
    if (current > newest)
        return std::unexpected(sqlite::Error{0, newerSchemaRefusal(current)});
    if (current == newest)
        return {};
    // Foreign keys off while the tables change (a migration may rebuild a
    // table others refer to), checked before each commit; on again after.
    if (auto ok = db.exec("PRAGMA foreign_keys = OFF"); !ok)
        return ok;
    auto migrated = [&]() -> sqlite::Result<void> {
        for (auto next = current; next < newest; ++next) {
            auto tx = sqlite::Transaction::begin(db);
            if (!tx)
                return std::unexpected(tx.error());
            if (auto ok = db.exec(kMigrations[static_cast<std::size_t>(next)]); !ok)
                return ok;
            auto broken = db.queryText("SELECT \"table\" FROM pragma_foreign_key_check LIMIT 1");
            if (!broken)
                return std::unexpected(broken.error());
            if (*broken)
                return std::unexpected(sqlite::Error{0, "migration " + std::to_string(next + 1) +
                                                            " broke a reference in " + **broken});
            if (auto ok = db.exec("PRAGMA user_version = " + std::to_string(next + 1)); !ok)
                return ok;
            if (auto ok = tx->commit(); !ok)
                return ok;
        }
        return {};
    }();
    if (auto ok = db.exec("PRAGMA foreign_keys = ON"); !ok && migrated)
        return ok;
    return migrated;
}

} // namespace souffleur::server
