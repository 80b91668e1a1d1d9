package rules_test

import (
	"strings"
	"testing"

	ruledocs "github.com/iohotpath/iohotpath/docs/rules"
	"github.com/iohotpath/iohotpath/internal/rules"
)

// TestEveryRuleHasAPage: -explain can answer for every rule id, with the
// page whose title names it.
func TestEveryRuleHasAPage(t *testing.T) {
	for _, r := range rules.All {
		page, ok := ruledocs.Page(r.ID)
		if !ok || !strings.HasPrefix(page, "# "+r.ID+" ") && !strings.HasPrefix(page, "# "+r.ID+"\n") {
			t.Errorf("rule %s: no page docs/rules/%s.md titled with its id (got %.40q)", r.ID, r.ID, page)
		}
	}
	if _, ok := ruledocs.Page("nosuchrule"); ok {
		t.Error("a page for an unknown rule")
	}
}
