// A stand-in for the application a front-office employee types in (the e2e
// test's host window): a window with a text field that takes the keyboard
// focus, and reports whether it ever loses it while the overlay appears and
// works beside it.
//
//   focus_host --until FILE
//
// Prints "focus-host: ready" once its window is active and the field has the
// focus, then waits until FILE exists (or 120 s), prints how often the window
// lost the focus ("focus-host: lost N") and exits 0 when it never did, 1
// otherwise.
#include <QApplication>
#include <QFileInfo>
#include <QLineEdit>
#include <QTimer>
#include <QVBoxLayout>
#include <QWidget>
#include <QWindow>

#include <cstdio>

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    // WM_CLASS "reisdocumenten": the demo guides' triggers name this application.
    QApplication::setApplicationName(QStringLiteral("reisdocumenten"));
    const QStringList args = QApplication::arguments();
    const auto until = args.indexOf(QStringLiteral("--until"));
    if (until < 0 || until + 1 >= args.size()) {
        std::fprintf(stderr, "usage: focus_host --until FILE\n");
        return 2;
    }
    const QString marker = args[until + 1];

    QWidget window;
    window.setWindowTitle(QStringLiteral("Reisdocumenten - Aanvraag paspoort"));
    auto* field = new QLineEdit(&window);
    auto* layout = new QVBoxLayout(&window);
    layout->addWidget(field);
    window.setGeometry(0, 0, 800, 600);
    window.show();
    window.activateWindow();
    field->setFocus();

    bool ready = false;
    int lost = 0;
    QObject::connect(&app, &QGuiApplication::focusWindowChanged, [&](QWindow* focused) {
        if (ready && !focused) {
            ++lost;
            std::printf("focus-host: lost the focus\n");
            std::fflush(stdout);
        }
    });
    QTimer poll;
    int waited = 0;
    QObject::connect(&poll, &QTimer::timeout, [&] {
        waited += 100;
        if (!ready && window.isActiveWindow() && field->hasFocus()) {
            ready = true;
            std::printf("focus-host: ready\n");
            std::fflush(stdout);
        }
        if (QFileInfo::exists(marker) || waited > 120'000) {
            const bool stillActive = window.isActiveWindow();
            std::printf("focus-host: lost %d, active at the end: %s\n", lost,
                        stillActive ? "yes" : "no");
            std::fflush(stdout);
            QApplication::exit(ready && lost == 0 && stillActive ? 0 : 1);
        }
    });
    poll.start(100);
    return QApplication::exec();
}
