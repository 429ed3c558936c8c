// The locked-down web view for guide pages (see guide_view.h).
#include <souffleur/guide_view/guide_view.h>

#include <QBuffer>
#include <QCoreApplication>
#include <QFile>
#include <QVBoxLayout>
#include <QWebChannel>
#include <QWebEngineLoadingInfo>
#include <QWebEngineProfile>
#include <QWebEngineScript>
#include <QWebEngineSettings>
#include <QWebEngineUrlRequestInfo>
#include <QWebEngineUrlRequestJob>
#include <QWebEngineUrlScheme>
#include <QWebEngineView>

#include <cstdio>

namespace souffleur::guide_view {
namespace {

const QByteArray kScheme = QByteArrayLiteral("souffleur");
const QString kHost = QStringLiteral("desk");
const QString kStepPath = QStringLiteral("/step");
const QString kOverlayScriptPath = QStringLiteral("/overlay.js");
const QString kChannelScriptPath = QStringLiteral("/qwebchannel.js");
const QString kMediaPath = QStringLiteral("/media/");

// The desk's own script: swaps in the pages the overlay sends, in place, and
// says when each has been painted: after the next animation frame, once the
// task that produced it has run (setTimeout 0). It says "ready" the same way,
// once the page it came with has been painted.
// It also styles the page's scrollbar, so that Chromium paints it with the
// page instead of as scrollbar layers of their own: Qt WebEngine 6.4 keeps
// the bitmaps of such layers in the program's process when they are
// replaced around the view being shown (a guide of another length opened,
// or the view resized, while the panel or the step view was hidden), about
// 130 KB of shared memory each time that never comes back (bench/README.md,
// the overlay). A constructed style sheet is ours, not the page's: the
// page's policy, which allows only its own style, does not apply to it.
// The thumb (#767676 on #f0f0f0) keeps 4:1 contrast, over WCAG's 3:1 for
// what one must see to use.
constexpr const char* kOverlayScript = R"js("use strict";
var scrollbar = new CSSStyleSheet();
scrollbar.replaceSync("::-webkit-scrollbar { width: 12px; background: #f0f0f0; }" +
    "::-webkit-scrollbar-thumb { background: #767676; border: 2px solid #f0f0f0;" +
    " border-radius: 6px; min-height: 32px; }");
document.adoptedStyleSheets = [scrollbar];
// Calls then(T), T the wall-clock time in ms (the page's clock, sub-ms).
function afterPaint(then) {
    requestAnimationFrame(function () {
        setTimeout(function () { then(performance.timeOrigin + performance.now()); }, 0);
    });
}
new QWebChannel(qt.webChannelTransport, function (channel) {
    var desk = channel.objects.desk;
    desk.stepChanged.connect(function (html, sequence) {
        var next = new DOMParser().parseFromString(html, "text/html");
        document.title = next.title;
        document.documentElement.lang = next.documentElement.lang;
        document.body.replaceWith(document.adoptNode(next.body));
        window.scrollTo(0, 0);
        afterPaint(function (at) { desk.painted(sequence, at); });
    });
    desk.paintReportRequested.connect(function (request) {
        afterPaint(function (at) { desk.paintReported(request, at); });
    });
    afterPaint(function (at) { desk.ready(at); });
});
)js";

// Qt's client side of the web channel, from the QtWebChannel library's resources.
const QByteArray& channelScript() {
    static const QByteArray script = [] {
        QFile file(QStringLiteral(":/qtwebchannel/qwebchannel.js"));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }();
    return script;
}

// Served with every page, whatever its HTML says: only the two bundled
// scripts may run (the page's own policy applies on top of this one).
const QByteArray kGuardPolicy =
    QByteArrayLiteral("<meta http-equiv=\"Content-Security-Policy\" content=\"script-src "
                      "souffleur://desk/overlay.js souffleur://desk/qwebchannel.js; img-src "
                      "souffleur://desk/media/; object-src 'none'; frame-src 'none'; base-uri "
                      "'none'; form-action 'none'\">");

// The page with the guard policy first in its head.
QByteArray guarded(const QByteArray& html) {
    const auto head = html.indexOf("<head>");
    if (head < 0)
        return kGuardPolicy + html;
    QByteArray out = html;
    out.insert(head + 6, kGuardPolicy);
    return out;
}

// The hash a picture's URL names ("sha256:" + 64 lowercase hex digits), or
// empty when the path is not souffleur://desk/media/HEX.
QString mediaHash(const QUrl& url) {
    const QString path = url.path();
    if (!path.startsWith(kMediaPath) || url.hasQuery())
        return {};
    const QString hex = path.mid(kMediaPath.size());
    if (hex.size() != 64)
        return {};
    for (const QChar c : hex) {
        if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f')))
            return {};
    }
    return QStringLiteral("sha256:") + hex;
}

// The type of a picture by its first bytes: PNG or JPEG, nothing else.
QByteArray imageType(const QByteArray& bytes) {
    if (bytes.startsWith(QByteArrayLiteral("\x89PNG\r\n\x1a\n")))
        return QByteArrayLiteral("image/png");
    if (bytes.startsWith(QByteArrayLiteral("\xff\xd8\xff")))
        return QByteArrayLiteral("image/jpeg");
    return {};
}

bool isOurPage(const QUrl& url) {
    return url.scheme() == QLatin1String(kScheme) && url.host() == kHost && url.path() == kStepPath;
}

} // namespace

