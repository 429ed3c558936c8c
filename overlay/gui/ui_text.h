// The overlay's user-visible strings: Dutch by default, English with --lang en
// through Qt Linguist (overlay/gui/i18n/souffleur_en.ts, installed as a
// QTranslator by main() before the first call). Every widget takes its text
// from here.
#pragma once

#include <souffleur/client/sync_client.h>
#include <souffleur/content/render.h>

#include <QString>

namespace souffleur::overlay {

enum class Language { Dutch, English };

struct UiText {
    QString title;
    QString synced;
    QString connecting;
    QString offline;
    QString hidePanel;
    QString placedRight;
    QString placedLeft;
    QString placedFloating;
    QString menu;          // the header's menu button
    QString keepEdgeFree;  // reserve the screen edge (a strut)
    QString alertsSummary; // %1 how many
    QString showAllAlerts;
    QString collapseAlerts;
    QString quit;
    QString quitUnsavedTitle;  // asked before quitting would lose what waits
    QString quitUnsavedText;   // %1 what would be lost (the parts below, joined)
    QString quitUnsavedAdvice; // why to stay
    QString quitUnsavedSteps;  // %1 how many step records wait in memory
    QString quitUnsavedNote;   // %1 where the feedback was written (stepPlace)
    QString quitUnsavedLog;    // the logbook entry typed but not stored
    QString quitStay;          // the default: Souffleur stays open
    QString quitAnyway;
    QString show;
    QString chooseGuide;
    QString noGuides;
    QString guideList;
    QString stepView;
    QString choices;
    QString back;
    QString next;
    QString feedback;
    QString stop;
    QString toList;
    QString wrong;
    QString unclear;
    QString outdated;
    QString tip;
    QString feedbackText;
    QString feedbackPlaceholder;
    QString suggestionText;
    QString suggestionPlaceholder;
    QString send;
    QString chooseKindFirst;
    QString feedbackSent;
    QString feedbackQueued;
    QString feedbackFailed;
    QString feedbackDiskFull; // %1: the guide and step it is about
    QString openFailed;
    QString status;
    QString search;
    QString searchPlaceholder;
    QString noResults;
    QString alerts;
    QString newAlert;
    QString unreadAlerts;       // %1: how many
    QString acknowledge;        // an alert: "read"
    QString confirmRead;        // a must-acknowledge alert: "confirm: read"
    QString privacyRefused;     // %1: what was found
    QString opensAfterThisTask; // a deep link while a guide is open
    QString citizenCanSee;      // the mode that hides internal notes
    QString citizenShort;       // its switch in the header
    QString suggestion;         // %1: a guide title that fits the active window
    QString personalData[7];    // by protocol::PersonalData
    // What the desk keeps aside (diagnostics_dialog.h) and its notice line.
    QString diagnosticsTitle;
    QString showKeptAside; // the tray menu's item
    QString pendingHeading;
    QString pendingNone;
    QString pendingLine; // %1 title, %2 revision, %3 why
    QString needsUpdate; // why: a newer format
    QString rejectedHeading;
    QString rejectedNone;
    QString rejectedLine; // %1 when, %2 type, %3 reason
    QString exportRejected;
    QString resendRejected;
    QString exported;     // %1 path
    QString exportFailed; // %1 why
    QString resent;       // %1 how many
    QString close;
    QString view;             // the notice line's button
    QString unsavedNotice;    // %1 how many step records wait to be stored
    QString diskFullNotice;   // %1 how many wait because the disk is full
    QString trayUnsaved;      // %1 how many step records wait (the tray's tooltip)
    QString trayDiskFull;     // %1 how many wait because the disk is full (tooltip)
    QString diskFullTitle;    // the tray's notification when the disk is full
    QString diskFullMessage;  // its text
    QString ackFailed;        // an alert's acknowledgement could not be stored
    QString ackDiskFull;      // the same, because the disk is full
    QString updateNotice;     // %1 how many guides and alerts wait for an update
    QString rejectedNotice;   // %1 how many records the server refused
    QString updateNeededTag;  // after a guide's title in the list
    QString guideNeedsUpdate; // opening a guide the desk cannot show yet
    // The team's logbook (logbook_panel.h).
    QString logbook;              // its button
    QString logbookTooltip;       // the button's tooltip, with its key
    QString logbookHeading;       // the panel's heading
    QString logbookHeadingTeam;   // %1: the team's name
    QString logbookEntries;       // the list, for a screen reader
    QString logbookNone;          // no entries yet
    QString logbookOffline;       // the list is what the desk last received
    QString logbookText;          // the input, for a screen reader
    QString logbookPlaceholder;   // the input
    QString logbookAdd;           // the input's button
    QString logbookAbout;         // %1: a guide (and step) a new entry is about
    QString logbookAttachHint;    // the check box beside it
    QString logbookStep;          // %1: a step's number
    QString logbookUnsent;        // an entry of this desk still in the outbox
    QString logbookToday;         // %1: a time
    QString logbookYesterday;     // %1: a time
    QString logbookAdded;         // stored in the outbox
    QString logbookFailed;        // not stored: the database failed
    QString logbookDiskFull;      // not stored: the disk is full
    QString logbookLooksPersonal; // %1: what looks like personal data, while typing
    QString logbookTypeFirst;     // "Toevoegen" with nothing typed
};

// The texts in the installed translation (built once, on the first call).
const UiText& uiText();

// "Gesynchroniseerd", "Verbinden…" or "Offline".
const QString& syncStateText(const UiText& text, client::SyncState state);

// The renderer's language for the step pages.
content::UiLanguage renderLanguage(Language language);

} // namespace souffleur::overlay
