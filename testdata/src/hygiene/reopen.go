package hygiene

import (
	"fmt"
	"iter"
	"os"
	"path/filepath"
	"strings"
	"time"
)

func Ingest(dir string, recs []string) error {
	path := filepath.Join(dir, "audit.log")
	for _, r := range recs {
		f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600) // want `^os\.OpenFile opens the same file on every iteration of the loop in Ingest; open it once before the loop$`
		if err != nil {
			continue
		}
		fmt.Fprintln(f, r)
		f.Close()
	}
	return nil
}

type Loader struct{ dir string }

func (l *Loader) EachOpen(keys []string) {
	for _, k := range keys {
		f, err := os.Open(filepath.Join(l.dir, "index.txt")) // want `^os\.Open opens the same file on every iteration of the loop in Loader\.EachOpen; open it once before the loop$`
		if err == nil {
			fmt.Fprintln(os.Stdout, k, f.Name())
			f.Close()
		}
	}
}

func EachCreate(dir string, n int) {
	for i := 0; i < n; i++ {
		f, _ := os.Create(dir + "/out.txt") // want `^os\.Create opens the same file on every iteration of the loop in EachCreate; open it once before the loop$`
		fmt.Fprintln(f, i)
		f.Close()
	}
}

func EachRead(dir string, keys []string) int {
	n := 0
	for _, k := range keys {
		data, _ := os.ReadFile(filepath.Join(dir, "config.json")) // want `^os\.ReadFile opens the same file on every iteration of the loop in EachRead; read it once before the loop$`
		n += strings.Count(string(data), k)
	}
	return n
}

func EachWrite(path string, lines []string) {
	var all []string
	for _, l := range lines {
		all = append(all, l)
		os.WriteFile(path, []byte(strings.Join(all, "\n")), 0o600) // want `^os\.WriteFile opens the same file on every iteration of the loop in EachWrite; build the content in the loop and write it once after the loop$`
	}
}

// PerItem opens a different file on each pass: silent.
func PerItem(dir string, names []string) {
	for _, name := range names {
		data, _ := os.ReadFile(filepath.Join(dir, name))
		fmt.Println(len(data))
	}
	for i := 0; i < len(names); i++ {
		os.WriteFile(fmt.Sprintf("%s/part-%d", dir, i), nil, 0o600)
	}
}

func pathFor(dir, name string) string { return dir + "/" + name + ".json" }

// Derived paths vary with the loop: silent.
func Derived(dir string, names []string) {
	for _, name := range names {
		os.ReadFile(pathFor(dir, name))
		p := strings.ToLower(name)
		os.ReadFile(p)
	}
	path := filepath.Join(dir, "seq")
	n := 0
	for range names {
		os.ReadFile(path)
		path += ".next"
		f, _ := os.Create(fmt.Sprintf("%s/%d", dir, n))
		f.Close()
		n++
	}
	var target string
	for _, name := range names {
		fmt.Sscan(name, &target)
		os.ReadFile(target)
	}
	var b strings.Builder
	for _, name := range names {
		b.WriteString(name)
		os.ReadFile(b.String())
	}
}

var logPath = "app.log"

func Rotate(names []string) {
	for _, name := range names {
		os.WriteFile(logPath, []byte(name), 0o600)
		logPath = name + ".log"
	}
}

func tempName() string { return fmt.Sprint(time.Now().UnixNano()) }

// Fresh names, from a channel or a generator: silent.
func Fresh(names <-chan string, n int) {
	for i := 0; i < n; i++ {
		os.Create(<-names)
		os.Create(tempName())
		os.Create("/tmp/" + time.Now().Format("150405"))
	}
}

func mustRead(data []byte, err error) []byte { return data }

// OutsideTheLoop opens in code that runs once: the range expression, the
// init statement, a function literal, a goroutine.
func OutsideTheLoop(path string) {
	for _, c := range mustRead(os.ReadFile(path)) {
		fmt.Println(c)
	}
	for f, _ := os.Open(path); f != nil; f = nil {
		fmt.Println(f.Name())
	}
	for range 3 {
		go func() {
			os.ReadFile(path)
		}()
		read := func() { os.ReadFile(path) }
		read()
	}
}

// OnlyOnce opens in a loop that runs its body at most once: silent.
func OnlyOnce(paths []string, path string) []byte {
	for range paths {
		data, _ := os.ReadFile(path)
		return data
	}
	return nil
}

// NestedOpen: the path follows the outer loop but not the inner one.
func NestedOpen(dirs []string, lines []string) {
	for _, dir := range dirs {
		for _, l := range lines {
			f, _ := os.OpenFile(filepath.Join(dir, "audit.log"), os.O_APPEND|os.O_WRONLY, 0) // want `os\.OpenFile opens the same file on every iteration of the loop in NestedOpen`
			fmt.Fprintln(f, l)
			f.Close()
		}
	}
}

func RangeFuncOpen(seq iter.Seq[string], path string) {
	for s := range seq {
		os.WriteFile(path, []byte(s), 0o600) // want `os\.WriteFile opens the same file on every iteration of the loop in RangeFuncOpen`
	}
}

func Cond(path string) {
	for os.WriteFile(path, nil, 0o600) != nil { // want `os\.WriteFile opens the same file on every iteration of the loop in Cond`
		time.Sleep(time.Second)
	}
}

func SuppressedOpen(path string, lines []string) {
	for _, l := range lines {
		//iohotpath:ignore a handful of lines, read back by tail -f
		f, _ := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
		fmt.Fprintln(f, l)
		f.Close()
	}
}
