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

// cpuFrame is one function on a stack in the CPU index: the interned id
// of its key, and whether the profile's function is of the runtime.
type cpuFrame struct {
	id uint32
	rt bool
}

// cpuIndex is what the CPU profiles add up to, keys interned: ids index
// names, and an edge is caller<<32 | callee.
type cpuIndex struct {
	ids   map[string]uint32
	names []string // by id
	cum   []int64  // by id
	on    []bool   // by id: on the stack of a sample read
	edges []edge   // each key once
}

// edge is a call edge, caller<<32 | callee, and its weight.
type edge struct {
	key uint64
	w   int64
}

func (c *cpuIndex) intern(key string) uint32 {
	id, ok := c.ids[key]
	if !ok {
		id = uint32(len(c.names))
		c.ids[key] = id
		c.names = append(c.names, key)
		c.cum = append(c.cum, 0)
		c.on = append(c.on, false)
	}
	return id
}

// cpuStacks caches the frames of each location of one profile, by
// location id: in a slice when the ids are dense (as the runtime writes
// them), else in a map.
type cpuStacks struct {
	dense  [][]cpuFrame
	sparse map[uint64][]cpuFrame
}

func newCPUStacks(p *profile.Profile, c *cpuIndex) *cpuStacks {
	ids := make(map[uint64]uint32, len(p.Function))
	for _, f := range p.Function {
		ids[f.ID] = c.intern(keyOf(f))
	}
	var maxID uint64
	for _, loc := range p.Location {
		maxID = max(maxID, loc.ID)
	}
	st := &cpuStacks{}
	if maxID <= 2*uint64(len(p.Location))+64 {
		st.dense = make([][]cpuFrame, maxID+1)
	} else {
		st.sparse = make(map[uint64][]cpuFrame, len(p.Location))
	}
	for _, loc := range p.Location {
		var fs []cpuFrame
		for _, ln := range loc.Line {
			if ln.Function != nil {
				id, ok := ids[ln.Function.ID]
				if !ok { // a function the profile's table lacks
					id = c.intern(keyOf(ln.Function))
				}
				fs = append(fs, cpuFrame{id: id, rt: isRuntime(ln.Function.Name)})
			}
		}
		if st.dense != nil {
			st.dense[loc.ID] = fs
		} else {
			st.sparse[loc.ID] = fs
		}
	}
	return st
}

// edgesBound is about how many edges the samples of p have: their
// locations times the frames of a location, on average.
func (st *cpuStacks) edgesBound(p *profile.Profile) int {
	frames := 0
	for _, loc := range p.Location {
		frames += len(loc.Line)
	}
	n := 0
	for _, s := range p.Sample {
		n += len(s.Location)
	}
	if len(p.Location) == 0 {
		return 0
	}
	return int(int64(n) * int64(frames) / int64(len(p.Location)))
}

// of returns the stack of s, innermost first, into buf.
func (st *cpuStacks) of(s *profile.Sample, buf []cpuFrame) []cpuFrame {
	buf = buf[:0]
	for _, loc := range s.Location {
		if st.dense != nil {
			if loc.ID < uint64(len(st.dense)) {
				buf = append(buf, st.dense[loc.ID]...)
			}
		} else {
			buf = append(buf, st.sparse[loc.ID]...)
		}
	}
	return buf
}

// readCPU adds up the CPU profiles: each function's cumulative weight
// (counted once per sample, recursion included) and each call edge's
// (once per sample too), edges from the runtime left out. It returns the
// total of the samples' values.
func readCPU(ps []*profile.Profile) (*cpuIndex, int64) {
	c := &cpuIndex{ids: map[string]uint32{}}
	var total int64
	var acc edgeAcc
	var buf []cpuFrame
	var stamp []uint32 // by id: the last sample (numbered from 1) it was on
	var sampleEdges []uint64
	n := uint32(0)
	for _, p := range ps {
		vi := max(valueIndex(p, "cpu"), 0)
		st := newCPUStacks(p, c)
		acc.reserve(st.edgesBound(p))
		if len(stamp) < len(c.names) {
			stamp = append(stamp, make([]uint32, len(c.names)-len(stamp))...)
		}
		for _, s := range p.Sample {
			if vi >= len(s.Value) {
				continue
			}
			v := s.Value[vi]
			total += v
			buf = st.of(s, buf)
			n++
			sampleEdges = sampleEdges[:0]
			for i, f := range buf {
				again := stamp[f.id] == n
				if !again { // recursion counts once
					stamp[f.id] = n
					c.cum[f.id] += v
					c.on[f.id] = true
				}
				if i+1 == len(buf) || buf[i+1].rt {
					continue
				}
				e := uint64(buf[i+1].id)<<32 | uint64(f.id)
				// An edge seen before in this sample has its callee seen
				// before: only then is the sample's list of edges looked
				// through.
				if again && slices.Contains(sampleEdges, e) {
					continue
				}
				sampleEdges = append(sampleEdges, e)
				acc.add(e, v)
			}
		}
	}
	c.edges = acc.sum()
	return c, total
}

