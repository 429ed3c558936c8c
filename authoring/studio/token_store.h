// Where the studio keeps an author's token between sessions: the desktop's
// keyring (Secret Service, KWallet) through QtKeychain where one runs; else
// a file only its owner can read (0600, $XDG_CONFIG_HOME/souffleur-studio/
// tokens.json). Never in the plain settings, never on the command line's
// history unless the author put it there.
#pragma once

#include <QString>

#include <expected>
#include <optional>

namespace souffleur::studio {

class TokenStore {
public:
    // `file`: the fallback file (default: the one above). With `useKeyring`
    // false, only the file (tests; SOUFFLEUR_STUDIO_NO_KEYRING=1).
    explicit TokenStore(QString file = {}, bool useKeyring = true);

    std::optional<QString> read(const QString& server) const;
    // Where it went: "keyring" or the file's path.
    std::expected<QString, QString> write(const QString& server, const QString& token) const;
    void forget(const QString& server) const;

    static QString defaultFile();

private:
    std::optional<QString> readFile(const QString& server) const;
    std::expected<void, QString> writeFile(const QString& server,
                                           const std::optional<QString>& token) const;

    QString m_file;
    bool m_useKeyring;
};

} // namespace souffleur::studio
