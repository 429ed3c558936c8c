// The studio's server calls (server_session.h), over souffleur::net.
#include <souffleur/studio/server_session.h>

#include <boost/json.hpp>

#include <cctype>

namespace souffleur::studio {
namespace json = boost::json;
namespace {

std::string text(const json::object& object, std::string_view key) {
    if (const auto* value = object.if_contains(key); value && value->is_string())
        return std::string(value->as_string());
    return {};
}

int number(const json::object& object, std::string_view key) {
    if (const auto* value = object.if_contains(key); value && value->is_int64())
        return static_cast<int>(value->as_int64());
    return 0;
}

std::optional<json::object> parseObject(const std::string& body) {
    boost::system::error_code error;
    auto value = json::parse(body, error);
    if (error || !value.is_object())
        return std::nullopt;
    return std::move(value.as_object());
}

content::Diagnostics diagnosticsIn(const json::object& object, std::string_view key) {
    content::Diagnostics out;
    const auto* list = object.if_contains(key);
    if (!list || !list->is_array())
        return out;
    for (const auto& item : list->as_array()) {
        if (!item.is_object())
            continue;
        const auto& entry = item.as_object();
        content::Diagnostic diagnostic;
        diagnostic.file = "server";
        diagnostic.line = number(entry, "line");
        diagnostic.column = number(entry, "column");
        diagnostic.severity = text(entry, "severity") == "warning" ? content::Severity::Warning
                                                                   : content::Severity::Error;
        diagnostic.message = text(entry, "message");
        out.push_back(std::move(diagnostic));
    }
    return out;
}

SessionError errorFor(const net::HttpResponse& response) {
    using Kind = SessionError::Kind;
    const int status = response.status;
    const Kind kind = status == 401                   ? Kind::Unauthorized
                      : status == 403                 ? Kind::Forbidden
                      : status == 404                 ? Kind::NotFound
                      : status >= 400 && status < 500 ? Kind::Refused
                                                      : Kind::ServerError;
    return {kind, status, serverMessage(response)};
}

RevisionInfo revisionFrom(const json::object& revision) {
    return {
        number(revision, "revision"),  text(revision, "state"),    text(revision, "title"),
        text(revision, "saved_by"),    text(revision, "saved_at"), text(revision, "note"),
        text(revision, "change_note"), text(revision, "id"),       text(revision, "submitted_at")};
}

std::unexpected<SessionError> nonsense(const net::HttpResponse& response) {
    return std::unexpected(SessionError{SessionError::Kind::ServerError, response.status,
                                        "the server's answer could not be read"});
}

} // namespace

std::string SessionError::toString() const {
    std::string out = status ? "HTTP " + std::to_string(status) : "no answer";
    if (!message.empty())
        out += ": " + message;
    return out;
}

std::string serverMessage(const net::HttpResponse& response) {
    if (auto object = parseObject(response.body)) {
        if (auto message = text(*object, "error"); !message.empty())
            return message;
    }
    return "HTTP " + std::to_string(response.status);
}

std::expected<ServerSession, std::string>
ServerSession::connect(std::string_view url, std::string token, std::string caFile) {
    auto address = net::ServerAddress::parse(url);
    if (!address)
        return std::unexpected(address.error());
    address->caFile = std::move(caFile);
    if (token.empty())
        return std::unexpected("a token is needed");
    return ServerSession(std::move(*address), std::move(token));
}

SessionResult<net::HttpResponse> ServerSession::call(net::Method method, std::string target,
                                                     std::string body,
                                                     std::string contentType) const {
    net::HttpRequest request{method, std::move(target), m_token, std::move(body),
                             std::move(contentType)};
    auto response = net::request(m_address, request);
    if (!response)
        return std::unexpected(
            SessionError{SessionError::Kind::Unreachable, 0, std::move(response.error())});
    return std::move(*response);
}

SessionResult<AccountKind> ServerSession::signIn() const {
    // Who the token is (a server from before /me answers 404: then the library tells).
    auto me = call(net::Method::Get, "/api/v1/me");
    if (!me)
        return std::unexpected(me.error());
    if (me->status == 200) {
        const auto object = parseObject(me->body);
        const std::string role = object ? text(*object, "role") : std::string();
        if (role == "team_lead")
            return AccountKind::TeamLead;
        if (role == "author" || role == "reviewer" || role == "admin")
            return AccountKind::Editor;
        return std::unexpected(SessionError{SessionError::Kind::Forbidden, 403,
                                            "a " + role + " account cannot use the studio"});
    }
    auto response = call(net::Method::Get, "/api/v1/library");
    // A server from before the library (0.1) knows the review queue, for the same roles.
    if (response && response->status == 404)
        response = call(net::Method::Get, "/api/v1/revisions?state=in_review");
    if (!response)
        return std::unexpected(response.error());
    if (response->status == 403) {
        // Not an editor: a team lead reads its team's AARs.
        auto aars = call(net::Method::Get, "/api/v1/aars?limit=1");
        if (aars && aars->status == 200)
            return AccountKind::TeamLead;
    }
    if (response->status != 200)
        return std::unexpected(errorFor(*response));
    return AccountKind::Editor;
}

namespace {

// The "guides" array of a 200 answer, each object made an entry by `entry`.
template <typename Entry>
SessionResult<std::vector<LibraryEntry>> guideList(const SessionResult<net::HttpResponse>& response,
                                                   Entry entry) {
    if (!response)
        return std::unexpected(response.error());
    if (response->status != 200)
        return std::unexpected(errorFor(*response));
    auto object = parseObject(response->body);
    const json::value* guides = object ? object->if_contains("guides") : nullptr;
    if (!guides || !guides->is_array())
        return nonsense(*response);
    std::vector<LibraryEntry> entries;
    for (const auto& item : guides->as_array())
        if (item.is_object())
            entries.push_back(entry(item.as_object()));
    return entries;
}

} // namespace

// The published guides, as a server before the library route lists them.
SessionResult<std::vector<LibraryEntry>> ServerSession::publishedGuides() const {
    return guideList(call(net::Method::Get, "/api/v1/guides"), [](const json::object& guide) {
        const int revision = number(guide, "revision");
        return LibraryEntry{
            text(guide, "id"), text(guide, "title"), {}, "published", revision, revision, {}, {}};
    });
}

SessionResult<std::vector<LibraryEntry>> ServerSession::library() const {
    auto response = call(net::Method::Get, "/api/v1/library");
    if (response && response->status == 404)
        return publishedGuides();
    return guideList(response, [](const json::object& guide) {
        const auto ids = [&guide](const char* key) {
            std::vector<std::string> out;
            if (const auto* list = guide.if_contains(key); list && list->is_array()) {
                for (const auto& id : list->as_array()) {
                    if (id.is_string())
                        out.emplace_back(id.as_string());
                }
            }
            return out;
        };
        return LibraryEntry{text(guide, "id"),
                            text(guide, "title"),
                            text(guide, "owner"),
                            text(guide, "state"),
                            number(guide, "revision"),
                            number(guide, "published_revision"),
                            text(guide, "saved_by"),
                            text(guide, "saved_at"),
                            text(guide, "kind") == "block",
                            ids("blocks"),
                            ids("used_by")};
    });
}

SessionResult<std::vector<RevisionInfo>> ServerSession::revisions(const std::string& guide) const {
    auto response = call(net::Method::Get, "/api/v1/guides/" + guide + "/revisions");
    if (!response)
        return std::unexpected(response.error());
    if (response->status != 200)
        return std::unexpected(errorFor(*response));
    auto object = parseObject(response->body);
    const json::value* list = object ? object->if_contains("revisions") : nullptr;
    if (!list || !list->is_array())
        return nonsense(*response);
    std::vector<RevisionInfo> out;
    for (const auto& item : list->as_array()) {
        if (!item.is_object())
            continue;
        const auto& revision = item.as_object();
        out.push_back(revisionFrom(revision));
    }
    return out;
}

SessionResult<std::string> ServerSession::revisionXml(const std::string& guide,
                                                      int revision) const {
    auto response = call(net::Method::Get,
                         "/api/v1/guides/" + guide + "/revisions/" + std::to_string(revision));
    if (!response)
        return std::unexpected(response.error());
    if (response->status != 200)
        return std::unexpected(errorFor(*response));
    return std::move(response->body);
}

SessionResult<SaveResult> ServerSession::save(const std::string& guide, int base,
                                              const std::string& xml) const {
    auto response = call(net::Method::Post,
                         "/api/v1/guides/" + guide + "/revisions?base=" + std::to_string(base), xml,
                         "application/xml");
    if (!response)
        return std::unexpected(response.error());
    auto object = parseObject(response->body);
    if (response->status == 201 && object)
        return Saved{number(*object, "revision"), diagnosticsIn(*object, "warnings")};
    if (response->status == 409 && object && number(*object, "current_revision") > 0)
        return SaveConflict{number(*object, "current_revision")};
    if (response->status == 422 || response->status == 400 || response->status == 413)
        return SaveRefused{serverMessage(*response),
                           object ? diagnosticsIn(*object, "diagnostics") : content::Diagnostics{}};
    if (response->status == 201)
        return nonsense(*response);
    return std::unexpected(errorFor(*response));
}

SessionResult<void> ServerSession::submit(const std::string& guide, int revision,
                                          const std::string& changeNote) const {
    std::string body;
    if (!changeNote.empty())
        body = json::serialize(json::object{{"note", changeNote}});
    auto response =
        call(net::Method::Post,
             "/api/v1/guides/" + guide + "/revisions/" + std::to_string(revision) + "/submit",
             std::move(body));
    if (!response)
        return std::unexpected(response.error());
    if (response->status != 200)
        return std::unexpected(errorFor(*response));
    return {};
}

SessionResult<std::string> ServerSession::uploadImage(const std::string& bytes,
                                                      const std::string& contentType) const {
    auto response = call(net::Method::Post, "/api/v1/media", bytes, contentType);
    if (!response)
        return std::unexpected(response.error());
    if (response->status != 200 && response->status != 201)
        return std::unexpected(errorFor(*response));
    auto object = parseObject(response->body);
    if (!object || text(*object, "hash").empty())
        return nonsense(*response);
    return text(*object, "hash");
}

SessionResult<std::string> ServerSession::image(const std::string& hash) const {
    auto response = call(net::Method::Get, "/api/v1/media/" + hash);
    if (!response)
        return std::unexpected(response.error());
    if (response->status != 200)
        return std::unexpected(errorFor(*response));
    return std::move(response->body);
}

// --- Review, notices, feedback ----------------------------------------------------

namespace {

// A 2xx answer's body as a JSON object, or the error.
SessionResult<json::object> objectAnswer(SessionResult<net::HttpResponse> response) {
    if (!response)
        return std::unexpected(response.error());
    if (response->status < 200 || response->status >= 300)
        return std::unexpected(errorFor(*response));
    auto object = parseObject(response->body);
    if (!object)
        return nonsense(*response);
    return std::move(*object);
}

// The array `key` of a 2xx answer, each item read by `read` (nullopt: unreadable).
template <typename Read>
auto listAnswer(SessionResult<net::HttpResponse> response, std::string_view key, Read read)
    -> SessionResult<std::vector<typename decltype(read(json::value()))::value_type>> {
    using Item = typename decltype(read(json::value()))::value_type;
    auto object = objectAnswer(std::move(response));
    if (!object)
        return std::unexpected(object.error());
    const auto* list = object->if_contains(key);
    if (!list || !list->is_array())
        return std::unexpected(SessionError{SessionError::Kind::ServerError, 200,
                                            "the server's answer could not be read"});
    std::vector<Item> out;
    for (const auto& value : list->as_array()) {
        auto item = read(value);
        if (!item)
            return std::unexpected(SessionError{SessionError::Kind::ServerError, 200,
                                                "the server's answer could not be read"});
        out.push_back(std::move(*item));
    }
    return out;
}

template <typename Read>
auto itemAnswer(SessionResult<net::HttpResponse> response, Read read)
    -> SessionResult<typename decltype(read(json::value()))::value_type> {
    auto object = objectAnswer(std::move(response));
    if (!object)
        return std::unexpected(object.error());
    auto item = read(json::value(std::move(*object)));
    if (!item)
        return std::unexpected(SessionError{SessionError::Kind::ServerError, 200,
                                            "the server's answer could not be read"});
    return std::move(*item);
}

SessionResult<void> noContent(SessionResult<net::HttpResponse> response) {
    auto object = objectAnswer(std::move(response));
    if (!object)
        return std::unexpected(object.error());
    return {};
}

std::string revisionPath(const std::string& guide, int revision) {
    return "/api/v1/guides/" + guide + "/revisions/" + std::to_string(revision);
}

} // namespace

SessionResult<std::vector<RevisionInfo>> ServerSession::reviewQueue() const {
    return listAnswer(call(net::Method::Get, "/api/v1/revisions?state=in_review"), "revisions",
                      [](const json::value& value) -> std::optional<RevisionInfo> {
                          if (!value.is_object())
                              return std::nullopt;
                          return revisionFrom(value.as_object());
                      });
}

SessionResult<void> ServerSession::approve(const std::string& guide, int revision) const {
    return noContent(call(net::Method::Post, revisionPath(guide, revision) + "/publish"));
}

SessionResult<void> ServerSession::reject(const std::string& guide, int revision,
                                          const std::string& reason) const {
    return noContent(call(net::Method::Post, revisionPath(guide, revision) + "/reject",
                          json::serialize(json::object{{"note", reason}})));
}

SessionResult<int> ServerSession::rollback(const std::string& guide, int to,
                                           const std::string& reason) const {
    auto object = objectAnswer(call(net::Method::Post, "/api/v1/guides/" + guide + "/rollback",
                                    json::serialize(json::object{{"to", to}, {"reason", reason}})));
    if (!object)
        return std::unexpected(object.error());
    return number(*object, "revision");
}

SessionResult<std::vector<protocol::Comment>>
ServerSession::comments(const std::string& guide, std::optional<int> revision) const {
    std::string target = "/api/v1/guides/" + guide + "/comments";
    if (revision)
        target += "?revision=" + std::to_string(*revision);
    return listAnswer(call(net::Method::Get, std::move(target)), "comments",
                      [](const json::value& value) { return protocol::commentFrom(value); });
}

SessionResult<protocol::Comment> ServerSession::addComment(const std::string& guide, int revision,
                                                           const NewComment& comment) const {
    json::object body{{"text", comment.text}};
    if (comment.step)
        body["step"] = *comment.step;
    if (comment.field)
        body["field"] = *comment.field;
    if (comment.replyTo)
        body["reply_to"] = *comment.replyTo;
    return itemAnswer(
        call(net::Method::Post, revisionPath(guide, revision) + "/comments", json::serialize(body)),
        [](const json::value& value) { return protocol::commentFrom(value); });
}

SessionResult<protocol::Comment> ServerSession::resolveThread(std::int64_t comment,
                                                              bool resolved) const {
    return itemAnswer(call(net::Method::Patch, "/api/v1/comments/" + std::to_string(comment),
                           json::serialize(json::object{{"resolved", resolved}})),
                      [](const json::value& value) { return protocol::commentFrom(value); });
}

SessionResult<std::vector<protocol::Notice>> ServerSession::notices(bool unreadOnly) const {
    return listAnswer(
        call(net::Method::Get, unreadOnly ? "/api/v1/notices?unread=1" : "/api/v1/notices"),
        "notices", [](const json::value& value) { return protocol::noticeFrom(value); });
}

SessionResult<void> ServerSession::markNoticesRead(const std::vector<std::int64_t>& ids) const {
    json::object body;
    if (ids.empty()) {
        body["all"] = true;
    } else {
        json::array list;
        for (const auto id : ids)
            list.push_back(id);
        body["ids"] = std::move(list);
    }
    return noContent(call(net::Method::Post, "/api/v1/notices/read", json::serialize(body)));
}

SessionResult<std::vector<protocol::Feedback>>
ServerSession::feedback(const std::string& guide) const {
    return listAnswer(call(net::Method::Get, "/api/v1/feedback?limit=500&guide=" + guide),
                      "feedback",
                      [](const json::value& value) { return protocol::feedbackFrom(value); });
}

SessionResult<protocol::Feedback>
ServerSession::updateFeedback(const std::string& id, const FeedbackChange& change) const {
    json::object body{{"status", change.status}};
    if (change.revision)
        body["revision"] = *change.revision;
    if (change.reason)
        body["reason"] = *change.reason;
    if (change.duplicateOf)
        body["duplicate_of"] = *change.duplicateOf;
    return itemAnswer(call(net::Method::Patch, "/api/v1/feedback/" + id, json::serialize(body)),
                      [](const json::value& value) { return protocol::feedbackFrom(value); });
}

SessionResult<std::vector<protocol::GuideHealth>> ServerSession::health() const {
    return listAnswer(call(net::Method::Get, "/api/v1/health"), "guides",
                      [](const json::value& value) { return protocol::guideHealthFrom(value); });
}

SessionResult<std::vector<protocol::Source>> ServerSession::sources() const {
    return listAnswer(call(net::Method::Get, "/api/v1/sources"), "sources",
                      [](const json::value& value) { return protocol::sourceFrom(value); });
}

SessionResult<std::vector<std::string>>
ServerSession::saveSource(const protocol::Source& source) const {
    return listAnswer(call(net::Method::Post, "/api/v1/sources",
                           json::serialize(json::object{{"id", source.id},
                                                        {"title", source.title},
                                                        {"reference", source.reference},
                                                        {"version_date", source.versionDate}})),
                      "guides_to_check",
                      [](const json::value& value) -> std::optional<std::string> {
                          if (!value.is_string())
                              return std::nullopt;
                          return std::string(value.as_string());
                      });
}

// --- After Action Reviews ------------------------------------------------------

namespace {

std::string encoded(std::string_view text) {
    std::string out;
    constexpr std::string_view kHex = "0123456789ABCDEF";
    for (const char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) || c == '-' || c == '.' || c == '_' || c == '~') {
            out += c;
        } else {
            out += '%';
            out += kHex[u >> 4U];
            out += kHex[u & 0x0FU];
        }
    }
    return out;
}

