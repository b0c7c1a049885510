#pragma once
// `event.detail-type` written as a member access: JavaScript parses it as
// `event.detail - type` (CodeFacts::hyphenatedAccesses). Reported where the
// left side is a path into the event and the right side a word that is no
// variable of the file (or one of the usual field words: type, id, name).
namespace lambdalint::code::analysis {

class Analysis;

void findHyphenatedAccesses(Analysis& analysis);

}  // namespace lambdalint::code::analysis
