#include "iam/arn_pattern.h"

#include <algorithm>
#include <array>
#include <deque>

#include "util/ascii_case.h"

namespace lambdalint::iam {
namespace {

using Kind = ArnElem::Kind;

bool allows(CharClass cls, char c) {
  switch (cls) {
    case CharClass::Any:
      return true;
    case CharClass::NoColon:
      return c != ':';
    case CharClass::NoSep:
      return c != ':' && c != '/';
  }
  return true;
}

// What the characters of the Service Authorization Reference's placeholders can be. Names AWS restricts to
// letters, digits and a few punctuation characters cannot contain ':' or '/'; names with a path can.
CharClass placeholderClass(std::string_view name) {
  // Only names AWS documents as letters, digits, '-', '_' or '.': a wrong class here would turn a match into No.
  static constexpr std::array<std::string_view, 12> kNoSeparator = {
      "Partition", "Region",    "Account",      "BucketName",       "TableName",  "IndexName",
      "QueueName", "TopicName", "FunctionName", "StateMachineName", "StreamName", "KeyId"};
  if (std::find(kNoSeparator.begin(), kNoSeparator.end(), name) != kNoSeparator.end()) return CharClass::NoSep;
  return CharClass::Any;
}

ArnElem unknownPart(std::string label) {
  ArnElem v;
  v.kind = Kind::Var;
  v.cls = CharClass::Any;
  v.label = std::move(label);
  return v;
}

// A '*' that ends an ARN segment may span segments.
bool starCrosses(const std::vector<ArnElem>& p, size_t i) {
  return i + 1 == p.size() || (p[i + 1].kind == Kind::Char && p[i + 1].c == ':');
}

// True when `p` matches `s` whatever values the variables of `s` take: literal characters match themselves,
// a variable only the same variable, and a '*' whole elements (a variable only as a whole).
bool mustMatch(const std::vector<ArnElem>& p, const std::vector<ArnElem>& s) {
  const size_t n = p.size(), m = s.size();
  std::vector<char> next(m + 1, 0), cur(m + 1, 0);  // rows i+1 and i of the table
  next[m] = 1;                                      // row n: only the empty rest matches
  for (size_t i = n; i-- > 0;) {
    const ArnElem& pe = p[i];
    const bool crosses = pe.kind == Kind::Star && starCrosses(p, i);
    for (size_t j = m + 1; j-- > 0;) {
      bool ok = false;
      const ArnElem* se = j < m ? &s[j] : nullptr;
      switch (pe.kind) {
        case Kind::Star: {
          ok = next[j];
          if (!ok && se) {
            bool eats = se->kind == Kind::Char ? (se->c != ':' || crosses) : (crosses || se->cls != CharClass::Any);
            ok = eats && cur[j + 1];
          }
          break;
        }
        case Kind::Char:
          ok = se && se->kind == Kind::Char && se->c == pe.c && next[j + 1];
          break;
        case Kind::Question:
          ok = se && se->kind == Kind::Char && next[j + 1];
          break;
        case Kind::Var:
          ok = se && se->kind == Kind::Var && !pe.key.empty() && se->key == pe.key && next[j + 1];
          break;
      }
      cur[j] = ok;
    }
    std::swap(next, cur);
  }
  return next[0];
}

// A set of characters one step of a match consumes.
struct Label {
  bool single = false;
  char c = 0;
  CharClass cls = CharClass::Any;
};

bool overlap(const Label& a, const Label& b) {
  if (a.single && b.single) return a.c == b.c;
  if (a.single) return allows(b.cls, a.c);
  if (b.single) return allows(a.cls, b.c);
  return true;  // every class holds letters
}

// True when `p` may match `s` for some values of the variables: each variable of either side is a run of
// characters of its class, a '*' any run. Exploring the product of the two automata. Two names of distinct
// template resources of the same group that start at the same place cannot end at the same place (their
// values differ), which is what tells bucket A's objects from bucket B's.
bool mayMatch(const std::vector<ArnElem>& pIn, const std::vector<ArnElem>& s) {
  // A value that may hold wildcards (a parameter) may match anything a '*' matches.
  std::vector<ArnElem> p = pIn;
  for (auto& e : p) {
    if (e.kind == Kind::Var && e.wildcardValue) e = ArnElem::wildcard(Kind::Star);
  }
  const size_t n = p.size(), m = s.size();
  // Lock states: 0 free; 1 inside two distinct names started together; 2 the pattern's name ended first, so the
  // request's must take one more character before ending; 3 the reverse.
  struct State {
    size_t i;
    int pin;
    size_t j;
    int sin;
    int lock;
  };
  auto index = [&](const State& st) { return ((((st.i * 2 + st.pin) * (m + 1) + st.j) * 2 + st.sin) * 4) + st.lock; };
  std::vector<char> seen((n + 1) * 2 * (m + 1) * 2 * 4, 0);
  std::deque<State> work;
  auto push = [&](State st) {
    auto k = index(st);
    if (!seen[k]) {
      seen[k] = 1;
      work.push_back(st);
    }
  };
  push({0, 0, 0, 0, 0});
  while (!work.empty()) {
    State st = work.front();
    work.pop_front();
    if (st.i == n && st.j == m) return true;
    const ArnElem* pe = st.i < n ? &p[st.i] : nullptr;
    const ArnElem* se = st.j < m ? &s[st.j] : nullptr;
    // Moves of one side that consume nothing.
    if (pe && pe->kind == Kind::Star) push({st.i + 1, 0, st.j, st.sin, st.lock});
    if (pe && pe->kind == Kind::Var && (st.pin == 1 || pe->mayBeEmpty) && st.lock != 3) {
      push({st.i + 1, 0, st.j, st.sin, st.lock == 1 ? 2 : st.lock});
    }
    if (se && se->kind == Kind::Var && (st.sin == 1 || se->mayBeEmpty) && st.lock != 2) {
      push({st.i, st.pin, st.j + 1, 0, st.lock == 1 ? 3 : st.lock});
    }
    if (!pe || !se) continue;
    // The same variable on both sides, both at its start: the same value.
    if (pe->kind == Kind::Var && se->kind == Kind::Var && st.pin == 0 && st.sin == 0 && !pe->key.empty() &&
        pe->key == se->key && st.lock == 0) {
      push({st.i + 1, 0, st.j + 1, 0, 0});
    }
    // Moves that consume one character on both sides.
    Label pl, sl;
    State to = st;
    switch (pe->kind) {
      case Kind::Char:
        pl = {true, pe->c};
        to.i = st.i + 1;
        to.pin = 0;
        break;
      case Kind::Question:
        to.i = st.i + 1;
        to.pin = 0;
        break;
      case Kind::Star:
        break;
      case Kind::Var:
        pl.cls = pe->cls;
        to.pin = 1;
        break;
    }
    if (se->kind == Kind::Char) {
      sl = {true, se->c};
      to.j = st.j + 1;
      to.sin = 0;
    } else {
      sl.cls = se->cls;
      to.sin = 1;
    }
    if (!overlap(pl, sl)) continue;
    if (st.lock == 1) {
      to.lock = 1;
    } else if (st.lock != 0) {
      to.lock = 0;
    } else {
      bool distinctNames = pe->kind == Kind::Var && se->kind == Kind::Var && st.pin == 0 && st.sin == 0 &&
                           !pe->group.empty() && pe->group == se->group && !pe->key.empty() && !se->key.empty() &&
                           pe->key != se->key;
      to.lock = distinctNames ? 1 : 0;
    }
    push(to);
  }
  return false;
}

// Splits at the first `limit - 1` literal colons; the last part keeps the rest.
std::vector<std::vector<ArnElem>> segments(const std::vector<ArnElem>& elems, size_t limit) {
  std::vector<std::vector<ArnElem>> out(1);
  for (const auto& e : elems) {
    if (e.kind == Kind::Char && e.c == ':' && out.size() < limit) {
      out.emplace_back();
    } else {
      out.back().push_back(e);
    }
  }
  return out;
}

}  // namespace

std::string_view to_string(Match match) {
  switch (match) {
    case Match::No:
      return "no";
    case Match::Maybe:
      return "maybe";
    case Match::Yes:
      return "yes";
  }
  return "";
}

Match both(Match a, Match b) { return std::min(a, b); }
Match either(Match a, Match b) { return std::max(a, b); }
Match negate(Match m) { return m == Match::Yes ? Match::No : (m == Match::No ? Match::Yes : Match::Maybe); }

std::string ArnPattern::text() const {
  if (!known) return "<unknown>";
  std::string out;
  for (const auto& e : elems) {
    switch (e.kind) {
      case Kind::Char:
        out += e.c;
        break;
      case Kind::Star:
        out += '*';
        break;
      case Kind::Question:
        out += '?';
        break;
      case Kind::Var:
        out += e.label.empty() ? std::string("*") : e.label;
        break;
    }
  }
  return out;
}

void ArnPattern::addText(std::string_view text) {
  for (char c : text) addChar(c);
}

void ArnPattern::addWildcardText(std::string_view text, bool requestSide) {
  for (char c : text) {
    if (c != '*' && c != '?') {
      addChar(c);
    } else if (requestSide) {
      ArnElem v = unknownPart("*");
      v.mayBeEmpty = c == '*';
      elems.push_back(std::move(v));
    } else {
      elems.push_back(ArnElem::wildcard(c == '*' ? Kind::Star : Kind::Question));
    }
  }
}

void ArnPattern::addVar(ArnElem var) {
  var.kind = Kind::Var;
  elems.push_back(std::move(var));
}

void ArnPattern::append(const ArnPattern& other) {
  known = known && other.known;
  elems.insert(elems.end(), other.elems.begin(), other.elems.end());
}

ArnPattern ArnPattern::fromFormat(std::string_view format) {
  ArnPattern out;
  size_t i = 0;
  while (i < format.size()) {
    if (format.compare(i, 2, "${") == 0) {
      size_t close = format.find('}', i);
      if (close != std::string_view::npos) {
        std::string_view name = format.substr(i + 2, close - i - 2);
        ArnElem v = unknownPart(std::string(format.substr(i, close - i + 1)));
        v.cls = placeholderClass(name);
        out.addVar(std::move(v));
        i = close + 1;
        continue;
      }
    }
    if (format[i] == '*') {
      out.addVar(unknownPart("*"));
    } else {
      out.addChar(format[i]);
    }
    ++i;
  }
  return out;
}

Match matchArn(const ArnPattern& pattern, const ArnPattern& request) {
  if (!pattern.known || !request.known) return Match::Maybe;
  if (mustMatch(pattern.elems, request.elems)) return Match::Yes;
  return mayMatch(pattern.elems, request.elems) ? Match::Maybe : Match::No;
}

bool coversEveryResourceOf(const ArnPattern& pattern, std::string_view format) {
  if (!pattern.known) return false;
  if (pattern.isStar()) return true;
  auto pat = segments(pattern.elems, 6);
  auto fmt = segments(ArnPattern::fromFormat(format).elems, 6);
  if (fmt.size() < 6) return false;
  // A variable that may hold a colon makes the segments uncertain.
  for (size_t k = 0; k + 1 < pat.size() && k < 5; ++k) {
    for (const auto& e : pat[k]) {
      if (e.kind == Kind::Var && (e.cls == CharClass::Any || e.wildcardValue)) return false;
    }
  }
  // The service must be the format's.
  if (pat.size() > 2 && !mustMatch(pat[2], fmt[2])) return false;
  if (pat.size() == 6) return mustMatch(pat[5], fmt[5]);
  // "arn:aws:iam::*": a '*' ending the last segment spans the rest.
  return pat.size() >= 2 && !pat.back().empty() && pat.back().back().kind == Kind::Star;
}

bool actionMatches(std::string_view pattern, std::string_view action) {
  size_t p = 0, t = 0, star = std::string_view::npos, resume = 0;
  while (t < action.size()) {
    if (p < pattern.size() && (pattern[p] == '?' || asciiLower(pattern[p]) == asciiLower(action[t]))) {
      ++p;
      ++t;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      resume = t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++resume;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

}  // namespace lambdalint::iam
