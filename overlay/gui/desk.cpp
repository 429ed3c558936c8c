// The desk's client core on the GUI thread (see desk.h).
#include "desk.h"

#include <souffleur/content/parser.h>

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QPointer>
#include <QSaveFile>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <utility>

namespace souffleur::overlay {
namespace {

QString errorText(const sqlite::Error& error) {
    return QString::fromStdString(error.message);
}

// What the outbox said, as the panel needs it: a full disk, or another reason.
StoreFailure storeFailure(const QString& what, const client::OutboxError& error) {
    return {what + QString::fromStdString(error.message), error.diskFull};
}

// How soon the desk tries again to store step records its database refused.
constexpr int kFirstRetryMs = 2000;
constexpr int kMaxRetryMs = 30'000;
// A step change's records are committed once the new step is painted, or
// after this long without a paint (commitStepRecords()).
constexpr int kRecordDelayMs = 200;
// How often the desk looks for room to set its disk reserve aside again.
constexpr int kReserveRetryMs = 60'000;

void logLine(const QString& line) {
    std::fprintf(stderr, "souffleur-overlay: %s\n", qPrintable(line));
}

// Runs `call` on the GUI thread, if `desk` still exists by then. The sync
// client calls back on its own thread; the QPointer is only read on the GUI
// thread, where the Desk is deleted.
template <typename Call>
void postToDesk(const QPointer<Desk>& desk, Call call) {
    QMetaObject::invokeMethod(
        QCoreApplication::instance(),
        [desk, call] {
            if (desk)
                call(*desk);
        },
        Qt::QueuedConnection);
}

} // namespace

std::expected<std::unique_ptr<Desk>, QString>
Desk::open(const std::filesystem::path& dataDir, net::ServerAddress server, std::string token) {
    const std::filesystem::path database = dataDir / "desk.sqlite";
    auto replica = client::Replica::open(database);
    // Started on a full disk: SQLite needs a little space to open even for
    // reading; the reserve gives it (disk_reserve.h), to guide from the replica.
    if (!replica && replica.error().diskFull() && client::releaseDiskReserve(database)) {
        logLine(QStringLiteral("the disk is full: the desk's reserve was given back to open "
                               "its database (%1)")
                    .arg(QString::fromStdString(database.string())));
        replica = client::Replica::open(database);
    }
    if (!replica)
        return std::unexpected(
            QStringLiteral("cannot open the replica in %1: %2")
                .arg(QString::fromStdString(database.string()), errorText(replica.error())));
    auto outbox = client::Outbox::open(database);
    if (!outbox)
        return std::unexpected(
            QStringLiteral("cannot open the outbox in %1: %2")
                .arg(QString::fromStdString(database.string()), errorText(outbox.error())));
    std::unique_ptr<Desk> desk(new Desk(std::move(*replica), std::move(*outbox)));
    desk->m_database = database;
    desk->keepReserve();

    const QPointer<Desk> guard(desk.get());
    client::SyncCallbacks callbacks{
        .stateChanged =
            [guard](client::SyncState state) {
                postToDesk(guard, [state](Desk& d) { Q_EMIT d.syncStateChanged(state); });
            },
        .guidesChanged =
            [guard](std::int64_t) { postToDesk(guard, [](Desk& d) { Q_EMIT d.guidesChanged(); }); },
        .imagesChanged = [guard] { postToDesk(guard, [](Desk& d) { Q_EMIT d.imagesChanged(); }); },
        .recordsAcked =
            [guard](std::int64_t) { postToDesk(guard, [](Desk& d) { Q_EMIT d.recordsAcked(); }); },
        .recordsRefused =
            [guard](std::size_t) { postToDesk(guard, [](Desk& d) { Q_EMIT d.recordsRefused(); }); },
        .logbookChanged =
            [guard] { postToDesk(guard, [](Desk& d) { Q_EMIT d.logbookChanged(); }); },
        .log =
            [](const std::string& line) {
                std::fprintf(stderr, "souffleur-overlay: sync: %s\n", line.c_str());
            },
    };
    desk->m_sync = std::make_unique<client::SyncClient>(
        client::SyncConfig{
            .server = std::move(server), .token = std::move(token), .database = database},
        std::move(callbacks));
    return desk;
}

Desk::Desk(client::Replica replica, client::Outbox outbox)
    : m_replica(std::move(replica))
    , m_outbox(std::move(outbox))
    , m_retryTimer(new QTimer(this))
    , m_recordTimer(new QTimer(this))
    , m_reserveTimer(new QTimer(this)) {
    m_recordTimer->setSingleShot(true);
    m_recordTimer->setInterval(kRecordDelayMs);
    connect(m_recordTimer, &QTimer::timeout, this, &Desk::recordEvents);
    m_retryTimer->setInterval(kFirstRetryMs);
    connect(m_retryTimer, &QTimer::timeout, this, &Desk::retryUnsaved);
    m_reserveTimer->setInterval(kReserveRetryMs);
    connect(m_reserveTimer, &QTimer::timeout, this, &Desk::keepReserve);
    // Connected first, so it runs before any slot of the widgets.
    connect(this, &Desk::guidesChanged, this, [this] { m_stepAlertsDate.clear(); });
}

Desk::~Desk() {
    endSession(); // and a last try to store what waits
    // Still not stored (the disk is full): into the log as they are, so that
    // support can recover them from there; they hold no personal data
    // (records.h, checked again by the outbox when it takes them).
    if (m_unsaved.waiting() > 0) {
        logLine(QStringLiteral("%1 step record(s) could not be stored before quitting%2; as "
                               "they were:")
                    .arg(m_unsaved.waiting())
                    .arg(m_unsaved.diskFull() ? QStringLiteral(" (the disk is full)") : QString()));
        for (const std::string& record : m_unsaved.records())
            logLine(QStringLiteral("not stored: ") + QString::fromStdString(record));
    }
    m_sync.reset(); // joins the sync thread before the connections go
}

void Desk::keepReserve() {
    const bool kept = client::keepDiskReserve(m_database);
    if (kept && m_reserveTimer->isActive())
        logLine(QStringLiteral("the disk has room again: the desk's reserve is set aside"));
    if (kept)
        m_reserveTimer->stop();
    else if (!m_reserveTimer->isActive())
        m_reserveTimer->start();
}

void Desk::startSync() {
    if (m_syncStarted)
        return;
    m_syncStarted = true;
    m_sync->start();
}

client::SyncState Desk::syncState() const {
    return m_sync->state();
}

std::int64_t Desk::rejectedRecords() {
    auto rejected = m_outbox.rejected();
    if (!rejected) {
        logLine(QStringLiteral("cannot count the rejected records: ") +
                errorText(rejected.error()));
        return -1;
    }
    return *rejected;
}

std::vector<client::RejectedRecord> Desk::rejectedRecordList() {
    auto records = m_outbox.rejectedRecords();
    if (!records) {
        logLine(QStringLiteral("cannot list the rejected records: ") + errorText(records.error()));
        return {};
    }
    return std::move(*records);
}

std::expected<void, QString> Desk::exportRejected(const QString& path) {
    auto records = m_outbox.rejectedRecords();
    if (!records)
        return std::unexpected(errorText(records.error()));
    QSaveFile file(path);
    const QByteArray json =
        QByteArray::fromStdString(client::exportRejected(m_outbox.clientId(), *records));
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size() || !file.commit())
        return std::unexpected(file.errorString());
    return {};
}