// edgeAcc adds up the weights of call edges. A map of millions of
// distinct edges (random stacks) spends its time missing the cache on
// every insert; the edges are instead appended to a buffer, sized by
// reserve for the profile's stacks, and their repeats added up (grouped
// by callee, then by caller) at the end, or whenever the buffer is full: a
// real profile's stacks repeat a few thousand edges, so the buffer, once
// compacted, has room again; when compacting does not free half of it,
// it grows.
type edgeAcc struct {
	size        int // the least capacity of the buffer, minEdgeBuf when 0
	buf, tmp    []edge
	count, slot []int // by id, for compact
}

const (
	minEdgeBuf = 1 << 12
	maxReserve = 1 << 23 // edges (128 MB) reserve allocates at most
)

// reserve makes room for n more edges, up to maxReserve.
func (a *edgeAcc) reserve(n int) {
	n = min(n, maxReserve)
	if cap(a.buf)-len(a.buf) < n {
		a.buf = slices.Grow(a.buf, n)
	}
}

func (a *edgeAcc) add(key uint64, w int64) {
	if len(a.buf) == cap(a.buf) {
		a.compact()
		if len(a.buf) > cap(a.buf)/2 {
			a.buf = slices.Grow(a.buf, max(cap(a.buf), cmp.Or(a.size, minEdgeBuf)))
		}
	}
	a.buf = append(a.buf, edge{key, w})
}

// compact adds up the weights of each key of the buffer, which then
// holds each key once: the edges are grouped by callee (a counting sort
// into tmp), and the callers of each group added up through a table by
// caller id.
func (a *edgeAcc) compact() {
	var most uint32
	for _, e := range a.buf {
		most = max(most, uint32(e.key>>32), uint32(e.key))
	}
	n := int(most) + 1
	a.count = slices.Grow(a.count[:0], n+1)[:n+1]
	clear(a.count)
	for _, e := range a.buf {
		a.count[uint32(e.key)+1]++
	}
	for i := 1; i <= n; i++ {
		a.count[i] += a.count[i-1]
	}
	a.tmp = slices.Grow(a.tmp[:0], len(a.buf))[:len(a.buf)]
	for _, e := range a.buf {
		c := uint32(e.key)
		a.tmp[a.count[c]] = e
		a.count[c]++
	}
	// a.count[c] is now the end of callee c's group in tmp.
	if len(a.slot) < n {
		a.slot = make([]int, n)
	}
	out := a.buf[:0]
	start := 0
	for _, e := range a.tmp {
		if n := len(out); n > 0 && uint32(out[n-1].key) != uint32(e.key) {
			start = n // a new callee's group
		}
		caller := e.key >> 32
		if s := a.slot[caller]; s >= start && s < len(out) && out[s].key == e.key {
			out[s].w += e.w
			continue
		}
		a.slot[caller] = len(out)
		out = append(out, e)
	}
	a.buf = out
}

// sum returns every edge added, each key once with the sum of its
// weights, by callee.
func (a *edgeAcc) sum() []edge {
	a.compact()
	a.tmp, a.count, a.slot = nil, nil, nil
	return a.buf
}

// addCPU adds the CPU profiles: each function's cumulative weight, the
// call edges, and which functions are hot.
func (x *Index) addCPU(ps []*profile.Profile) {
	c, total := readCPU(ps)
	x.cpuTotal += total
	if x.cpuTotal == 0 {
		return
	}
	hotCallee := c.hotCallees()
	for id, key := range c.names {
		if !c.on[id] {
			continue
		}
		f := &Func{Cum: c.cum[id], Share: float64(c.cum[id]) / float64(x.cpuTotal)}
		f.Hot = hotCallee[id] && f.Share >= MinShare
		if isLitKey(key) {
			x.lits[key] = f
		} else {
			x.funcs[key] = f
		}
	}
}

