#include "code/code_facts_json.h"

namespace lambdalint {

NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Position, offset, line, column)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Range, begin, end)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(ParseProblem, kind, range, message)

namespace code {

NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(TracedValue, kind, text, range)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(HandlerInfo, name, found, isAsync, range, nameRange)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(ClientConstruction, library, service, kind, variable, scope,
                                                lazilyCached, range)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(SdkCall, sdk, service, operation, dynamic, scope, awaited, range,
                                                resourceParams)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(EnvRead, name, hasDefault, scope, range)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(Import, module, range)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(CatchBlock, range, rethrows, recordsFailure, insideRecordLoop, scope)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(HyphenatedMemberAccess, text, range)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(OutsideRead, what, target, reason, range)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE_WITH_DEFAULT(CodeFacts, path, language, handler, clients, sdkCalls, envReads,
                                                imports, catches, hyphenatedAccesses, returnsBatchItemFailures,
                                                batchItemFailuresRange, complete, problems, outsideReads)

nlohmann::json factsToJson(const CodeFacts& facts) { return facts; }

CodeFacts factsFromJson(const nlohmann::json& json) { return json.get<CodeFacts>(); }

}  // namespace code
}  // namespace lambdalint
