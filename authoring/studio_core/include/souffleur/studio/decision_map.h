// The decision map: a guide's steps and the ways between them, laid out in
// rows for the studio to draw with boxes and arrows and nothing to compute.
// Row 0 holds the first step; each further row the steps first reached one
// move later (breadth first, as the desk's step engine walks); steps the
// task never reaches come last, in a row of their own. Marked on the way:
// unreachable steps, dead ends (reached, but the task cannot finish from
// there), options that lead to a step that does not exist, and the ways back
// to an earlier row (a loop, fine while there is a way out).
#pragma once

#include <souffleur/content/guide.h>

#include <string>
#include <vector>

namespace souffleur::studio {

struct MapNode {
    std::string step;   // its id
    std::string glance; // its instruction
    int number = 0;     // 1-based, in the guide's order
    int row = 0;
    int column = 0;
    bool reachable = true;
    bool deadEnd = false;  // reached, but no way from here finishes the task
    bool finishes = false; // the task ends after this step
    bool decision = false;
    bool handOff = false;
};

struct MapEdge {
    int from = 0;        // index into nodes
    int to = -1;         // index into nodes; -1: the option names no step
    std::string label;   // the option's label; empty for "next"
    std::string missing; // the unknown target, when to is -1
    bool back = false;   // to a row above or the same row: a loop
};

struct DecisionMap {
    std::vector<MapNode> nodes; // in the guide's order
    std::vector<MapEdge> edges;
    int rows = 0;
    int columns = 0; // the widest row
    int unreachable = 0;
    int deadEnds = 0;
    int brokenOptions = 0;
};

DecisionMap buildDecisionMap(const content::Guide& guide);

} // namespace souffleur::studio
