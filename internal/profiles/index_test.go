package profiles

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/google/pprof/profile"
)

// refIndex is the straightforward computation the interned index must
// agree with: string-keyed maps of cumulative weight and call edges, and
// every distinct edge sorted by weight, then caller and callee key.
func refIndex(ps []*profile.Profile) (total int64, cum map[string]int64, edges map[[2]string]int64, hot map[string]bool) {
	cum, edges, hot = map[string]int64{}, map[[2]string]int64{}, map[string]bool{}
	for _, p := range ps {
		vi := max(valueIndex(p, "cpu"), 0)
		st := newStacks(p)
		for _, s := range p.Sample {
			if vi >= len(s.Value) {
				continue
			}
			v := s.Value[vi]
			total += v
			stack := st.of(s, nil)
			seen, seenEdge := map[string]bool{}, map[[2]string]bool{}
			for i, f := range stack {
				if !seen[f.key] {
					seen[f.key] = true
					cum[f.key] += v
				}
				if i+1 == len(stack) || isRuntime(stack[i+1].fn) {
					continue
				}
				e := [2]string{stack[i+1].key, f.key}
				if !seenEdge[e] {
					seenEdge[e] = true
					edges[e] += v
				}
			}
		}
	}
	type weighted struct {
		e [2]string
		w int64
	}
	var list []weighted
	var sum int64
	for e, w := range edges {
		list = append(list, weighted{e, w})
		sum += w
	}
	slices.SortFunc(list, func(a, b weighted) int {
		return cmp.Or(cmp.Compare(b.w, a.w), cmp.Compare(a.e[0], b.e[0]), cmp.Compare(a.e[1], b.e[1]))
	})
	var acc int64
	for _, w := range list {
		if float64(acc) >= EdgeCDF*float64(sum) {
			break
		}
		acc += w.w
		hot[w.e[1]] = true
	}
	return total, cum, edges, hot
}

// randomProfile is a CPU profile of a few functions (so that many reach
// MinShare) with what the index must get right: recursion, runtime roots,
// inlined frames, literals, two functions of one key (generic shapes),
// samples without the cpu value, and weights of few distinct values (so
// that the edge crossing EdgeCDF has ties broken by keys).
func randomProfile(r *rand.Rand, nfuncs, nsamples int, sparseIDs bool) *profile.Profile {
	p := &profile.Profile{
		SampleType: []*profile.ValueType{{Type: "samples", Unit: "count"}, {Type: "cpu", Unit: "nanoseconds"}},
		PeriodType: &profile.ValueType{Type: "cpu", Unit: "nanoseconds"},
		Period:     10_000_000,
	}
	id := func(i int) uint64 {
		if sparseIDs {
			return uint64(i)*1000 + 7
		}
		return uint64(i + 1)
	}
	for i := range nfuncs {
		name := fmt.Sprintf("example.com/p%d.F%d", i%3, i)
		switch i % 7 {
		case 1:
			name = fmt.Sprintf("example.com/p%d.F%d.func1", i%3, i)
		case 2:
			name = "runtime.f" + fmt.Sprint(i)
		case 3:
			name = fmt.Sprintf("example.com/p.G[go.shape.int%d]", i%2) // one key for several
		}
		p.Function = append(p.Function, &profile.Function{ID: id(i), Name: name, Filename: fmt.Sprintf("/src/f%d.go", i%4), StartLine: int64(i%5 + 1)})
	}
	for i := range nfuncs {
		loc := &profile.Location{ID: id(i)}
		loc.Line = append(loc.Line, profile.Line{Function: p.Function[i], Line: 10})
		if r.IntN(4) == 0 { // inlined: a second function in the location
			loc.Line = append(loc.Line, profile.Line{Function: p.Function[r.IntN(nfuncs)], Line: 20})
		}
		p.Location = append(p.Location, loc)
	}
	for range nsamples {
		stack := make([]*profile.Location, 1+r.IntN(12))
		for i := range stack {
			stack[i] = p.Location[r.IntN(nfuncs)]
			if i > 0 && r.IntN(5) == 0 { // recursion
				stack[i] = stack[r.IntN(i)]
			}
		}
		v := []int64{1, int64(1+r.IntN(3)) * 10_000_000}
		switch r.IntN(50) {
		case 0:
			v = v[:1] // no cpu value: left out
		case 1:
			v[1] = 0
		}
		p.Sample = append(p.Sample, &profile.Sample{Location: stack, Value: v})
	}
	return p
}

