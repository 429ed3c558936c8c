// Pictures for guides (docs/api.md, "Media"): stored by an author, reviewer
// or admin after cleanImage() has checked and re-encoded them; served to any
// role of the tenant, desks included, by their hash.
#include "media.h"

#include "routes/handlers.h"

#include <boost/beast/http/field.hpp>

namespace souffleur::server {

void storeMediaRoute(const Env& env, Call& call, const Identity& who) {
    const std::string& body = call.request.body();
    if (body.empty())
        return env.reply(
            errorResponse(http::status::bad_request, "send the picture (PNG or JPEG) as the body"));
    // The bytes decide what it is; a Content-Type that disagrees is refused.
    auto clean = cleanImage(body);
    if (!clean) {
        const auto status =
            clean.error().kind == MediaError::Kind::WrongType ? http::status::unsupported_media_type
            : clean.error().kind == MediaError::Kind::TooLarge ? http::status::payload_too_large
                                                               : http::status::unprocessable_entity;
        return env.reply(errorResponse(status, clean.error().message));
    }
    const auto claimed = call.request[http::field::content_type];
    if (!claimed.empty() && !claimed.starts_with(clean->contentType))
        return env.reply(
            errorResponse(http::status::unsupported_media_type,
                          "the body is " + clean->contentType + ", not " + std::string(claimed)));
    StoredMedia media{clean->hash, clean->contentType, std::move(clean->bytes), clean->width,
                      clean->height};
    runStorage(
        env,
        [tenantId = who.tenantId, media, actor = actorOf(who, env)](sqlite::Database& db) {
            return storeMedia(db, tenantId, media, actor);
        },
        [env, hash = media.hash, type = media.contentType, width = media.width,
         height = media.height](sqlite::Result<void> stored) {
            if (!stored)
                return env.reply(internalError(stored.error()));
            env.reply(jsonResponse(http::status::created, json::object{{"hash", hash},
                                                                       {"content_type", type},
                                                                       {"width", width},
                                                                       {"height", height}}));
        });
}

void getMediaRoute(const Env& env, Call& call, const Identity& who) {
    const std::string& hash = call.param("hash");
    if (!isMediaHash(hash))
        return env.reply(errorResponse(http::status::not_found, "no such picture"));
    runStorage(
        env,
        [tenantId = who.tenantId, hash](sqlite::Database& db) {
            return findMedia(db, tenantId, hash);
        },
        [env](sqlite::Result<std::optional<StoredMedia>> found) {
            if (!found)
                return env.reply(internalError(found.error()));
            if (!*found)
                return env.reply(errorResponse(http::status::not_found, "no such picture"));
            auto response =
                textResponse(http::status::ok, std::move((*found)->bytes), (*found)->contentType);
            // Stored by hash: it never changes. Never sniffed, never run.
            response.set(http::field::cache_control, "private, max-age=31536000, immutable");
            response.set("X-Content-Type-Options", "nosniff");
            response.set("Content-Security-Policy", "default-src 'none'");
            env.reply(std::move(response));
        });
}

} // namespace souffleur::server
