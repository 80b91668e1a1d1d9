package hotio

import (
	"fmt"
	"slices"
	"testing"

	"github.com/iohotpath/iohotpath/internal/catalogue"
)

// hops returns a chain of hops named by names, at made-up positions.
func hops(names ...string) []Hop {
	var c []Hop
	for i, n := range names {
		c = append(c, Hop{Name: n, File: "f.go", Line: i + 1, Col: 2})
	}
	return c
}

func hopNames(c []Hop) []string {
	var s []string
	for _, h := range c {
		s = append(s, h.Name)
	}
	return s
}

func TestExtend(t *testing.T) {
	for _, tt := range []struct {
		chain []Hop
		want  []string
	}{
		{nil, []string{"h"}},
		{hops("os.Stat"), []string{"h", "os.Stat"}},
		{hops("a", "b", "os.Stat"), []string{"h", "a", "b", "os.Stat"}},
		{hops("a", "b", "c", "os.Stat"), []string{"h", "a", "b", "c", "os.Stat"}},                       // at maxHops
		{hops("a", "b", "c", "d", "os.Stat"), []string{"h", "a", "b", "...", "os.Stat"}},                // one above
		{hops("a", "b", "c", "d", "e", "f", "g", "os.Stat"), []string{"h", "a", "b", "...", "os.Stat"}}, // far above
		{hops("a", "b", "c", elided, "os.Stat"), []string{"h", "a", "b", "...", "os.Stat"}},             // an elided chain
	} {
		in := slices.Grow(slices.Clone(tt.chain), 8) // spare capacity an append could write to
		before := slices.Clone(in[:cap(in)])
		out := extend(Hop{Name: "h", File: "h.go", Line: 9, Col: 1}, in)
		if got := hopNames(out); !slices.Equal(got, tt.want) {
			t.Errorf("extend(h, %v) = %v, want %v", hopNames(tt.chain), got, tt.want)
		}
		if len(out) > maxHops {
			t.Errorf("extend(h, %v) has %d hops, more than %d", hopNames(tt.chain), len(out), maxHops)
		}
		if out[0] != (Hop{Name: "h", File: "h.go", Line: 9, Col: 1}) {
			t.Errorf("first hop = %+v, want the call h", out[0])
		}
		if len(tt.chain) > 0 && out[len(out)-1] != tt.chain[len(tt.chain)-1] {
			t.Errorf("last hop = %+v, want the blocking call %+v", out[len(out)-1], tt.chain[len(tt.chain)-1])
		}
		if !slices.Equal(in[:cap(in)], before) {
			t.Errorf("extend(h, %v) modified its input", hopNames(tt.chain))
		}
	}
}

// TestExtendRepeatedly extends a chain call after call, as the fact
// fixpoint does up a long call path: it stays bounded with one elision.
func TestExtendRepeatedly(t *testing.T) {
	chain := hops("os.Stat")
	for i := range 10 {
		chain = extend(Hop{Name: fmt.Sprint("f", i)}, chain)
		elisions := 0
		for _, h := range chain {
			if h.Name == elided {
				elisions++
			}
		}
		if len(chain) > maxHops || elisions > 1 {
			t.Fatalf("after %d calls: %v", i+1, hopNames(chain))
		}
	}
	if got, want := hopNames(chain), []string{"f9", "f8", "f7", "...", "os.Stat"}; !slices.Equal(got, want) {
		t.Errorf("chain = %v, want %v", got, want)
	}
}

func TestFactText(t *testing.T) {
	for _, tt := range []struct {
		name    string
		fact    Fact
		witness string // witnessText
		str     string // String
	}{
		{"direct", Fact{Cat: catalogue.File, Chain: hops("os.WriteFile")},
			"os.WriteFile", "blocking(file): os.WriteFile"},
		{"multi-hop", Fact{Cat: catalogue.File, Chain: hops("a", "b", "os.WriteFile")},
			"os.WriteFile via a -> b", "blocking(file): a -> b -> os.WriteFile"},
		{"elided", Fact{Cat: catalogue.Stat, Chain: hops("a", "b", "c", elided, "os.Stat")},
			"os.Stat via a -> b -> c -> ...", "blocking(stat): a -> b -> c -> ... -> os.Stat"},
		{"declared", Fact{Cat: catalogue.Network, Declared: true},
			"declared //iohotpath:blocking", "blocking(network) declared"},
		{"declared one hop", Fact{Cat: catalogue.Network, Declared: true, Chain: hops("lib.Poll")},
			"lib.Poll, declared //iohotpath:blocking", "blocking(network) declared: lib.Poll"},
		{"declared chain", Fact{Cat: catalogue.Network, Declared: true, Chain: hops("a", "lib.Poll")},
			"lib.Poll, declared //iohotpath:blocking via a", "blocking(network) declared: a -> lib.Poll"},
		{"hot", Fact{Cat: catalogue.Stdout, Hot: true, Chain: hops("fmt.Println")},
			"fmt.Println", "hot blocking(stdout): fmt.Println"},
		{"hot declared", Fact{Cat: catalogue.File, Hot: true, Declared: true},
			"declared //iohotpath:blocking", "hot blocking(file) declared"},
		{"nonblocking", Fact{NonBlocking: true}, "", "nonblocking"},
		{"every category", Fact{Cat: catalogue.File, Cats: catalogue.SetOf(catalogue.File, catalogue.Stat, catalogue.Sync),
			Chain: hops("os.WriteFile"), Unbounded: catalogue.Sync, UnboundedChain: hops("a", "(*os.File).Sync")},
			"os.WriteFile", "blocking(file): os.WriteFile; also sync,stat; always sync: a -> (*os.File).Sync"},
		{"always the witness", Fact{Cat: catalogue.Network, Cats: catalogue.SetOf(catalogue.Network), Chain: hops("http.Get"),
			Unbounded: catalogue.Network}, "http.Get", "blocking(network): http.Get; always network"},
	} {
		if got := witnessText(&tt.fact); got != tt.witness {
			t.Errorf("%s: witnessText = %q, want %q", tt.name, got, tt.witness)
		}
		if got := tt.fact.String(); got != tt.str {
			t.Errorf("%s: String = %q, want %q", tt.name, got, tt.str)
		}
	}
}
