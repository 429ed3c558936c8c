// The AAR report as PDF, GUI-free: the same content as the HTML document
// (aar_report.h) and the same charts (charts.h, drawn as PDF vector
// graphics), on A4 pages in the standard Helvetica fonts (no font is
// embedded, nothing is fetched: no link, no script, no action). Text outside
// Windows-1252 is written as '?'; Dutch and English need nothing else.
// `souffleur aar-report --format pdf` and the studio's "Opslaan als PDF" write it.
#pragma once

#include <souffleur/report/aar_report.h>

#include <string>

namespace souffleur::report {

// A complete PDF file (PDF 1.4).
std::string reportPdf(const ReportInput& input);

} // namespace souffleur::report
