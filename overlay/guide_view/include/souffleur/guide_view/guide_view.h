// The guide view: how a guide looks at the desk, for every program that shows
// one. The desk panel shows its steps in it, and the authors' studio its live
// preview, so the preview is the desk's rendering, not a copy of it. It is one
// QWebEngineView, created once and reused, showing the renderer's HTML page
// (page.h makes the desk's pages). The first page of a guide loads in full;
// every later one is sent over a QWebChannel to the view's own script
// (souffleur://desk/overlay.js), which swaps the page's body in place and
// reports when it has been painted, so a step change costs no page load.
// That script also styles the page's scrollbar (guide_view.cpp says why: a
// leak in Qt WebEngine otherwise).
// It is locked down:
//  - its own off-the-record profile (no cookies, cache or storage on disk);
//  - pages come only from the `souffleur` scheme, served from memory by
//    PageSchemeHandler: the page at souffleur://desk/step?n=K (K counting
//    every full load), the two bundled scripts and the guide's pictures at
//    souffleur://desk/media/HEX (from the program's ImageSource: the desk's
//    replica, the studio's cache; PNG and JPEG only), nothing else;
//  - every page is served with a guard Content-Security-Policy that allows
//    only those two scripts and pictures from souffleur://desk/media/ (the
//    renderer's own policy applies as well), so no inline script, event
//    handler or other script runs, and no picture loads from elsewhere;
//  - RequestBlocker refuses every request of any other scheme;
//  - LockedPage refuses every navigation but our own loads, and every new window;
//  - plugins, clipboard, window opening, error pages and local/remote
//    access are off.
// registerScheme() must run before QApplication is constructed.
#pragma once

#include <QByteArray>
#include <QUrl>
#include <QWebEnginePage>
#include <QWebEngineUrlRequestInterceptor>
#include <QWebEngineUrlSchemeHandler>
#include <QWidget>

#include <atomic>
#include <functional>
#include <string>
#include <vector>

class QWebChannel;
class QWebEngineLoadingInfo;
class QWebEngineProfile;
class QWebEngineView;

namespace souffleur::guide_view {

// What the page's script talks to (registered as "desk" on the web channel).
class PageBridge : public QObject {
    Q_OBJECT

public:
    using QObject::QObject;
    // Called by overlay.js: the channel is up and the page painted; then
    // after each swapped page, and after the frame a report was asked for.
    // `at`: when the page painted, on the page's wall clock (ms since the epoch).
    Q_INVOKABLE void ready(double at) { Q_EMIT readied(at); }
    Q_INVOKABLE void painted(int sequence, double at) { Q_EMIT paintedPage(sequence, at); }
    Q_INVOKABLE void paintReported(int request, double at) { Q_EMIT paintReport(request, at); }

Q_SIGNALS:
    // To overlay.js: swap in this page (a complete document), then call painted(sequence).
    void stepChanged(const QString& html, int sequence);
    // To overlay.js: call paintReported(request) after the next frame.
    void paintReportRequested(int request);
    void readied(double at);
    void paintedPage(int sequence, double at);
    void paintReport(int request, double at);
};

// The bytes of a picture by its hash ("sha256:" + 64 hex digits), or empty
// when the program does not have it. Called on the GUI thread.
using ImageSource = std::function<QByteArray(const QString& hash)>;

// Serves the current page, the two bundled scripts and the pictures the
// image source has; every other souffleur:// URL is not found.
class PageSchemeHandler : public QWebEngineUrlSchemeHandler {
    Q_OBJECT

public:
    using QWebEngineUrlSchemeHandler::QWebEngineUrlSchemeHandler;
    void setPage(const QUrl& url, const QByteArray& html);
    void setImageSource(ImageSource source) { m_images = std::move(source); }
    void requestStarted(QWebEngineUrlRequestJob* job) override;

private:
    QUrl m_url;
    QByteArray m_html;
    ImageSource m_images;
};

// Blocks every request whose scheme is not `souffleur`, and counts them.
class RequestBlocker : public QWebEngineUrlRequestInterceptor {
    Q_OBJECT

public:
    using QWebEngineUrlRequestInterceptor::QWebEngineUrlRequestInterceptor;
    void interceptRequest(QWebEngineUrlRequestInfo& info) override;
    int blocked() const { return m_blocked.load(); }

private:
    std::atomic<int> m_blocked = 0; // the interceptor may run on another thread
};

// Accepts only the loads GuideView makes itself; opens no windows.
class LockedPage : public QWebEnginePage {
    Q_OBJECT

public:
    using QWebEnginePage::QWebEnginePage;

protected:
    bool acceptNavigationRequest(const QUrl& url, NavigationType type, bool isMainFrame) override;
    QWebEnginePage* createWindow(WebWindowType type) override;
    // The console's warnings and errors (a refused script, a policy
    // violation) go to stderr, one line each.
    // (As "PROGRAM: page: MESSAGE", PROGRAM the application's name.)
    void javaScriptConsoleMessage(JavaScriptConsoleMessageLevel level, const QString& message,
                                  int lineNumber, const QString& sourceId) override;
};

class GuideView : public QWidget {
    Q_OBJECT

public:
    // The `souffleur` URL scheme; call once, before QApplication.
    static void registerScheme();

