// souffleur-overlay-panel: the desk panel (panel.h). Everything it does is in
// the souffleur_desk_panel library, which the tests drive in-process.
#include "panel.h"

int main(int argc, char** argv) {
    return souffleur::overlay::runPanel(argc, argv);
}