std::expected<std::int64_t, QString> Desk::resendRejected() {
    auto moved = m_outbox.resendRejected();
    if (!moved)
        return std::unexpected(errorText(moved.error()));
    m_sync->flushOutbox();
    Q_EMIT recordsRefused(); // the count changed
    return *moved;
}

std::vector<client::PendingEntry> Desk::pendingContent() {
    auto pending = m_replica.pending();
    if (!pending) {
        logLine(QStringLiteral("cannot list what waits for an update: ") +
                errorText(pending.error()));
        return {};
    }
    return std::move(*pending);
}

bool Desk::waitsForUpdate(const std::string& guideId) {
    const auto pending = pendingContent();
    return !hasGuide(guideId) &&
           std::ranges::any_of(pending, [&](const client::PendingEntry& entry) {
               return entry.kind == "guide" && entry.id == guideId;
           });
}

std::int64_t Desk::pendingRecords() {
    commitStepRecords();
    auto pending = m_outbox.pending();
    if (!pending) {
        logLine(QStringLiteral("cannot count the outbox: ") + errorText(pending.error()));
        return -1;
    }
    return *pending;
}

std::vector<client::GuideEntry> Desk::guides() {
    auto guides = m_replica.guides();
    if (!guides) {
        logLine(QStringLiteral("cannot list the guides: ") + errorText(guides.error()));
        return {};
    }
    return std::move(*guides);
}