template <typename T, typename Read>
SessionResult<T> objectAnswer(SessionResult<net::HttpResponse> response, Read read) {
    if (!response)
        return std::unexpected(response.error());
    if (response->status != 200 && response->status != 201)
        return std::unexpected(errorFor(*response));
    boost::system::error_code error;
    const auto value = json::parse(response->body, error);
    if (error)
        return nonsense(*response);
    auto out = read(value);
    if (!out)
        return nonsense(*response);
    return std::move(*out);
}

std::optional<ServerSession::AarWithCarried> aarWithCarried(const json::value& value) {
    auto aar = protocol::aarFrom(value);
    if (!aar)
        return std::nullopt;
    ServerSession::AarWithCarried out{std::move(*aar), {}};
    if (const auto* carried = value.as_object().if_contains("carried_actions");
        carried && carried->is_array()) {
        for (const auto& item : carried->as_array())
            if (auto action = protocol::aarActionFrom(item))
                out.carried.push_back(std::move(*action));
    }
    return out;
}

} // namespace

SessionResult<std::vector<GuideSummary>> ServerSession::guides() const {
    return listAnswer(
        call(net::Method::Get, "/api/v1/guides"), "guides",
        [](const json::value& value) -> std::optional<GuideSummary> {
            if (!value.is_object() || text(value.as_object(), "id").empty())
                return std::nullopt;
            return GuideSummary{text(value.as_object(), "id"), text(value.as_object(), "title")};
        });
}

