// The desk: the client core (replica, outbox, sync client, step engine) for
// the overlay's GUI thread. It opens its own Replica and Outbox connections on
// DATA/desk.sqlite, runs the SyncClient on its thread and turns the sync
// client's callbacks into Qt signals on the GUI thread. It holds at most one
// session (one walk through one guide); every step event becomes an outbox
// record. The widgets (overlay_window.h) only read from it and call it.
#pragma once

#include <souffleur/client/disk_reserve.h>
#include <souffleur/client/logbook.h>
#include <souffleur/client/outbox.h>
#include <souffleur/client/records.h>
#include <souffleur/client/replica.h>
#include <souffleur/client/step_engine.h>
#include <souffleur/client/sync_client.h>
#include <souffleur/content/guide.h>
#include <souffleur/net/http.h>
#include <souffleur/protocol/privacy.h>

#include <QObject>
#include <QString>
#include <QTimer>

#include <cstdint>
#include <expected>
#include <filesystem>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace souffleur::overlay {

// Why the desk did not store what the employee gave it (feedback, a logbook
// entry, an acknowledgement): the message for the log, and whether the disk
// is full, so that the panel can say so and keep what was typed for another try.
struct StoreFailure {
    QString message;
    bool diskFull = false;
};

class Desk : public QObject {
    Q_OBJECT

public:
    // Opens (creating if needed) DATA/desk.sqlite; on a disk with no room
    // left, with the space of the desk's reserve (client/disk_reserve.h),
    // which it sets aside again once there is room. The sync client is
    // created but not started.
    static std::expected<std::unique_ptr<Desk>, QString>
    open(const std::filesystem::path& dataDir, net::ServerAddress server, std::string token);
    // Abandons an active session (so its record is kept), then stops the sync thread.
    ~Desk() override;

    // Starts the sync client (once; later calls do nothing).
    void startSync();
    client::SyncState syncState() const;
    // Records waiting in the outbox; -1 when the database cannot tell.
    // Commits the last steps' records first (commitStepRecords()).
    std::int64_t pendingRecords();
    // Commits the step records of the last step changes to the outbox. A
    // step change paints first and stores after: the panel calls this once
    // the new step is painted (GuideView::painted), a timer after
    // kRecordDelayMs if no paint comes (a hidden panel), and opening a guide,
    // ending a session, reading the counts and quitting call it at once.
    void commitStepRecords();
    // Step records the desk database could not take yet (full, locked): kept
    // in memory and tried again every few seconds (client::PendingRecords).
    // Commits the last steps' records first (commitStepRecords()).
    std::size_t unsavedRecords();
    // They wait because the disk is full (the last try said SQLITE_FULL).
    bool unsavedForFullDisk() const { return m_unsaved.diskFull(); }
    // Records the server (or the desk) refused, set aside for a person to look at.
    std::int64_t rejectedRecords();
    std::vector<client::RejectedRecord> rejectedRecordList();
    // Writes them as JSON (client::exportRejected) to `path`.
    std::expected<void, QString> exportRejected(const QString& path);
    // Queues them again, to be sent with the next batch; how many.
    std::expected<std::int64_t, QString> resendRejected();
    // Guides and alerts received that this desk cannot show yet (replica.h).
    std::vector<client::PendingEntry> pendingContent();
    // A revision of this guide waits for an update, and none is shown.
    bool waitsForUpdate(const std::string& guideId);

    std::vector<client::GuideEntry> guides();
    bool hasGuide(const std::string& guideId);
    // The revision of the guide the replica holds, 0 when none.
    int heldRevision(const std::string& guideId);
    // The replica's full-text search (replica.h), best first.
    std::vector<client::SearchHit> search(const QString& query);
    // Loads what search needs, so no keystroke waits (after a sync, when shown).
    void prepareSearch();
    // Guides whose triggers match the active window (context.h).
    std::vector<client::SearchHit> suggestFor(const client::WindowContext& window);
    // A guide id as given, or the guide a deep-link id names; empty if neither is here.
    std::string resolveGuide(const std::string& idOrLink);

    // The alerts the desk holds, most severe first, with what it acknowledged.
    std::vector<client::AlertEntry> alerts();
    // The alerts valid today, parsed, for the step pages to show inside the
    // steps they are attached to (content::RenderOptions::alerts). Read from
    // the replica again after each sync that changed something, or a new day.
    const std::vector<content::Alert>& stepAlerts();
    // Acknowledges the alert's current revision: an `ack` record in the
    // outbox, then marked in the replica (replica.h says why in this order).
    // Nothing is stored when the outbox cannot take the record (a full disk:
    // the banner keeps asking). When only the mark cannot be stored, the
    // record is kept and sent, and the alert counts as read until the panel
    // closes (asked again after a restart, the server counts a desk once).
    std::expected<void, StoreFailure> acknowledgeAlert(const std::string& alertId);