    explicit GuideView(QWidget* parent = nullptr);
    ~GuideView() override;

    // The scripts every page of the desk loads (content::RenderOptions::scripts).
    static const std::vector<std::string>& scripts();
    // Where pages load pictures from (content::RenderOptions::imageBase).
    static const std::string& imageBase();
    // Where the pictures come from; without one, none is served.
    void setImageSource(ImageSource source);

    // Shows a page (a complete HTML document): swapped in place when the
    // current page's script is ready, else loaded in full under a new URL.
    void showHtml(const QByteArray& html);
    // Always a full load (the test hook's hostile page).
    void loadHtml(const QByteArray& html);
    // How many pages were loaded in full, and how many swapped in place.
    int fullLoads() const { return m_counter; }
    int inPlaceUpdates() const { return m_sequence; }
    // The current page has finished loading successfully.
    bool isLoaded() const { return m_loaded; }
    // What the page shows and where it is: for tests that a hostile page
    // neither ran a script (which would set the title) nor navigated away.
    QString pageTitle() const;
    QUrl pageUrl() const;
    bool onOwnPage() const;
    // The HTML of the current page, as given to showHtml().
    const QByteArray& html() const { return m_html; }
    // Requests of other schemes blocked so far.
    int blockedRequests() const { return m_blocker->blocked(); }

    // Asks the page to say when it next paints (painted()), as after the
    // panel is shown again; false when the page has no script listening.
    bool reportNextPaint();

    // Runs `script` of ours (never the page's) in a world of its own beside
    // the page, and hands its result to `done`: for the studio to scroll its
    // preview to the step being edited, and for tests to measure the page.
    void evaluate(const QString& script, const std::function<void(const QVariant&)>& done) const;

Q_SIGNALS:
    // The current page finished loading (ok) or failed (not ok).
    void pageLoaded(bool ok);
    // The current page has been painted: after a full load, an in-place
    // update or reportNextPaint(). Only pages with the desk's script say so.
    // `at`: when, on the page's wall clock (ms since the epoch, sub-ms); the
    // signal itself comes a little later, over the web channel.
    void painted(double at);

private:
    void onLoadingChanged(const QWebEngineLoadingInfo& info);

    QWebEngineProfile* m_profile;
    PageSchemeHandler* m_handler;
    RequestBlocker* m_blocker;
    PageBridge* m_bridge;
    QWebChannel* m_channel;
    QWebEngineView* m_view;
    LockedPage* m_page;
    int m_counter = 0;
    QUrl m_url;
    bool m_loaded = false;
    bool m_bridgeReady = false; // the current page's script is listening
    int m_sequence = 0;         // of the last in-place update
    int m_paintRequest = 0;     // of the last reportNextPaint()
    double m_readyAt = 0;       // when the current page's script said it was ready
    QByteArray m_html;
};

} // namespace souffleur::guide_view