bool Desk::hasGuide(const std::string& guideId) {
    auto xml = m_replica.guideXml(guideId);
    return xml && xml->has_value();
}

int Desk::heldRevision(const std::string& guideId) {
    auto changed = m_replica.whatChanged(guideId);
    return changed && changed->has_value() ? (*changed)->revision : 0;
}

std::vector<client::SearchHit> Desk::search(const QString& query) {
    auto hits = m_replica.search(query.toStdString(), 20);
    if (!hits) {
        logLine(QStringLiteral("cannot search: ") + errorText(hits.error()));
        return {};
    }
    return std::move(*hits);
}

void Desk::prepareSearch() {
    if (auto ok = m_replica.prepareSearch(); !ok)
        logLine(QStringLiteral("cannot prepare the search: ") + errorText(ok.error()));
}

std::vector<client::SearchHit> Desk::suggestFor(const client::WindowContext& window) {
    auto hits = m_replica.suggestFor(window);
    if (!hits) {
        logLine(QStringLiteral("cannot match the active window: ") + errorText(hits.error()));
        return {};
    }
    return std::move(*hits);
}

std::string Desk::resolveGuide(const std::string& idOrLink) {
    if (hasGuide(idOrLink))
        return idOrLink;
    auto linked = m_replica.guideForLink(idOrLink);
    return linked && *linked ? **linked : std::string();
}

std::vector<client::AlertEntry> Desk::alerts() {
    auto alerts = m_replica.alerts();
    if (!alerts) {
        logLine(QStringLiteral("cannot list the alerts: ") + errorText(alerts.error()));
        return {};
    }
    for (client::AlertEntry& alert : *alerts)
        alert.acknowledged =
            alert.acknowledged || m_acknowledgedUnmarked.contains({alert.id, alert.revision});
    return std::move(*alerts);
}

const std::vector<content::Alert>& Desk::stepAlerts() {
    const QString today = QDate::currentDate().toString(Qt::ISODate);
    if (m_stepAlertsDate == today)
        return m_stepAlerts;
    m_stepAlerts.clear();
    m_stepAlertsDate = today;
    for (const client::AlertEntry& entry : alerts()) {
        auto xml = m_replica.alertXml(entry.id);
        if (!xml || !*xml)
            continue; // retired meanwhile
        auto alert = content::parseAlert(**xml, entry.id);
        if (!alert) {
            logLine(
                QStringLiteral("alert %1 does not parse").arg(QString::fromStdString(entry.id)));
            continue;
        }
        if (alert->validOn(today.toStdString()))
            m_stepAlerts.push_back(std::move(*alert));
    }
    return m_stepAlerts;
}