SessionResult<std::string> ServerSession::guideXml(const std::string& guide) const {
    auto response = call(net::Method::Get, "/api/v1/guides/" + encoded(guide));
    if (!response)
        return std::unexpected(response.error());
    if (response->status != 200)
        return std::unexpected(errorFor(*response));
    return std::move(response->body);
}

SessionResult<std::vector<std::string>> ServerSession::teams() const {
    return listAnswer(call(net::Method::Get, "/api/v1/teams"), "teams",
                      [](const json::value& value) -> std::optional<std::string> {
                          if (!value.is_string())
                              return std::nullopt;
                          return std::string(value.as_string());
                      });
}

SessionResult<PrivacyFacts> ServerSession::privacy() const {
    return objectAnswer<PrivacyFacts>(
        call(net::Method::Get, "/api/v1/privacy"),
        [](const json::value& value) -> std::optional<PrivacyFacts> {
            if (!value.is_object())
                return std::nullopt;
            const auto& o = value.as_object();
            const auto* xapi = o.if_contains("xapi");
            return PrivacyFacts{number(o, "retention_months"), number(o, "min_people"),
                                xapi && xapi->is_bool() && xapi->as_bool()};
        });
}

SessionResult<protocol::Evidence> ServerSession::evidence(const std::vector<std::string>& guides,
                                                          const std::string& from,
                                                          const std::string& to,
                                                          const std::string& team) const {
    std::string target = "/api/v1/evidence?from=" + encoded(from) + "&to=" + encoded(to);
    for (const auto& guide : guides)
        target += "&guide=" + encoded(guide);
    if (!team.empty())
        target += "&team=" + encoded(team);
    return objectAnswer<protocol::Evidence>(
        call(net::Method::Get, std::move(target)),
        [](const json::value& value) { return protocol::evidenceFrom(value); });
}