void PageSchemeHandler::setPage(const QUrl& url, const QByteArray& html) {
    m_url = url;
    m_html = html;
}

void PageSchemeHandler::requestStarted(QWebEngineUrlRequestJob* job) {
    const QUrl url = job->requestUrl();
    const bool ours = url.scheme() == QLatin1String(kScheme) && url.host() == kHost;
    QByteArray body;
    QByteArray type;
    if (job->requestMethod() != QByteArrayLiteral("GET") || !ours) {
    } else if (url == m_url) {
        body = guarded(m_html);
        type = QByteArrayLiteral("text/html; charset=utf-8");
    } else if (url.path() == kOverlayScriptPath && !url.hasQuery()) {
        body = QByteArray(kOverlayScript);
        type = QByteArrayLiteral("text/javascript; charset=utf-8");
    } else if (url.path() == kChannelScriptPath && !url.hasQuery()) {
        body = channelScript();
        type = QByteArrayLiteral("text/javascript; charset=utf-8");
    } else if (const QString hash = mediaHash(url); !hash.isEmpty() && m_images) {
        body = m_images(hash);
        type = imageType(body);
    }
    if (type.isEmpty() || body.isEmpty()) {
        job->fail(QWebEngineUrlRequestJob::UrlNotFound);
        return;
    }
    auto* buffer = new QBuffer(job);
    buffer->setData(body);
    buffer->open(QIODevice::ReadOnly);
    job->reply(type, buffer);
}

void RequestBlocker::interceptRequest(QWebEngineUrlRequestInfo& info) {
    if (info.requestUrl().scheme() != QLatin1String(kScheme)) {
        info.block(true);
        ++m_blocked;
    }
}

bool LockedPage::acceptNavigationRequest(const QUrl& url, NavigationType type, bool isMainFrame) {
    return isMainFrame && isOurPage(url) &&
           (type == NavigationTypeTyped || type == NavigationTypeOther);
}

QWebEnginePage* LockedPage::createWindow(WebWindowType) {
    return nullptr;
}

void LockedPage::javaScriptConsoleMessage(JavaScriptConsoleMessageLevel level,
                                          const QString& message, int lineNumber,
                                          const QString& sourceId) {
    if (level == InfoMessageLevel)
        return;
    std::fprintf(stderr, "%s: page: %s (%s:%d)\n", qPrintable(QCoreApplication::applicationName()),
                 qPrintable(message.left(300)), qPrintable(sourceId.left(100)), lineNumber);
}

void GuideView::registerScheme() {
    QWebEngineUrlScheme scheme(kScheme);
    scheme.setSyntax(QWebEngineUrlScheme::Syntax::Host);
    // Not LocalScheme: Chromium would treat our scripts like file: URLs and,
    // with local file access off, refuse them without a word.
    scheme.setFlags(QWebEngineUrlScheme::SecureScheme);
    QWebEngineUrlScheme::registerScheme(scheme);
}