std::expected<void, StoreFailure> Desk::acknowledgeAlert(const std::string& alertId) {
    const auto all = alerts();
    const auto alert = std::ranges::find(all, alertId, &client::AlertEntry::id);
    if (alert == all.end())
        return std::unexpected(StoreFailure{
            QStringLiteral("no alert %1 on this desk").arg(QString::fromStdString(alertId))});
    if (alert->acknowledged)
        return {};
    const client::AlertAcknowledgement ack{alert->id, alert->revision,
                                           std::chrono::system_clock::now()};
    if (auto stored = m_outbox.enqueue(client::ackRecord(ack)); !stored)
        return std::unexpected(
            storeFailure(QStringLiteral("cannot store the acknowledgement: "), stored.error()));
    if (auto marked = m_replica.markAcknowledged(alert->id, alert->revision); !marked) {
        // The record is stored and will be sent: read, as far as this panel goes.
        logLine(QStringLiteral("cannot mark alert %1 as read (kept in memory): %2")
                    .arg(QString::fromStdString(alert->id), errorText(marked.error())));
        m_acknowledgedUnmarked.insert({alert->id, alert->revision});
    }
    m_sync->flushOutbox();
    Q_EMIT guidesChanged();
    return {};
}

std::vector<protocol::PersonalDataFinding> Desk::personalDataIn(const QString& text) {
    return protocol::findPersonalData(text.toStdString());
}

QByteArray Desk::image(const QString& hash) {
    auto bytes = m_replica.image(hash.toStdString());
    if (!bytes) {
        std::fprintf(stderr, "souffleur-overlay: cannot read a picture: %s\n",
                     qPrintable(errorText(bytes.error())));
        return {};
    }
    return bytes->has_value() ? QByteArray::fromStdString(**bytes) : QByteArray();
}

bool Desk::hasImage(const std::string& hash) {
    auto held = m_replica.hasImage(hash);
    return held && *held;
}

std::expected<void, QString> Desk::openGuide(const std::string& guideId) {
    if (m_engine)
        return std::unexpected(QStringLiteral("a guide is already open"));
    auto xml = m_replica.guideXml(guideId);
    if (!xml)
        return std::unexpected(QStringLiteral("cannot read guide %1: %2")
                                   .arg(QString::fromStdString(guideId), errorText(xml.error())));
    if (!xml->has_value()) {
        return std::unexpected((waitsForUpdate(guideId)
                                    ? QStringLiteral("guide %1 waits for an update of this desk")
                                    : QStringLiteral("guide %1 is not on this desk"))
                                   .arg(QString::fromStdString(guideId)));
    }
    auto guide = content::parseGuide(**xml, guideId);
    if (!guide) {
        const QString first = guide.error().empty()
                                  ? QString()
                                  : QString::fromStdString(guide.error().front().toString());
        return std::unexpected(QStringLiteral("guide %1 does not parse: %2")
                                   .arg(QString::fromStdString(guideId), first));
    }

    // The steps that show a block, filled in from the blocks this desk holds.
    std::vector<std::string> missingBlocks;
    auto shown = m_replica.withBlocks(*guide, &missingBlocks);
    if (!shown)
        return std::unexpected(QStringLiteral("cannot read the blocks of guide %1: %2")
                                   .arg(QString::fromStdString(guideId), errorText(shown.error())));
    for (const std::string& block : missingBlocks)
        std::fprintf(stderr, "souffleur-overlay: guide %s shows block %s, not on this desk yet\n",
                     guideId.c_str(), block.c_str());
    *guide = std::move(*shown);
    m_session = client::SessionInfo{
        .sessionId = client::newUuid(), .guideId = guide->id, .revision = guide->revision};
    m_engine =
        std::make_unique<client::StepEngine>(m_clock, [this](const client::StepEvent& event) {
            m_unrecorded.push_back(client::eventRecord(m_session, event));
        });
    auto started = m_engine->start(*guide);
    if (!started) {
        m_engine.reset();
        m_unrecorded.clear();
        return std::unexpected(QString::fromStdString(started.error()));
    }
    // What changed, once: taken for this session and marked shown.
    m_sessionChange = {};
    if (auto changed = m_replica.whatChanged(guide->id); changed && changed->has_value()) {
        const auto& what = **changed;
        const QDateTime received =
            QDateTime::fromString(QString::fromStdString(what.receivedAt), Qt::ISODateWithMs);
        const bool recent = !received.isValid() ||
                            received.daysTo(QDateTime::currentDateTimeUtc()) <= kChangeNoteDays;
        if (!what.shown && recent)
            m_sessionChange = {what.note, what.summaryNl, what.summaryEn, {}};
        for (const auto& tip : what.tips)
            m_sessionChange.tips.push_back("\u201C" + tip.text + "\u201D");
        if (!what.shown || !what.tips.empty())
            (void)m_replica.markChangeShown(guide->id, what.revision);
    }
    Q_EMIT sessionChanged();
    recordEvents();
    return {};
}

