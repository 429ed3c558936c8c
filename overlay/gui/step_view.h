// The step view: one QWebEngineView, created once and reused, that shows the
// renderer's HTML page for the current step. It is locked down:
//  - its own off-the-record profile (no cookies, cache or storage on disk);
//  - pages come only from the `souffleur` scheme, served from memory by
//    StepSchemeHandler at souffleur://desk/step?n=K, K counting every page;
//  - RequestBlocker refuses every request of any other scheme;
//  - StepPage refuses every navigation but our own loads, and every new window;
//  - JavaScript, plugins, images, clipboard, error pages and local/remote
//    access are off. The page's Content-Security-Policy comes from the renderer.
// registerScheme() must run before QApplication is constructed.
#pragma once

#include <QByteArray>
#include <QUrl>
#include <QWebEnginePage>
#include <QWebEngineUrlRequestInterceptor>
#include <QWebEngineUrlSchemeHandler>
#include <QWidget>

#include <atomic>

class QWebEngineLoadingInfo;
class QWebEngineProfile;
class QWebEngineView;

namespace souffleur::overlay {

// Serves the one current page; every other souffleur:// URL is not found.
class StepSchemeHandler : public QWebEngineUrlSchemeHandler {
    Q_OBJECT

public:
    using QWebEngineUrlSchemeHandler::QWebEngineUrlSchemeHandler;
    void setPage(const QUrl& url, const QByteArray& html);
    void requestStarted(QWebEngineUrlRequestJob* job) override;

private:
    QUrl m_url;
    QByteArray m_html;
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

// Accepts only the loads StepView makes itself; opens no windows.
class StepPage : public QWebEnginePage {
    Q_OBJECT

public:
    using QWebEnginePage::QWebEnginePage;

protected:
    bool acceptNavigationRequest(const QUrl& url, NavigationType type, bool isMainFrame) override;
    QWebEnginePage* createWindow(WebWindowType type) override;
};

class StepView : public QWidget {
    Q_OBJECT

public:
    // The `souffleur` URL scheme; call once, before QApplication.
    static void registerScheme();

    explicit StepView(QWidget* parent = nullptr);
    ~StepView() override;

    // Shows a new page (a complete HTML document) under a new URL.
    void showHtml(const QByteArray& html);
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

Q_SIGNALS:
    // The current page finished loading (ok) or failed (not ok).
    void pageLoaded(bool ok);

private:
    void onLoadingChanged(const QWebEngineLoadingInfo& info);

    QWebEngineProfile* m_profile;
    StepSchemeHandler* m_handler;
    RequestBlocker* m_blocker;
    QWebEngineView* m_view;
    StepPage* m_page;
    int m_counter = 0;
    QUrl m_url;
    bool m_loaded = false;
    QByteArray m_html;
};

} // namespace souffleur::overlay