GuideView::GuideView(QWidget* parent)
    : QWidget(parent)
    , m_profile(new QWebEngineProfile(this)) // no storage name: off the record
    , m_handler(new PageSchemeHandler(this))
    , m_blocker(new RequestBlocker(m_profile))
    , m_bridge(new PageBridge(this))
    , m_channel(new QWebChannel(this))
    , m_view(new QWebEngineView(this))
    , m_page(new LockedPage(m_profile, m_view)) {
    m_profile->setHttpCacheType(QWebEngineProfile::MemoryHttpCache);
    m_profile->setPersistentCookiesPolicy(QWebEngineProfile::NoPersistentCookies);
    m_profile->setSpellCheckEnabled(false);
    m_profile->installUrlSchemeHandler(kScheme, m_handler);
    m_profile->setUrlRequestInterceptor(m_blocker);

    QWebEngineSettings* settings = m_page->settings();
    // Script runs, but only the two bundled scripts may (the guard policy).
    settings->setAttribute(QWebEngineSettings::JavascriptEnabled, true);
    settings->setAttribute(QWebEngineSettings::JavascriptCanOpenWindows, false);
    settings->setAttribute(QWebEngineSettings::JavascriptCanAccessClipboard, false);
    settings->setAttribute(QWebEngineSettings::LocalContentCanAccessRemoteUrls, false);
    settings->setAttribute(QWebEngineSettings::LocalContentCanAccessFileUrls, false);
    settings->setAttribute(QWebEngineSettings::PluginsEnabled, false);
    settings->setAttribute(QWebEngineSettings::ErrorPageEnabled, false);
    // Pictures, but only the guide's own (the guard policy, the scheme handler).
    settings->setAttribute(QWebEngineSettings::AutoLoadImages, true);
    settings->setAttribute(QWebEngineSettings::FocusOnNavigationEnabled, false);

    m_channel->registerObject(QStringLiteral("desk"), m_bridge);
    m_page->setWebChannel(m_channel);
    connect(m_bridge, &PageBridge::readied, this, [this](double at) {
        m_bridgeReady = true;
        m_readyAt = at;
        if (m_loaded)
            Q_EMIT painted(at); // else when the load succeeds
    });
    connect(m_bridge, &PageBridge::paintedPage, this, [this](int sequence, double at) {
        if (sequence != m_sequence)
            return; // a superseded update
        m_loaded = true;
        Q_EMIT pageLoaded(true);
        Q_EMIT painted(at);
    });
    connect(m_bridge, &PageBridge::paintReport, this, [this](int request, double at) {
        if (request == m_paintRequest)
            Q_EMIT painted(at);
    });
    m_view->setPage(m_page);
    m_view->setContextMenuPolicy(Qt::NoContextMenu);
    connect(m_page, &QWebEnginePage::loadingChanged, this, &GuideView::onLoadingChanged);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
}

GuideView::~GuideView() {
    // The page (a child of the view) must go before its profile, which is
    // otherwise deleted first as our first child.
    delete m_view;
}

QString GuideView::pageTitle() const {
    return m_page->title();
}

QUrl GuideView::pageUrl() const {
    return m_page->url();
}

bool GuideView::onOwnPage() const {
    return m_page->url() == m_url;
}

const std::vector<std::string>& GuideView::scripts() {
    static const std::vector<std::string> urls = {"souffleur://desk/qwebchannel.js",
                                                  "souffleur://desk/overlay.js"};
    return urls;
}

const std::string& GuideView::imageBase() {
    static const std::string base = "souffleur://desk/media/";
    return base;
}

void GuideView::setImageSource(ImageSource source) {
    m_handler->setImageSource(std::move(source));
}

void GuideView::showHtml(const QByteArray& html) {
    if (!m_bridgeReady || !onOwnPage())
        return loadHtml(html);
    m_html = html;
    m_loaded = false;
    ++m_sequence;
    Q_EMIT m_bridge->stepChanged(QString::fromUtf8(html), m_sequence);
}

bool GuideView::reportNextPaint() {
    if (!m_bridgeReady || !onOwnPage())
        return false;
    Q_EMIT m_bridge->paintReportRequested(++m_paintRequest);
    return true;
}

void GuideView::evaluate(const QString& script,
                         const std::function<void(const QVariant&)>& done) const {
    m_page->runJavaScript(script, QWebEngineScript::ApplicationWorld, done);
}

void GuideView::loadHtml(const QByteArray& html) {
    m_bridgeReady = false; // until the new page's script says it is ready
    ++m_counter;
    m_url = QUrl(QStringLiteral("souffleur://desk/step?n=%1").arg(m_counter));
    m_loaded = false;
    m_html = html;
    m_handler->setPage(m_url, html);
    m_page->load(m_url);
}

void GuideView::onLoadingChanged(const QWebEngineLoadingInfo& info) {
    if (info.url() != m_url)
        return; // a superseded page
    if (info.status() == QWebEngineLoadingInfo::LoadSucceededStatus) {
        m_loaded = true;
        Q_EMIT pageLoaded(true);
        if (m_bridgeReady)
            Q_EMIT painted(m_readyAt); // else when the script says it is ready
    } else if (info.status() == QWebEngineLoadingInfo::LoadFailedStatus) {
        Q_EMIT pageLoaded(false);
    }
}

} // namespace souffleur::guide_view