std::expected<void, QString> Desk::next() {
    if (!m_engine)
        return std::unexpected(QStringLiteral("no guide is open"));
    return engineResult(m_engine->next());
}

std::expected<void, QString> Desk::choose(std::size_t optionIndex) {
    if (!m_engine)
        return std::unexpected(QStringLiteral("no guide is open"));
    return engineResult(m_engine->choose(optionIndex));
}

std::expected<void, QString> Desk::back() {
    if (!m_engine)
        return std::unexpected(QStringLiteral("no guide is open"));
    return engineResult(m_engine->back());
}

void Desk::closeGuide() {
    if (!m_engine)
        return;
    endSession();
    Q_EMIT sessionChanged();
}

void Desk::endSession() {
    if (m_engine && m_engine->state() == client::EngineState::Active)
        (void)m_engine->abandon(); // cannot fail in Active; emits Abandoned
    recordEvents();
    m_engine.reset();
}

std::optional<Desk::FeedbackPlace> Desk::feedbackPlace() const {
    if (!m_engine || m_engine->state() != client::EngineState::Active)
        return std::nullopt;
    return FeedbackPlace{m_session.guideId, m_session.revision, m_engine->currentStep().id};
}

std::expected<void, StoreFailure> Desk::sendFeedback(const FeedbackPlace& about,
                                                     client::FeedbackKind kind, const QString& text,
                                                     const QString& suggestion) {
    const client::Feedback feedback{.guideId = about.guideId,
                                    .revision = about.revision,
                                    .step = about.step,
                                    .kind = kind,
                                    .text = text.trimmed().toStdString(),
                                    .suggestion = suggestion.trimmed().toStdString()};
    // The outbox checks the record (the privacy guard on both texts).
    auto stored = m_outbox.enqueue(client::feedbackRecord(feedback));
    if (!stored) {
        const auto& refused = stored.error().refused;
        if (refused && refused->personalData)
            return std::unexpected(StoreFailure{
                QStringLiteral("feedback refused: it holds what looks like %1")
                    .arg(QString::fromUtf8(protocol::personalDataName(*refused->personalData)))});
        return std::unexpected(
            storeFailure(QStringLiteral("cannot store the feedback: "), stored.error()));
    }
    m_sync->flushOutbox();
    return {};
}

std::vector<client::LogbookLine> Desk::logbook() {
    auto lines = client::deskLogbook(m_replica, m_outbox);
    if (!lines) {
        logLine(QStringLiteral("cannot read the team's logbook: ") + errorText(lines.error()));
        return {};
    }
    return std::move(*lines);
}

void Desk::refreshLogbook() {
    m_sync->refreshLogbook();
}

