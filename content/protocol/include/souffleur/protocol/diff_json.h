// The semantic diff (content/diff.h) as JSON: what `souffleur diff --json`
// prints and what GET /api/v1/guides/{id}/diff answers (docs/api.md, "Diff").
//
//   {"id", "old_revision", "new_revision", "same": bool, "summary": {"nl", "en"},
//    "fields": [FIELD], "steps": [STEP], "alerts": [{"kind", "alert", "title", "step"}]}
//   FIELD: {"field", "before", "after", "markup_only", "words": [{"kind", "text"}]}
//   STEP:  {"kind": "added"|"removed"|"changed"|"renamed", "id", "old_id"?,
//           "old_index"?, "new_index"? (0-based), "moved", "glance",
//           "fields": [FIELD], "options": [{"kind", "label", "old_label"?,
//           "target", "old_target"?}]}
#pragma once

#include <souffleur/content/diff.h>

#include <boost/json/object.hpp>

namespace souffleur::protocol {

boost::json::object diffJson(const content::GuideDiff& diff);
boost::json::object diffJson(const content::AlertDiff& diff);

} // namespace souffleur::protocol
