package profiles

import (
	"cmp"
	"slices"

	"github.com/google/pprof/profile"
)

// The rule that makes a function hot, measured on the test program and a
// real service (docs/profiles.md): a function is hot when it is the
// callee of a hot call edge (the heaviest edges that carry EdgeCDF of all
// edge weight, as PGO picks them) and at least MinShare of the samples
// have it on their stack. An edge from the runtime (runtime.goexit,
// runtime.main) does not count: the function it calls is the body of a
// goroutine or main, which runs once and loops, not per unit of work, and
// has every sample of its loop below it. Cumulative weight alone would
// mark exactly those.

// stacks caches the frames of each location of one profile.
type stacks struct {
	keys map[uint64]string  // function id -> key
	locs map[uint64][]frame // location id -> its frames, innermost first
}

func newStacks(p *profile.Profile) *stacks {
	st := &stacks{keys: make(map[uint64]string, len(p.Function)), locs: make(map[uint64][]frame, len(p.Location))}
	for _, f := range p.Function {
		st.keys[f.ID] = keyOf(f)
	}
	for _, loc := range p.Location {
		var fs []frame
		for _, ln := range loc.Line {
			if ln.Function != nil {
				fs = append(fs, frame{key: st.keys[ln.Function.ID], fn: ln.Function.Name, line: ln.Line})
			}
		}
		st.locs[loc.ID] = fs
	}
	return st
}

// of returns the stack of s, innermost first, into buf.
func (st *stacks) of(s *profile.Sample, buf []frame) []frame {
	buf = buf[:0]
	for _, loc := range s.Location {
		buf = append(buf, st.locs[loc.ID]...)
	}
	return buf
}

type edgeKey struct{ caller, callee string }

// addCPU adds the CPU profiles: each function's cumulative weight, the
// call edges, and which functions are hot.
func (x *Index) addCPU(ps []*profile.Profile) {
	cum := map[string]int64{}
	edges := map[edgeKey]int64{}
	var buf []frame
	seen := map[string]bool{}
	seenEdge := map[edgeKey]bool{}
	for _, p := range ps {
		vi := max(valueIndex(p, "cpu"), 0)
		st := newStacks(p)
		for _, s := range p.Sample {
			if vi >= len(s.Value) {
				continue
			}
			v := s.Value[vi]
			x.cpuTotal += v
			buf = st.of(s, buf)
			clear(seen)
			clear(seenEdge)
			for i, f := range buf {
				if !seen[f.key] { // recursion counts once
					seen[f.key] = true
					cum[f.key] += v
				}
				if i+1 == len(buf) || isRuntime(buf[i+1].fn) {
					continue
				}
				e := edgeKey{buf[i+1].key, f.key}
				if !seenEdge[e] {
					seenEdge[e] = true
					edges[e] += v
				}
			}
		}
	}
	if x.cpuTotal == 0 {
		return
	}
	hotCallee := hotCallees(edges)
	for key, c := range cum {
		f := &Func{Cum: c, Share: float64(c) / float64(x.cpuTotal)}
		f.Hot = hotCallee[key] && f.Share >= MinShare
		if isLitKey(key) {
			x.lits[key] = f
		} else {
			x.funcs[key] = f
		}
	}
}

// hotCallees returns the callees of the heaviest edges that together
// carry EdgeCDF of the weight of all edges.
func hotCallees(edges map[edgeKey]int64) map[string]bool {
	type weighted struct {
		e edgeKey
		w int64
	}
	list := make([]weighted, 0, len(edges))
	var total int64
	for e, w := range edges {
		list = append(list, weighted{e, w})
		total += w
	}
	slices.SortFunc(list, func(a, b weighted) int {
		return cmp.Or(cmp.Compare(b.w, a.w), cmp.Compare(a.e.caller, b.e.caller), cmp.Compare(a.e.callee, b.e.callee))
	})
	hot := map[string]bool{}
	var acc int64
	for _, w := range list {
		if float64(acc) >= EdgeCDF*float64(total) {
			break
		}
		acc += w.w
		hot[w.e.callee] = true
	}
	return hot
}

// addWaits adds a mutex or block profile: the delay of each sample goes
// to the function below the lock's own frames, the one that released the
// lock (mutex profile) or waited to take it (block profile). Samples of
// other waits (channels, select) are left out.
func (x *Index) addWaits(p *profile.Profile) {
	if x.waits == nil {
		x.waits = map[string]int64{}
	}
	vi := valueIndex(p, "delay")
	st := newStacks(p)
	var buf []frame
	for _, s := range p.Sample {
		if vi >= len(s.Value) {
			continue
		}
		buf = st.of(s, buf)
		lock := false
		for _, f := range buf {
			if !isSync(f.fn) {
				if lock {
					x.waits[f.key] += s.Value[vi]
				}
				break
			}
			lock = lock || isLockOp(f.fn)
		}
	}
}

// isLitKey reports whether key is a LitKey (which holds a space).
func isLitKey(key string) bool {
	for i := 0; i < len(key); i++ {
		if key[i] == ' ' {
			return true
		}
	}
	return false
}
