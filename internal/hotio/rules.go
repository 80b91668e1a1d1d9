package hotio

// The off-path rules: each way a blocking call of hot code is shown not
// to run on the normal path, by id. Each id has an entry in
// docs/rules/hot-io.md ("What is off the path"), a case in
// testdata/src/offpath/why (shown with -show-offpath) and its code in one
// place: the exit rules in exitRules (offpath.go), the branch kinds in
// branch.rule, the others where the walk or checkCall meets them.
const (
	// Exit rules (offpath.go, exitRules): a block that runs at most once
	// per failure or per hot loop.
	ruleFailureBranch   = "failure-branch"
	ruleRetryPath       = "retry-path"
	ruleReturnsFailure  = "returns-failure"
	ruleReturnsZeroErr  = "returns-zero-and-error"
	ruleAnswersError    = "answers-error-status"
	ruleHandsMadeError  = "hands-made-error"
	ruleLogsAlarm       = "logs-alarm-and-returns"
	ruleWarnsOnly       = "warns-only"
	rulePanicsOrExits   = "panics-or-exits"
	ruleLeavesHotLoop   = "leaves-hot-loop"
	ruleFailsOnceInLoop = "fails-once-in-loop" // walk.go, failsOnce
	ruleLazyInit        = "lazy-init"          // walk.go, lazyInit: once per value, like sync.Once

	// Branch rules (branch.rule): what a condition says of its block.
	ruleRecovered  = "recovered-panic"
	ruleDebugGuard = "debug-guard"
	ruleDebugFlag  = "debug-flag"
	ruleSlowPath   = "slow-path"
	ruleDeadCode   = "dead-code"

	// Call rules (report.go, checkCall): what a call is for.
	ruleDebugLevel = "debug-level"
	ruleDelegation = "delegation"
	ruleServed     = "served-connection"
	ruleHandlerJob = "handler-job"
)

// OffPathRules lists the ids of the off-path rules, in the order of the
// docs.
var OffPathRules = []string{
	ruleFailureBranch, ruleRetryPath, ruleReturnsFailure, ruleReturnsZeroErr, ruleAnswersError, ruleHandsMadeError,
	ruleLogsAlarm, ruleWarnsOnly, rulePanicsOrExits, ruleLeavesHotLoop, ruleFailsOnceInLoop, ruleLazyInit,
	ruleRecovered, ruleDebugGuard, ruleDebugFlag, ruleSlowPath, ruleDeadCode,
	ruleDebugLevel, ruleDelegation, ruleServed, ruleHandlerJob,
}
