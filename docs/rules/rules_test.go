package rules_test

import (
	"strings"
	"testing"

	ruledocs "github.com/iohotpath/iohotpath/docs/rules"
	"github.com/iohotpath/iohotpath/internal/catalogue"
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

// TestCategoryAnchors: the URL of a hot-io finding (rules.IOURL) points at
// its category's row of the hot-io page.
func TestCategoryAnchors(t *testing.T) {
	page, _ := ruledocs.Page(rules.HotIO)
	for _, cat := range catalogue.Names() {
		if !strings.Contains(page, `<a id="`+cat+`"></a>`) {
			t.Errorf("docs/rules/hot-io.md has no anchor for category %s, which %s links to", cat, rules.IOURL(cat))
		}
		if got := rules.IOCategory(rules.IOURL(cat)); got != cat {
			t.Errorf("IOCategory(IOURL(%q)) = %q", cat, got)
		}
	}
	if got := rules.IOCategory(rules.URL(rules.HotIO)); got != "" {
		t.Errorf("IOCategory of the page itself = %q, want none", got)
	}
}
