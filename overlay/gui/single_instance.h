// One overlay per user and desk data directory. The first souffleur-overlay
// listens on a local socket (in $XDG_RUNTIME_DIR when there is one, owner
// access only); a later call hands its request over and exits at once:
//
//   souffleur-overlay --open ID            open guide ID in the running overlay
//   souffleur-overlay souffleur://guide/ID the same, as a URL (a host
//                                          application's link, or the desktop's
//                                          handler for the scheme)
//   souffleur-overlay --toggle             show and focus the panel, or hide it
//                                          (what a desktop shortcut calls)
//   souffleur-overlay (again)              bring the running panel forward
//
// Without a running overlay, --open and the URL start one (with --server and
// --token); --toggle fails. The souffleur-overlay command is a small launcher
// (launcher.cpp, Qt Core and Network only) that tries the hand-over itself and
// otherwise becomes the panel, souffleur-overlay-panel, which checks again.
// The protocol is one line of at most 256 bytes each way: "open ID", "toggle"
// or "show", answered "ok". Guide ids are checked ([A-Za-z0-9._-], at most
// 128); anything else is refused unread.
#pragma once

#include <QLocalServer>
#include <QObject>
#include <QString>

#include <expected>
#include <optional>
#include <string>

namespace souffleur::overlay {

struct InstanceRequest {
    enum class Kind { Open, Toggle, Show };
    Kind kind = Kind::Show;
    std::string guideId; // Open only

    // "open ID", "toggle", "show"; nullopt for anything else.
    static std::optional<InstanceRequest> parse(const QString& line);
    // "souffleur://guide/ID"; nullopt for anything else.
    static std::optional<InstanceRequest> fromUrl(const QString& url);
    QString toLine() const;
};

class SingleInstance : public QObject {
    Q_OBJECT

public:
    // The socket for a data directory (absolute or relative).
    static QString serverName(const QString& dataDir);
    // Hands `request` to a running overlay; true when it answered "ok".
    static bool handOver(const QString& serverName, const InstanceRequest& request,
                         int timeoutMs = 2000);

    explicit SingleInstance(QObject* parent = nullptr);
    // Listens (replacing the socket a crashed overlay left behind).
    std::expected<void, QString> listen(const QString& serverName);
    bool isListening() const { return m_server.isListening(); }

Q_SIGNALS:
    void requested(const InstanceRequest& request);

private:
    void onConnection();

    QLocalServer m_server;
};

} // namespace souffleur::overlay