SessionResult<std::vector<protocol::Aar>> ServerSession::aars(const std::string& team) const {
    std::string target = "/api/v1/aars?limit=200";
    if (!team.empty())
        target += "&team=" + encoded(team);
    return listAnswer(call(net::Method::Get, std::move(target)), "aars",
                      [](const json::value& value) { return protocol::aarFrom(value); });
}

SessionResult<ServerSession::AarWithCarried> ServerSession::aar(const std::string& id) const {
    return objectAnswer<AarWithCarried>(call(net::Method::Get, "/api/v1/aars/" + encoded(id)),
                                        aarWithCarried);
}

SessionResult<ServerSession::AarWithCarried>
ServerSession::createAar(const std::string& team, const std::string& title,
                         const std::vector<std::string>& guides, const std::string& from,
                         const std::string& to) const {
    json::array list;
    for (const auto& guide : guides)
        list.emplace_back(guide);
    json::object body{{"title", title}, {"guides", std::move(list)}, {"from", from}, {"to", to}};
    if (!team.empty())
        body["team"] = team;
    return objectAnswer<AarWithCarried>(
        call(net::Method::Post, "/api/v1/aars", json::serialize(body)), aarWithCarried);
}

SessionResult<ServerSession::AarWithCarried> ServerSession::saveAar(const std::string& id,
                                                                    const AarChange& change) const {
    json::object body;
    for (const auto& [key, value] : {std::pair{"title", &change.title},
                                     {"expected", &change.expected},
                                     {"happened", &change.happened},
                                     {"why", &change.why},
                                     {"improve", &change.improve},
                                     {"lesson", &change.lesson},
                                     {"state", &change.state},
                                     {"from", &change.from},
                                     {"to", &change.to}}) {
        if (*value)
            body[key] = **value;
    }
    if (change.guides) {
        json::array list;
        for (const auto& guide : *change.guides)
            list.emplace_back(guide);
        body["guides"] = std::move(list);
    }
    if (change.shared)
        body["shared"] = *change.shared;
    return objectAnswer<AarWithCarried>(
        call(net::Method::Put, "/api/v1/aars/" + encoded(id), json::serialize(body)),
        aarWithCarried);
}

SessionResult<protocol::AarAction> ServerSession::addAction(const std::string& aar,
                                                            const NewAarAction& action) const {
    json::object body{{"text", action.text}, {"owner", action.owner}};
    if (action.due)
        body["due"] = *action.due;
    if (action.guide)
        body["guide"] = *action.guide;
    if (action.step)
        body["step"] = *action.step;
    return objectAnswer<protocol::AarAction>(
        call(net::Method::Post, "/api/v1/aars/" + encoded(aar) + "/actions", json::serialize(body)),
        [](const json::value& value) { return protocol::aarActionFrom(value); });
}

SessionResult<protocol::AarAction> ServerSession::setActionState(const std::string& aar,
                                                                 int position,
                                                                 const std::string& state) const {
    return objectAnswer<protocol::AarAction>(
        call(net::Method::Patch,
             "/api/v1/aars/" + encoded(aar) + "/actions/" + std::to_string(position),
             json::serialize(json::object{{"state", state}})),
        [](const json::value& value) { return protocol::aarActionFrom(value); });
}

} // namespace souffleur::studio
