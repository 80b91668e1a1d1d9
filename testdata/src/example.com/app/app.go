// Package app is the top of the chain: the hot code.
package app

import (
	"os"

	"example.com/lib"
	"example.com/mid"
)

// Ingest calls helpers in other packages from a hot loop.
func Ingest(in *mid.Ingester, recs []string) { // want Ingest:`blocking\(file\): \(\*mid.Ingester\).Put -> \(\*lib.Store\).AppendRecord -> lib.writeAll -> os.WriteFile`
	//hotpath
	for _, r := range recs {
		in.Put(r)         // want `\(\*mid.Ingester\).Put performs blocking file I/O \(os.WriteFile via \(\*lib.Store\).AppendRecord -> lib.writeAll\) on every iteration of hot loop in Ingest; open files once or hand the work to a background writer`
		mid.Check(len(r)) // want `mid.Check performs blocking stat I/O \(os.Stat via lib.Even -> lib.Odd\) on every iteration of hot loop in Ingest; check once at start-up or cache the result`
		mid.Quiet()
		local(r) // want `app.local performs blocking file I/O \(os.Remove via app.helper -> app.removeIt\) on every iteration of hot loop in Ingest`
	}
}

// local is declared after its caller, in the same package.
func local(s string) { helper(s) } // want local:`blocking\(file\): app.helper -> app.removeIt -> os.Remove`

func helper(s string) { // want helper:`blocking\(file\): app.removeIt -> os.Remove`
	lib.New(s)
	removeIt(s)
}

// hotpath
func Handle(b *lib.Box[string]) { // want Handle:`hot blocking\(file\): \(\*lib.Box\).Save -> os.Create`
	b.Save()         // want `\(\*lib.Box\).Save performs blocking file I/O \(os.Create\) on every call of hot function Handle`
	lib.Closure()    // want `lib.Closure performs blocking file I/O \(os.Remove via lib.Closure.func1\)`
	HotHelper()      // a hot callee reports its own I/O
}

// hotpath
func HotHelper() { // want HotHelper:`hot blocking\(file\): app.removeIt -> os.Remove`
	removeIt("x") // want `app.removeIt performs blocking file I/O \(os.Remove\) on every call of hot function HotHelper`
}

func removeIt(s string) { // want removeIt:`blocking\(file\): os.Remove`
	os.Remove(s)
}
