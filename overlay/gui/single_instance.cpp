// The single-instance socket (see single_instance.h).
#include "single_instance.h"

#include <QCryptographicHash>
#include <QDir>
#include <QLocalSocket>
#include <QRegularExpression>

#include <unistd.h>

namespace souffleur::overlay {
namespace {

constexpr qint64 kMaxLine = 256;

bool isGuideId(const QString& id) {
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9._-]{1,128}$"));
    return pattern.match(id).hasMatch();
}

} // namespace

std::optional<InstanceRequest> InstanceRequest::parse(const QString& line) {
    const QString text = line.trimmed();
    if (text == QLatin1String("toggle"))
        return InstanceRequest{Kind::Toggle, {}};
    if (text == QLatin1String("show"))
        return InstanceRequest{Kind::Show, {}};
    if (text.startsWith(QLatin1String("open "))) {
        const QString id = text.mid(5);
        if (isGuideId(id))
            return InstanceRequest{Kind::Open, id.toStdString()};
    }
    return std::nullopt;
}

std::optional<InstanceRequest> InstanceRequest::fromUrl(const QString& url) {
    const QString prefix = QStringLiteral("souffleur://guide/");
    if (!url.startsWith(prefix))
        return std::nullopt;
    QString id = url.mid(prefix.size());
    if (id.endsWith(QLatin1Char('/')))
        id.chop(1);
    if (!isGuideId(id))
        return std::nullopt;
    return InstanceRequest{Kind::Open, id.toStdString()};
}

QString InstanceRequest::toLine() const {
    switch (kind) {
    case Kind::Open:
        return QStringLiteral("open ") + QString::fromStdString(guideId);
    case Kind::Toggle:
        return QStringLiteral("toggle");
    case Kind::Show:
        break;
    }
    return QStringLiteral("show");
}

QString SingleInstance::serverName(const QString& dataDir) {
    const QByteArray where = QDir(dataDir).absolutePath().toUtf8();
    const QString name =
        QStringLiteral("souffleur-overlay-%1-%2")
            .arg(::getuid())
            .arg(QString::fromLatin1(
                QCryptographicHash::hash(where, QCryptographicHash::Sha256).toHex().left(16)));
    const QString runtime = qEnvironmentVariable("XDG_RUNTIME_DIR");
    return runtime.isEmpty() ? name : QDir(runtime).filePath(name);
}

bool SingleInstance::handOver(const QString& serverName, const InstanceRequest& request,
                              int timeoutMs) {
    QLocalSocket socket;
    socket.connectToServer(serverName);
    if (!socket.waitForConnected(timeoutMs))
        return false;
    socket.write((request.toLine() + QLatin1Char('\n')).toUtf8());
    if (!socket.waitForBytesWritten(timeoutMs))
        return false;
    while (!socket.canReadLine()) {
        if (!socket.waitForReadyRead(timeoutMs))
            return false;
    }
    return socket.readLine(kMaxLine).trimmed() == "ok";
}

SingleInstance::SingleInstance(QObject* parent)
    : QObject(parent) {
    m_server.setSocketOptions(QLocalServer::UserAccessOption);
    m_server.setMaxPendingConnections(8);
    connect(&m_server, &QLocalServer::newConnection, this, &SingleInstance::onConnection);
}

std::expected<void, QString> SingleInstance::listen(const QString& serverName) {
    if (m_server.listen(serverName))
        return {};
    if (m_server.serverError() == QAbstractSocket::AddressInUseError) {
        // Nobody answered a hand-over, so the socket is a crashed overlay's.
        QLocalServer::removeServer(serverName);
        if (m_server.listen(serverName))
            return {};
    }
    return std::unexpected(
        QStringLiteral("cannot listen on %1: %2").arg(serverName, m_server.errorString()));
}

void SingleInstance::onConnection() {
    while (QLocalSocket* socket = m_server.nextPendingConnection()) {
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
            if (!socket->canReadLine()) {
                if (socket->bytesAvailable() > kMaxLine)
                    socket->abort(); // no line within the limit: not one of ours
                return;
            }
            const auto request =
                InstanceRequest::parse(QString::fromUtf8(socket->readLine(kMaxLine)));
            socket->write(request ? "ok\n" : "refused\n");
            socket->disconnectFromServer();
            if (request)
                Q_EMIT requested(*request);
        });
    }
}

} // namespace souffleur::overlay