std::expected<void, StoreFailure> Desk::addLogbookEntry(const QString& text, bool attachStep) {
    client::LogbookEntry entry{.text = text.trimmed().toStdString(),
                               .guideId = {},
                               .step = {},
                               .at = std::chrono::system_clock::now()};
    if (entry.text.empty())
        return std::unexpected(StoreFailure{QStringLiteral("a logbook entry needs a text")});
    if (attachStep && m_engine) {
        entry.guideId = m_session.guideId;
        if (m_engine->state() == client::EngineState::Active)
            entry.step = m_engine->currentStep().id;
    }
    // The outbox checks the record (the privacy guard on the text) and
    // commits it before anything else happens.
    auto stored = m_outbox.enqueue(client::logbookRecord(entry));
    if (!stored) {
        const auto& refused = stored.error().refused;
        if (refused && refused->personalData)
            return std::unexpected(StoreFailure{
                QStringLiteral("logbook entry refused: it holds what looks like %1")
                    .arg(QString::fromUtf8(protocol::personalDataName(*refused->personalData)))});
        return std::unexpected(
            storeFailure(QStringLiteral("cannot store the logbook entry: "), stored.error()));
    }
    Q_EMIT logbookChanged(); // listed at once, as not sent yet
    m_sync->flushOutbox();
    return {};
}

std::expected<void, QString> Desk::engineResult(std::expected<void, std::string> result) {
    if (!result)
        return std::unexpected(QString::fromStdString(result.error()));
    Q_EMIT sessionChanged();
    // Painted first, stored after (commitStepRecords()); a later step's
    // records join these, in order, in the same commit.
    if (!m_unrecorded.empty() && !m_recordTimer->isActive())
        m_recordTimer->start();
    return {};
}

void Desk::commitStepRecords() {
    recordEvents();
}

std::size_t Desk::unsavedRecords() {
    commitStepRecords();
    return m_unsaved.waiting();
}

void Desk::recordEvents() {
    m_recordTimer->stop();
    if (m_unrecorded.empty())
        return;
    const std::size_t before = m_unsaved.waiting();
    const bool diskFullBefore = m_unsaved.diskFull();
    auto stored = m_unsaved.store(m_outbox, std::exchange(m_unrecorded, {}));
    if (!stored)
        logLine(QStringLiteral("cannot store the step records%1: %2")
                    .arg(stored.error().diskFull
                             ? QStringLiteral(" (the disk is full: kept in memory, tried again)")
                             : QString(),
                         QString::fromStdString(stored.error().message)));
    if (m_unsaved.waiting() > 0 && !m_retryTimer->isActive())
        m_retryTimer->start();
    if (m_unsaved.waiting() == 0 && before > 0) {
        // Stored with these: no more tries needed.
        logLine(QStringLiteral("the waiting step records are stored"));
        m_retryTimer->stop();
        m_retryTimer->setInterval(kFirstRetryMs);
    }
    reportUnsaved(before, diskFullBefore);
    m_sync->flushOutbox();
}

void Desk::reportUnsaved(std::size_t before, bool diskFullBefore) {
    if (m_unsaved.waiting() != before || m_unsaved.diskFull() != diskFullBefore)
        Q_EMIT unsavedChanged();
}

void Desk::retryUnsaved() {
    const bool diskFullBefore = m_unsaved.diskFull();
    auto stored = m_unsaved.retry(m_outbox);
    if (m_unsaved.waiting() > 0) {
        // Each failed try waits a little longer, up to half a minute.
        m_retryTimer->setInterval(std::min(m_retryTimer->interval() * 2, kMaxRetryMs));
        reportUnsaved(m_unsaved.waiting(), diskFullBefore); // the reason may have changed
        return;
    }
    if (!stored)
        logLine(QStringLiteral("a step record was refused: ") +
                QString::fromStdString(stored.error().message));
    logLine(QStringLiteral("the waiting step records are stored"));
    m_retryTimer->stop();
    m_retryTimer->setInterval(kFirstRetryMs);
    if (m_reserveTimer->isActive())
        keepReserve(); // the disk has room again: no need to wait a minute
    Q_EMIT unsavedChanged();
    m_sync->flushOutbox();
}

} // namespace souffleur::overlay
