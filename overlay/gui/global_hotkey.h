// The global hotkey that summons and dismisses the panel: Ctrl+Alt+Space,
// grabbed on the X11 root window (with and without Num Lock and Caps Lock), so
// it works whichever application has the focus. Where it cannot be had (not
// X11, or another program holds the combination), start() says so and the
// tray and `souffleur-overlay --toggle` remain.
#pragma once

#include <QAbstractNativeEventFilter>
#include <QObject>
#include <QString>

#include <cstdint>
#include <expected>

struct xcb_connection_t;

namespace souffleur::overlay {

class GlobalHotkey : public QObject, public QAbstractNativeEventFilter {
    Q_OBJECT

public:
    explicit GlobalHotkey(QObject* parent = nullptr);
    ~GlobalHotkey() override;

    std::expected<void, QString> start();
    bool nativeEventFilter(const QByteArray& eventType, void* message, qintptr* result) override;

    static constexpr const char* kDescription = "Ctrl+Alt+Space";

Q_SIGNALS:
    void activated();

private:
    xcb_connection_t* m_connection = nullptr;
    std::uint32_t m_root = 0;
    std::uint8_t m_keycode = 0;
};

} // namespace souffleur::overlay