// hotCallees returns, by id, the callees of the heaviest edges that
// together carry EdgeCDF of the weight of all edges: the edges in order of
// weight, heaviest first, then of caller and callee key, up to and
// including the one that brings the sum to EdgeCDF of the total.
//
// Nothing is sorted but the distinct weights: whole groups of edges of
// one weight are taken while the sum stays below the bound, and of the
// group that crosses it, the first k edges in key order are selected
// (quickselect on the keys' ranks).
func (c *cpuIndex) hotCallees() []bool {
	hot := make([]bool, len(c.names))
	var total int64
	count := map[int64]int64{} // weight -> edges of that weight
	for _, e := range c.edges {
		total += e.w
		count[e.w]++
	}
	weights := make([]int64, 0, len(count))
	for w := range count {
		weights = append(weights, w)
	}
	slices.Sort(weights)
	slices.Reverse(weights)
	// The last group taken, and how many of its edges.
	bound := EdgeCDF * float64(total)
	var acc int64
	last, k := -1, int64(0)
	for i, w := range weights {
		if float64(acc) >= bound {
			break
		}
		n := count[w]
		last, k = i, n
		if w > 0 { // the smallest k with acc+k*w >= bound, compared as the sum is
			k = max(int64((bound-float64(acc))/float64(w)), 1)
			for k > 1 && float64(acc+(k-1)*w) >= bound {
				k--
			}
			for k < n && float64(acc+k*w) < bound {
				k++
			}
			k = min(k, n)
		}
		if k < n {
			break
		}
		acc += n * w
	}
	if last < 0 {
		return hot
	}
	wl := weights[last]
	partial := k < count[wl]
	var rank []uint32
	var group []uint64 // of the partial group: rank(caller)<<32 | rank(callee)
	if partial {
		rank = c.ranks()
		group = make([]uint64, 0, count[wl])
	}
	for _, ed := range c.edges {
		e, w := ed.key, ed.w
		switch {
		case w > wl || w == wl && !partial:
			hot[uint32(e)] = true
		case w == wl:
			group = append(group, uint64(rank[e>>32])<<32|uint64(rank[uint32(e)]))
		}
	}
	if partial {
		// its k first edges by the keys of caller and callee
		selectSmallest(group, int(k))
		byRank := make([]uint32, len(rank))
		for id, r := range rank {
			byRank[r] = uint32(id)
		}
		for _, g := range group[:k] {
			hot[byRank[uint32(g)]] = true
		}
	}
	return hot
}

// ranks is each id's place among the keys in byte order.
func (c *cpuIndex) ranks() []uint32 {
	order := make([]uint32, len(c.names))
	for i := range order {
		order[i] = uint32(i)
	}
	slices.SortFunc(order, func(a, b uint32) int { return cmp.Compare(c.names[a], c.names[b]) })
	rank := make([]uint32, len(order))
	for r, id := range order {
		rank[id] = uint32(r)
	}
	return rank
}

// selectSmallest reorders s so that its k smallest values come first, in
// any order (quickselect; the values are distinct).
func selectSmallest(s []uint64, k int) {
	lo, hi := 0, len(s) // the k-th smallest is in s[lo:hi]
	for rounds := 0; hi-lo > 16; rounds++ {
		if rounds > 64 { // unlucky pivots: sort what is left
			break
		}
		if k <= lo || k >= hi {
			return
		}
		// median of three as the pivot
		m := lo + (hi-lo)/2
		a, b, c := s[lo], s[m], s[hi-1]
		pivot := max(min(a, b), min(max(a, b), c))
		// three-way partition: < pivot, == pivot, > pivot
		lt, i, gt := lo, lo, hi
		for i < gt {
			switch {
			case s[i] < pivot:
				s[lt], s[i] = s[i], s[lt]
				lt++
				i++
			case s[i] > pivot:
				gt--
				s[gt], s[i] = s[i], s[gt]
			default:
				i++
			}
		}
		switch {
		case k <= lt:
			hi = lt
		case k >= gt:
			lo = gt
		default:
			return
		}
	}
	slices.Sort(s[lo:hi])
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
