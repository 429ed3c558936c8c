// The real souffleur-server (the built binary) with its demo accounts and
// library, started on a free loopback port over a data directory, for the
// tests that drive a Qt program in-process (the desk panel, the studio).
// SOUFFLEUR_SERVER_BINARY names the binary (CMake defines it).
#pragma once

#include <souffleur/net/http.h>

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QTest>

namespace souffleur::test {

class DemoServer {
public:
    explicit DemoServer(const QString& dataDir) {
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start(QStringLiteral(SOUFFLEUR_SERVER_BINARY),
                        {QStringLiteral("--demo"), QStringLiteral("--data"), dataDir,
                         QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                         QStringLiteral("--port-file"), dataDir + QStringLiteral("/port")});
        QFile portFile(dataDir + QStringLiteral("/port"));
        for (int i = 0; i < 100 && portFile.size() == 0; ++i)
            QTest::qWait(100);
        if (portFile.open(QIODevice::ReadOnly))
            m_port = QString::fromUtf8(portFile.readAll()).trimmed();
        QFile tokens(dataDir + QStringLiteral("/demo-tokens.json"));
        if (tokens.open(QIODevice::ReadOnly))
            m_accounts = QJsonDocument::fromJson(tokens.readAll()).array();
    }
    ~DemoServer() {
        m_process.terminate();
        m_process.waitForFinished(5000);
    }
    DemoServer(const DemoServer&) = delete;
    DemoServer& operator=(const DemoServer&) = delete;

    QString port() const { return m_port; }
    net::ServerAddress address() const { return {"127.0.0.1", m_port.toStdString()}; }
    QString url() const { return QStringLiteral("http://127.0.0.1:") + m_port; }
    // The token of a demo account: balie-noord-1 (desk), redacteur (author),
    // kwaliteit (reviewer), beheer (admin); empty when there is none.
    std::string token(const QString& account) const {
        for (const auto& entry : m_accounts)
            if (entry.toObject().value(QStringLiteral("name")).toString() == account)
                return entry.toObject().value(QStringLiteral("token")).toString().toStdString();
        return {};
    }
    std::string deskToken() const { return token(QStringLiteral("balie-noord-1")); }
    bool running() const { return !m_port.isEmpty() && !m_accounts.isEmpty(); }

private:
    QProcess m_process;
    QString m_port;
    QJsonArray m_accounts;
};

} // namespace souffleur::test
