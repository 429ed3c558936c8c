// Saves the whole X screen as a PNG, for the tests that look at the panel
// beside the host application under a real window manager (openbox).
//
//   grab_screen FILE
#include <QGuiApplication>
#include <QPixmap>
#include <QScreen>

#include <cstdio>

int main(int argc, char** argv) {
    QGuiApplication app(argc, argv);
    const QStringList args = QGuiApplication::arguments();
    if (args.size() != 2) {
        std::fprintf(stderr, "usage: grab_screen FILE\n");
        return 2;
    }
    QScreen* screen = QGuiApplication::primaryScreen();
    if (!screen || !screen->grabWindow(0).save(args[1], "PNG")) {
        std::fprintf(stderr, "grab_screen: cannot grab the screen into %s\n", qPrintable(args[1]));
        return 1;
    }
    return 0;
}
