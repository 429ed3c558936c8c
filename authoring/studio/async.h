// Server calls off the GUI thread: `work` runs on Qt's thread pool, `done`
// gets its result on the GUI thread (while `context` lives). The studio
// stays responsive while the network is slow; nothing else is shared.
#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QtConcurrent/QtConcurrentRun>

#include <optional>
#include <utility>

namespace souffleur::studio {

// g++ 12 at -O2 (the release preset) takes the vector inside the moved
// std::expected for uninitialised when `done` is inlined: a false positive of
// its -Wmaybe-uninitialized with unions, off for this function only.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
template <typename Work, typename Done>
void runAsync(QObject* context, Work work, Done done) {
    using Result = decltype(work());
    auto* watcher = new QFutureWatcher<std::optional<Result>>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context,
                     [watcher, done = std::move(done)]() mutable {
                         std::optional<Result> result = watcher->result();
                         watcher->deleteLater();
                         done(std::move(*result));
                     });
    watcher->setFuture(QtConcurrent::run(
        [work = std::move(work)]() mutable { return std::optional<Result>(work()); }));
}
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

} // namespace souffleur::studio
