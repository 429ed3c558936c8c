// souffleur-studio: the content experts' editor (studio.h).
#include "studio.h"

int main(int argc, char** argv) {
    return souffleur::studio::runStudio(argc, argv);
}
