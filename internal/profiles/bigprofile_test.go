package profiles

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/pprof/profile"
)

// TestWriteBigProfile writes a synthetic CPU profile of about
// IOHOTPATH_BIG_PROFILE_MB megabytes (10 by default) to the file
// IOHOTPATH_BIG_PROFILE names, for the cost measurement in
// docs/performance.md ("Reading a 10 MB profile"): random stacks of up to
// 32 frames over 20,000 functions named as the compiler names them, a
// tenth of them in the packages IOHOTPATH_BIG_PROFILE_PKG names (comma
// separated) so that the run maps them. Without IOHOTPATH_BIG_PROFILE it
// is skipped.
func TestWriteBigProfile(t *testing.T) {
	out := os.Getenv("IOHOTPATH_BIG_PROFILE")
	if out == "" {
		t.Skip("set IOHOTPATH_BIG_PROFILE=FILE to write the profile")
	}
	mb := 10
	if s := os.Getenv("IOHOTPATH_BIG_PROFILE_MB"); s != "" {
		var err error
		if mb, err = strconv.Atoi(s); err != nil {
			t.Fatal(err)
		}
	}
	pkgs := []string{"example.com/app"}
	if s := os.Getenv("IOHOTPATH_BIG_PROFILE_PKG"); s != "" {
		pkgs = strings.FieldsFunc(s, func(r rune) bool { return r == ',' })
	}
	r := rand.New(rand.NewPCG(1, 2))
	p, locs := bigProfileFuncs(pkgs)
	target := int64(mb) << 20
	for n := 0; ; n++ {
		if n%20_000 == 0 && n > 0 {
			f, err := os.Create(out)
			if err != nil {
				t.Fatal(err)
			}
			if err := p.Write(f); err != nil {
				t.Fatal(err)
			}
			st, _ := f.Stat()
			f.Close()
			if st.Size() >= target {
				t.Logf("%s: %d samples, %d bytes", out, len(p.Sample), st.Size())
				return
			}
		}
		addRandomSample(p, locs, r)
	}
}

// bigProfileFuncs is the synthetic CPU profile's 20,000 functions and
// their locations, without samples: a tenth of the functions are in pkgs.
func bigProfileFuncs(pkgs []string) (*profile.Profile, []*profile.Location) {
	p := &profile.Profile{
		SampleType:    []*profile.ValueType{{Type: "samples", Unit: "count"}, {Type: "cpu", Unit: "nanoseconds"}},
		PeriodType:    &profile.ValueType{Type: "cpu", Unit: "nanoseconds"},
		Period:        10_000_000,
		TimeNanos:     time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC).UnixNano(),
		DurationNanos: int64(time.Minute),
	}
	var locs []*profile.Location
	for i := range 20_000 {
		pkg := "example.com/lib" + strconv.Itoa(i%97)
		if i%10 == 0 {
			pkg = pkgs[i/10%len(pkgs)]
		}
		fn := &profile.Function{ID: uint64(i + 1), Name: fmt.Sprintf("%s.(*T%d).M%d", pkg, i%13, i), Filename: fmt.Sprintf("/src/%s/f%d.go", pkg, i%31), StartLine: int64(i%500 + 1)}
		p.Function = append(p.Function, fn)
		loc := &profile.Location{ID: uint64(i + 1), Address: uint64(0x400000 + i*16), Line: []profile.Line{{Function: fn, Line: fn.StartLine + 3}}}
		p.Location = append(p.Location, loc)
		locs = append(locs, loc)
	}
	return p, locs
}

// addRandomSample adds to p a sample of one to 32 frames drawn from locs.
func addRandomSample(p *profile.Profile, locs []*profile.Location, r *rand.Rand) {
	stack := make([]*profile.Location, 1+r.IntN(32))
	for i := range stack {
		stack[i] = locs[r.IntN(len(locs))]
	}
	p.Sample = append(p.Sample, &profile.Sample{Location: stack, Value: []int64{1, 10_000_000}})
}

// benchProfile writes the synthetic profile of TestWriteBigProfile with
// samples samples (200,000 is about 11 MB) to a file in b's directory.
func benchProfile(b *testing.B, samples int) string {
	b.Helper()
	r := rand.New(rand.NewPCG(1, 2))
	p, locs := bigProfileFuncs([]string{"example.com/app"})
	for range samples {
		addRandomSample(p, locs, r)
	}
	file := filepath.Join(b.TempDir(), "cpu.pprof")
	f, err := os.Create(file)
	if err != nil {
		b.Fatal(err)
	}
	if err := p.Write(f); err != nil {
		b.Fatal(err)
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
	return file
}

// BenchmarkRead: Read of a synthetic CPU profile of 20,000 samples
// (about 1.1 MB; a tenth of docs/performance.md's 11 MB one), random
// stacks, nearly every edge distinct: the worst case of the index.
func BenchmarkRead(b *testing.B) {
	file := benchProfile(b, 20_000)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if _, err := Read([]string{file}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAddCPU: building the index alone from the same profile, parsed
// once.
func BenchmarkAddCPU(b *testing.B) {
	file := benchProfile(b, 20_000)
	p, _, err := readOne(file)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		x := &Index{funcs: map[string]*Func{}, lits: map[string]*Func{}}
		x.addCPU([]*profile.Profile{p})
	}
}
