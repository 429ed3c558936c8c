// `souffleur`: the authoring command-line tool. All logic is in cli.cpp.
#include <souffleur/authoring/cli.h>

#include <iostream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    const std::vector<std::string> args(argv + 1, argv + argc);
    return souffleur::authoring::run(args, std::cout, std::cerr);
}
