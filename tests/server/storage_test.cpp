// The store's queries without the server: the change feed's paging by count
// and by bytes of XML.
#include <souffleur/server/storage.h>

#include <catch2/catch.hpp>

#include <filesystem>
#include <string>
#include <unistd.h>

using namespace souffleur::server;

namespace {

// A fresh store in a temporary directory, removed afterwards.
class TempStore {
public:
    TempStore()
        : m_dir(std::filesystem::temp_directory_path() /
                ("souffleur-storage-test-" + std::to_string(::getpid()))) {
        std::filesystem::remove_all(m_dir);
        REQUIRE(prepareDataDir(m_dir).has_value());
        auto db = openStore(databasePath(m_dir));
        REQUIRE(db.has_value());
        m_db = std::move(*db);
    }
    ~TempStore() {
        m_db = {};
        std::error_code ignored;
        std::filesystem::remove_all(m_dir, ignored);
    }
    TempStore(const TempStore&) = delete;
    TempStore& operator=(const TempStore&) = delete;

    souffleur::sqlite::Database& db() { return m_db; }

private:
    std::filesystem::path m_dir;
    souffleur::sqlite::Database m_db;
};

} // namespace

TEST_CASE("A change feed page stops at its byte budget", "[server][storage]") {
    TempStore store;
    const auto tenant = createTenant(store.db(), "Gemeente A");
    REQUIRE(tenant.has_value());
    // Three guides of 1000 bytes of XML each (the store takes XML as it comes).
    for (int i = 1; i <= 3; ++i) {
        const GuideRevision guide{"t.big" + std::to_string(i), 1, "Groot", std::string(1000, 'x')};
        const auto published = publishGuide(store.db(), *tenant, guide, {"author", "127.0.0.1"});
        REQUIRE(published.has_value());
        REQUIRE(std::holds_alternative<Published>(*published));
    }
    const auto page = [&](std::int64_t since, std::size_t maxBytes) {
        auto result = changesSince(store.db(), *tenant, since, 100, maxBytes);
        REQUIRE(result.has_value());
        return *result;
    };

    const auto first = page(0, 2500);
    CHECK(first.changes.size() == 2);
    CHECK(first.lastSeq == 2);
    CHECK(first.more);
    const auto rest = page(first.lastSeq, 2500);
    REQUIRE(rest.changes.size() == 1);
    CHECK(rest.changes[0].id == "t.big3");
    CHECK(rest.lastSeq == 3);
    CHECK_FALSE(rest.more);

    // A budget smaller than one guide still brings one.
    const auto tiny = page(0, 10);
    REQUIRE(tiny.changes.size() == 1);
    CHECK(tiny.changes[0].xml.size() == 1000);
    CHECK(tiny.more);

    // An exact fit is not cut.
    const auto exact = page(0, 3000);
    CHECK(exact.changes.size() == 3);
    CHECK_FALSE(exact.more);

    // The default budget (8 MiB) takes them all.
    const auto all = changesSince(store.db(), *tenant, 0, 100);
    REQUIRE(all.has_value());
    CHECK(all->changes.size() == 3);
    CHECK_FALSE(all->more);
}
