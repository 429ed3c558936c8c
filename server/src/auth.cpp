// Tokens, roles and the access check (see auth.h). OpenSSL supplies the
// randomness and SHA-256; the store sees only hashes.

#include <souffleur/server/auth.h>
#include <souffleur/server/storage.h>

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <unistd.h>

namespace souffleur::server {
namespace {

std::string toHex(const unsigned char* bytes, std::size_t size) {
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    out.reserve(size * 2);
    for (std::size_t i = 0; i < size; ++i) {
        out += kHex[bytes[i] >> 4];
        out += kHex[bytes[i] & 0x0f];
    }
    return out;
}

std::int64_t unixNow() {
    return static_cast<std::int64_t>(std::time(nullptr));
}

} // namespace

std::string_view bearerToken(std::string_view authorization) {
    constexpr std::string_view kScheme = "bearer ";
    if (authorization.size() <= kScheme.size())
        return {};
    for (std::size_t i = 0; i < kScheme.size(); ++i) {
        const char c = authorization[i];
        if ((c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c) != kScheme[i])
            return {};
    }
    return authorization.substr(kScheme.size());
}

std::string_view roleName(Role role) {
    switch (role) {
    case Role::Desk:
        return "desk";
    case Role::Author:
        return "author";
    case Role::Reviewer:
        return "reviewer";
    case Role::Admin:
        return "admin";
    case Role::TeamLead:
        return "team_lead";
    }
    return "desk";
}

std::optional<Role> parseRole(std::string_view name) {
    for (const Role role :
         {Role::Desk, Role::Author, Role::Reviewer, Role::Admin, Role::TeamLead}) {
        if (roleName(role) == name)
            return role;
    }
    return std::nullopt;
}

std::string_view authFailureName(AuthFailure failure) {
    switch (failure) {
    case AuthFailure::NoToken:
        return "no_token";
    case AuthFailure::UnknownToken:
        return "unknown_token";
    case AuthFailure::Forbidden:
        return "forbidden";
    }
    return "forbidden";
}

std::expected<std::string, std::string> generateToken() {
    std::array<unsigned char, 32> bytes{};
    if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1)
        return std::unexpected(std::string("the system's random source failed"));
    return toHex(bytes.data(), bytes.size());
}

std::string hashToken(std::string_view token) {
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int size = 0;
    EVP_Digest(token.data(), token.size(), digest.data(), &size, EVP_sha256(), nullptr);
    return toHex(digest.data(), size);
}

sqlite::Result<std::string> issueToken(sqlite::Database& db, std::int64_t accountId,
                                       std::chrono::seconds validity) {
    auto token = generateToken();
    if (!token)
        return std::unexpected(sqlite::Error{0, token.error()});
    if (auto ok = db.execute("INSERT INTO tokens (hash, account_id, expires_at) VALUES (?, ?, ?)",
                             hashToken(*token), accountId, unixNow() + validity.count());
        !ok)
        return std::unexpected(ok.error());
    return *token;
}

sqlite::Result<void> revokeTokens(sqlite::Database& db, std::int64_t accountId) {
    return db.execute("UPDATE tokens SET revoked = 1 WHERE account_id = ?", accountId);
}

sqlite::Result<std::optional<Identity>> authenticate(sqlite::Database& db, std::string_view token) {
    auto stmt = db.prepare("SELECT a.id, a.tenant_id, a.team_id, a.name, a.role "
                           "FROM tokens AS t JOIN accounts AS a ON a.id = t.account_id "
                           "WHERE t.hash = ? AND t.revoked = 0 AND t.expires_at > ?",
                           hashToken(token), unixNow());
    if (!stmt)
        return std::unexpected(stmt.error());
    auto row = stmt->step();
    if (!row)
        return std::unexpected(row.error());
    if (!*row)
        return std::optional<Identity>{};
    const auto role = parseRole(stmt->columnText(4));
    if (!role)
        return std::optional<Identity>{};
    Identity identity{
        stmt->columnInt(0), stmt->columnInt(1), std::nullopt, stmt->columnText(3), *role,
        hashToken(token)};
    if (!stmt->columnIsNull(2))
        identity.teamId = stmt->columnInt(2);
    return std::optional<Identity>{std::move(identity)};
}

sqlite::Result<std::vector<std::string>> stillValid(sqlite::Database& db,
                                                    const std::vector<std::string>& tokenHashes) {
    auto stmt =
        db.prepare("SELECT 1 FROM tokens WHERE hash = ? AND revoked = 0 AND expires_at > ?");
    if (!stmt)
        return std::unexpected(stmt.error());
    const auto now = unixNow();
    std::vector<std::string> valid;
    for (const auto& hash : tokenHashes) {
        stmt->reset();
        stmt->bind(1, hash);
        stmt->bind(2, now);
        auto row = stmt->step();
        if (!row)
            return std::unexpected(row.error());
        if (*row)
            valid.push_back(hash);
    }
    return valid;
}

sqlite::Result<std::expected<Identity, AuthFailure>> authorize(sqlite::Database& db,
                                                               const AccessRequest& request) {
    using Outcome = std::expected<Identity, AuthFailure>;
    const auto token = bearerToken(request.authorization);
    std::optional<Identity> identity;
    if (!token.empty()) {
        auto found = authenticate(db, token);
        if (!found)
            return std::unexpected(found.error());
        identity = std::move(*found);
    }
    if (!identity)
        return Outcome(
            std::unexpected(token.empty() ? AuthFailure::NoToken : AuthFailure::UnknownToken));
    if (!request.allowed.contains(identity->role)) {
        AuditEntry audit{identity->tenantId, identity->name,
                         "access",           request.route,
                         request.remote,     std::string(authFailureName(AuthFailure::Forbidden))};
        if (auto ok = appendAudit(db, audit); !ok)
            return std::unexpected(ok.error());
        return Outcome(std::unexpected(AuthFailure::Forbidden));
    }
    return Outcome(std::move(*identity));
}

std::filesystem::path accessMarkerPath(const std::filesystem::path& dataDir) {
    return dataDir / "access-changed";
}

std::expected<void, std::string> noteAccessChange(const std::filesystem::path& dataDir) {
    // A new file renamed over the old one: a new inode, whatever the clock says.
    const auto marker = accessMarkerPath(dataDir);
    const auto incoming = std::filesystem::path(marker.string() + ".new");
    const int fd = ::open(incoming.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        return std::unexpected("cannot write " + incoming.string() + ": " + std::strerror(errno));
    ::close(fd);
    if (::rename(incoming.c_str(), marker.c_str()) != 0)
        return std::unexpected("cannot replace " + marker.string() + ": " + std::strerror(errno));
    return {};
}

} // namespace souffleur::server
