// The locked-down web view for step pages (see step_view.h).
#include "step_view.h"

#include <QBuffer>
#include <QVBoxLayout>
#include <QWebEngineLoadingInfo>
#include <QWebEngineProfile>
#include <QWebEngineSettings>
#include <QWebEngineUrlRequestInfo>
#include <QWebEngineUrlRequestJob>
#include <QWebEngineUrlScheme>
#include <QWebEngineView>

namespace souffleur::overlay {
namespace {

const QByteArray kScheme = QByteArrayLiteral("souffleur");
const QString kHost = QStringLiteral("desk");
const QString kStepPath = QStringLiteral("/step");

bool isOurPage(const QUrl& url) {
    return url.scheme() == QLatin1String(kScheme) && url.host() == kHost && url.path() == kStepPath;
}

} // namespace

void StepSchemeHandler::setPage(const QUrl& url, const QByteArray& html) {
    m_url = url;
    m_html = html;
}

void StepSchemeHandler::requestStarted(QWebEngineUrlRequestJob* job) {
    if (job->requestMethod() != QByteArrayLiteral("GET") || job->requestUrl() != m_url) {
        job->fail(QWebEngineUrlRequestJob::UrlNotFound);
        return;
    }
    auto* buffer = new QBuffer(job);
    buffer->setData(m_html);
    buffer->open(QIODevice::ReadOnly);
    job->reply(QByteArrayLiteral("text/html; charset=utf-8"), buffer);
}

void RequestBlocker::interceptRequest(QWebEngineUrlRequestInfo& info) {
    if (info.requestUrl().scheme() != QLatin1String(kScheme)) {
        info.block(true);
        ++m_blocked;
    }
}

bool StepPage::acceptNavigationRequest(const QUrl& url, NavigationType type, bool isMainFrame) {
    return isMainFrame && isOurPage(url) &&
           (type == NavigationTypeTyped || type == NavigationTypeOther);
}

QWebEnginePage* StepPage::createWindow(WebWindowType) {
    return nullptr;
}

void StepView::registerScheme() {
    QWebEngineUrlScheme scheme(kScheme);
    scheme.setSyntax(QWebEngineUrlScheme::Syntax::Host);
    scheme.setFlags(QWebEngineUrlScheme::SecureScheme | QWebEngineUrlScheme::LocalScheme);
    QWebEngineUrlScheme::registerScheme(scheme);
}

StepView::StepView(QWidget* parent)
    : QWidget(parent)
    , m_profile(new QWebEngineProfile(this)) // no storage name: off the record
    , m_handler(new StepSchemeHandler(this))
    , m_blocker(new RequestBlocker(m_profile))
    , m_view(new QWebEngineView(this))
    , m_page(new StepPage(m_profile, m_view)) {
    m_profile->setHttpCacheType(QWebEngineProfile::MemoryHttpCache);
    m_profile->setPersistentCookiesPolicy(QWebEngineProfile::NoPersistentCookies);
    m_profile->setSpellCheckEnabled(false);
    m_profile->installUrlSchemeHandler(kScheme, m_handler);
    m_profile->setUrlRequestInterceptor(m_blocker);

    QWebEngineSettings* settings = m_page->settings();
    settings->setAttribute(QWebEngineSettings::JavascriptEnabled, false);
    settings->setAttribute(QWebEngineSettings::JavascriptCanOpenWindows, false);
    settings->setAttribute(QWebEngineSettings::JavascriptCanAccessClipboard, false);
    settings->setAttribute(QWebEngineSettings::LocalContentCanAccessRemoteUrls, false);
    settings->setAttribute(QWebEngineSettings::LocalContentCanAccessFileUrls, false);
    settings->setAttribute(QWebEngineSettings::PluginsEnabled, false);
    settings->setAttribute(QWebEngineSettings::ErrorPageEnabled, false);
    settings->setAttribute(QWebEngineSettings::AutoLoadImages, false);
    settings->setAttribute(QWebEngineSettings::FocusOnNavigationEnabled, false);

    m_view->setPage(m_page);
    m_view->setContextMenuPolicy(Qt::NoContextMenu);
    connect(m_page, &QWebEnginePage::loadingChanged, this, &StepView::onLoadingChanged);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
}

StepView::~StepView() {
    // The page (a child of the view) must go before its profile, which is
    // otherwise deleted first as our first child.
    delete m_view;
}

QString StepView::pageTitle() const {
    return m_page->title();
}

QUrl StepView::pageUrl() const {
    return m_page->url();
}

bool StepView::onOwnPage() const {
    return m_page->url() == m_url;
}

void StepView::showHtml(const QByteArray& html) {
    ++m_counter;
    m_url = QUrl(QStringLiteral("souffleur://desk/step?n=%1").arg(m_counter));
    m_loaded = false;
    m_html = html;
    m_handler->setPage(m_url, html);
    m_page->load(m_url);
}

void StepView::onLoadingChanged(const QWebEngineLoadingInfo& info) {
    if (info.url() != m_url)
        return; // a superseded page
    if (info.status() == QWebEngineLoadingInfo::LoadSucceededStatus) {
        m_loaded = true;
        Q_EMIT pageLoaded(true);
    } else if (info.status() == QWebEngineLoadingInfo::LoadFailedStatus) {
        Q_EMIT pageLoaded(false);
    }
}

} // namespace souffleur::overlay