// TestIndexAgainstReference: on random profiles the interned index and
// the partial selection of hot edges give the reference's cumulative
// weights, edges, hot callees and so Funcs.
func TestIndexAgainstReference(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for round := range 300 {
		var ps []*profile.Profile
		for i := range 1 + round%2 {
			ps = append(ps, randomProfile(r, 5+r.IntN(60), 1+r.IntN(400), (round+i)%3 == 0))
		}
		total, cum, edges, hot := refIndex(ps)
		c, gotTotal := readCPU(ps)
		if gotTotal != total {
			t.Fatalf("round %d: total %d, want %d", round, gotTotal, total)
		}
		gotCum := map[string]int64{}
		for id, key := range c.names {
			if c.on[id] {
				gotCum[key] += c.cum[id]
			}
		}
		if fmt.Sprint(gotCum) != fmt.Sprint(cum) {
			t.Fatalf("round %d: cum\n%v, want\n%v", round, gotCum, cum)
		}
		gotEdges := map[[2]string]int64{}
		for _, e := range c.edges {
			k := [2]string{c.names[e.key>>32], c.names[uint32(e.key)]}
			if _, again := gotEdges[k]; again {
				t.Fatalf("round %d: edge %v twice", round, k)
			}
			gotEdges[k] = e.w
		}
		if fmt.Sprint(gotEdges) != fmt.Sprint(edges) {
			t.Fatalf("round %d: edges\n%v, want\n%v", round, gotEdges, edges)
		}
		gotHot := map[string]bool{}
		for id, h := range c.hotCallees() {
			if h {
				gotHot[c.names[id]] = true
			}
		}
		if fmt.Sprint(gotHot) != fmt.Sprint(hot) {
			t.Fatalf("round %d: hot callees\n%v, want\n%v", round, gotHot, hot)
		}
		x := &Index{funcs: map[string]*Func{}, lits: map[string]*Func{}}
		x.addCPU(ps)
		n := 0
		for key, cw := range cum {
			if total == 0 {
				break
			}
			n++
			f, ok := x.funcs[key]
			if isLitKey(key) {
				f, ok = x.lits[key]
			}
			share := float64(cw) / float64(total)
			if !ok || f.Cum != cw || f.Share != share || f.Hot != (hot[key] && share >= MinShare) {
				t.Fatalf("round %d: %s: %+v, %v; want cum %d", round, key, f, ok, cw)
			}
		}
		if len(x.funcs)+len(x.lits) != n {
			t.Fatalf("round %d: %d functions, want %d", round, len(x.funcs)+len(x.lits), n)
		}
	}
}

// TestSelectSmallest: the k smallest come first, for every k.
func TestSelectSmallest(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for _, n := range []int{0, 1, 5, 17, 100, 1000} {
		for k := 0; k <= n; k += max(1, n/37) {
			s := make([]uint64, n)
			for i := range s {
				s[i] = uint64(i) * 3
			}
			r.Shuffle(n, func(i, j int) { s[i], s[j] = s[j], s[i] })
			selectSmallest(s, k)
			for i := range k {
				if s[i] >= uint64(k)*3 {
					t.Fatalf("n %d k %d: s[%d] = %d", n, k, i, s[i])
				}
			}
		}
	}
}

// TestEdgeAcc: with buffers of every size, from one edge to more than
// all, the sum of the edges is a map's: each key once.
func TestEdgeAcc(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for _, size := range []int{1, 2, 7, 100, 5000} {
		for _, ids := range []int{1, 3, 50, 3000, 1 << 20} {
			want := map[uint64]int64{}
			a := &edgeAcc{size: size}
			for range 3000 {
				k := uint64(r.IntN(ids))<<32 | uint64(r.IntN(ids))
				w := int64(r.IntN(10))
				want[k] += w
				a.add(k, w)
			}
			got := a.sum()
			if len(got) != len(want) {
				t.Fatalf("size %d ids %d: %d edges, want %d", size, ids, len(got), len(want))
			}
			seen := map[uint64]bool{}
			for i, e := range got {
				if seen[e.key] || want[e.key] != e.w {
					t.Fatalf("size %d ids %d: edge %d %x %d (again: %v), want each key once, weight %d", size, ids, i, e.key, e.w, seen[e.key], want[e.key])
				}
				seen[e.key] = true
			}
		}
	}
}
