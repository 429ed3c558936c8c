// The token store (token_store.h).
#include "token_store.h"

#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTimer>
#include <qt6keychain/keychain.h>

#include <fcntl.h>
#include <memory>
#include <sys/stat.h>
#include <unistd.h>

namespace souffleur::studio {
namespace {

const QString kService = QStringLiteral("souffleur-studio");
constexpr int kKeyringTimeoutMs = 5000;

struct JobResult {
    bool done = false;
    QKeychain::Error error = QKeychain::OtherError;
    QString text;
};

// Runs a keyring job to its end (or a timeout), without blocking the events.
JobResult runJob(QKeychain::Job* job) {
    auto result = std::make_shared<JobResult>();
    QEventLoop loop;
    job->setAutoDelete(true);
    QObject::connect(job, &QKeychain::Job::finished, &loop, [result, &loop](QKeychain::Job* done) {
        result->done = true;
        result->error = done->error();
        if (auto* read = qobject_cast<QKeychain::ReadPasswordJob*>(done))
            result->text = read->textData();
        loop.quit();
    });
    QTimer::singleShot(kKeyringTimeoutMs, &loop, &QEventLoop::quit);
    job->start();
    if (!result->done)
        loop.exec();
    return *result;
}

} // namespace

TokenStore::TokenStore(QString file, bool useKeyring)
    : m_file(file.isEmpty() ? defaultFile() : std::move(file))
    , m_useKeyring(useKeyring && qEnvironmentVariableIntValue("SOUFFLEUR_STUDIO_NO_KEYRING") == 0) {
}

QString TokenStore::defaultFile() {
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
           QStringLiteral("/souffleur-studio/tokens.json");
}

std::optional<QString> TokenStore::read(const QString& server) const {
    if (m_useKeyring) {
        auto* job = new QKeychain::ReadPasswordJob(kService);
        job->setKey(server);
        const JobResult result = runJob(job);
        if (result.done && result.error == QKeychain::NoError && !result.text.isEmpty())
            return result.text;
    }
    return readFile(server);
}

std::expected<QString, QString> TokenStore::write(const QString& server,
                                                  const QString& token) const {
    if (m_useKeyring) {
        auto* job = new QKeychain::WritePasswordJob(kService);
        job->setKey(server);
        job->setTextData(token);
        const JobResult result = runJob(job);
        if (result.done && result.error == QKeychain::NoError) {
            (void)writeFile(server, std::nullopt); // no copy left in the file
            return QStringLiteral("keyring");
        }
    }
    if (auto written = writeFile(server, token); !written)
        return std::unexpected(written.error());
    return m_file;
}

void TokenStore::forget(const QString& server) const {
    if (m_useKeyring) {
        auto* job = new QKeychain::DeletePasswordJob(kService);
        job->setKey(server);
        (void)runJob(job);
    }
    (void)writeFile(server, std::nullopt);
}

std::optional<QString> TokenStore::readFile(const QString& server) const {
    QFile file(m_file);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const auto tokens = QJsonDocument::fromJson(file.readAll()).object();
    const QString token = tokens.value(server).toString();
    if (token.isEmpty())
        return std::nullopt;
    return token;
}

std::expected<void, QString> TokenStore::writeFile(const QString& server,
                                                   const std::optional<QString>& token) const {
    QJsonObject tokens;
    if (QFile existing(m_file); existing.open(QIODevice::ReadOnly))
        tokens = QJsonDocument::fromJson(existing.readAll()).object();
    if (token)
        tokens.insert(server, *token);
    else if (!tokens.contains(server))
        return {};
    else
        tokens.remove(server);
    if (!QDir().mkpath(QFileInfo(m_file).absolutePath()))
        return std::unexpected(
            QStringLiteral("cannot create %1").arg(QFileInfo(m_file).absolutePath()));
    // Created 0600, and made 0600 should it exist with more: only its owner reads it.
    const QByteArray path = QFile::encodeName(m_file);
    const int fd = ::open(path.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        return std::unexpected(QStringLiteral("cannot write %1").arg(m_file));
    const QByteArray data = QJsonDocument(tokens).toJson(QJsonDocument::Compact);
    const bool ok = ::fchmod(fd, 0600) == 0 &&
                    ::write(fd, data.constData(), static_cast<std::size_t>(data.size())) ==
                        static_cast<ssize_t>(data.size()) &&
                    ::fsync(fd) == 0;
    ::close(fd);
    if (!ok)
        return std::unexpected(QStringLiteral("cannot write %1").arg(m_file));
    return {};
}

} // namespace souffleur::studio