    // The pictures the desk has fetched (replica.h), by hash: their bytes
    // (empty when not here), and whether one is here.
    QByteArray image(const QString& hash);
    bool hasImage(const std::string& hash);
    // How long what changed in a revision counts as new (days after the desk received it).
    static constexpr int kChangeNoteDays = 30;
    // What changed, for the session open now: the author's note and the
    // summary of the diff from the revision this desk held before, when this
    // desk has not shown them yet and they are new (kChangeNoteDays), and the
    // team's tips it applied. Shown once: opening the guide marks them shown.
    struct SessionChange {
        std::string note;
        std::string summaryNl;
        std::string summaryEn;
        std::vector<std::string> tips; // quoted
    };
    const SessionChange& sessionChange() const { return m_sessionChange; }

    // Starts a session on a guide from the replica (Idle -> Active).
    std::expected<void, QString> openGuide(const std::string& guideId);
    // The session's engine, or nullptr when no guide is open.
    const client::StepEngine* engine() const { return m_engine.get(); }
    std::expected<void, QString> next();
    std::expected<void, QString> choose(std::size_t optionIndex);
    std::expected<void, QString> back();
    // Abandons an active session, and closes the session in any state.
    void closeGuide();

    // What in `text` looks like a citizen's personal data (protocol/privacy.h),
    // to point at while the employee types; the outbox checks again.
    static std::vector<protocol::PersonalDataFinding> personalDataIn(const QString& text);
    // What feedback is about: a revision of a guide and one of its steps.
    struct FeedbackPlace {
        std::string guideId;
        int revision = 0;
        std::string step;
    };
    // The step on screen (a guide open, not finished), or nullopt.
    std::optional<FeedbackPlace> feedbackPlace() const;
    // Stores feedback on `about` in the outbox and asks for a send: its
    // kind, optional text and an optional suggested wording for the step.
    // If either text holds personal data the outbox refuses it and nothing
    // is stored. On a full disk nothing is stored either: the panel keeps
    // the texts, and the place they are about, for another try.
    std::expected<void, StoreFailure> sendFeedback(const FeedbackPlace& about,
                                                   client::FeedbackKind kind, const QString& text,
                                                   const QString& suggestion = {});

    // The team's logbook (issue 16): the entries the desk keeps from the
    // server and its own still in the outbox, newest first (client::deskLogbook).
    std::vector<client::LogbookLine> logbook();
    // Asks the sync client to list the team's logbook at once (the panel opened).
    void refreshLogbook();
    // Adds an entry to the team's logbook: into the outbox first, in one
    // transaction (the privacy guard refuses personal data, and then nothing
    // is stored; nor on a full disk), then a send is asked for. With
    // `attachStep`, and a guide open, it is about that guide and the step on
    // screen (the guide only, once finished).
    std::expected<void, StoreFailure> addLogbookEntry(const QString& text, bool attachStep = true);

Q_SIGNALS:
    void syncStateChanged(client::SyncState state);
    void guidesChanged(); // or the alerts
    void imagesChanged(); // pictures the guides show were fetched
    void recordsAcked();
    // Records could not be stored yet, or are stored again (unsavedRecords(),
    // unsavedForFullDisk()).
    void unsavedChanged();
    // The server refused records: they are set aside (rejectedRecords()).
    void recordsRefused();
    // The session moved (a new step, finished, or closed).
    void sessionChanged();
    // The team's logbook changed: listed anew, an entry added or sent.
    void logbookChanged();

private:
    Desk(client::Replica replica, client::Outbox outbox);
    std::expected<void, QString> engineResult(std::expected<void, std::string> result);
    void endSession();
    // Commits the step events of the last transitions to the outbox (one
    // transaction) and wakes the sync client. After a step change it waits
    // for the paint (commitStepRecords()), so the commit's fsync on this
    // thread, which also composites the view, does not delay the frame.
    // What cannot be stored waits in m_unsaved and is tried again by
    // m_retryTimer.
    void recordEvents();
    void retryUnsaved();
    // Sets the disk reserve aside (client::keepDiskReserve), or tries again
    // every minute until the disk has room for it.
    void keepReserve();
    // Emits unsavedChanged() when the count or why they wait changed.
    void reportUnsaved(std::size_t before, bool diskFullBefore);

    client::Replica m_replica;
    client::Outbox m_outbox;
    std::unique_ptr<client::SyncClient> m_sync;
    client::SystemClock m_clock;
    client::SessionInfo m_session;
    SessionChange m_sessionChange;
    std::unique_ptr<client::StepEngine> m_engine;
    bool m_syncStarted = false;
    std::vector<std::string> m_unrecorded; // the last transition's events (records.h)
    client::PendingRecords m_unsaved;
    QTimer* m_retryTimer = nullptr;
    QTimer* m_recordTimer = nullptr;  // commitStepRecords() when no paint comes
    std::filesystem::path m_database; // DATA/desk.sqlite
    QTimer* m_reserveTimer = nullptr;
    // Alert revisions acknowledged (the record is in the outbox) that the
    // replica could not mark (a full disk): read, until the panel closes.
    std::set<std::pair<std::string, int>> m_acknowledgedUnmarked;
    std::vector<content::Alert> m_stepAlerts;
    QString m_stepAlertsDate; // the day m_stepAlerts were chosen for; empty: read again
};

} // namespace souffleur::overlay
