// Package directives tests directive parsing, placement and suppression.
package directives

import (
	"log"
	"os"

	"example.com/dirlib"
)

// hotpath
func Suppressed(l *dirlib.Logger) { // want Suppressed:`hot blocking\(file\): os.ReadFile`
	log.Print("x") //iohotpath:ignore startup banner, once per process in practice
	//iohotpath:ignore the caller holds no lock here and the file is tiny
	os.ReadFile("x")
	os.ReadFile("y") // want `os.ReadFile reads a file`
	l.Log("x")       // trusted by //iohotpath:nonblocking
	l.Flush()        // want `\(\*dirlib.Logger\).Flush performs blocking file I/O \(os.WriteFile\)`
	dirlib.Poll(1)   // want `dirlib.Poll performs blocking network I/O \(declared //iohotpath:blocking\)`
	dirlib.Wait()    // want `dirlib.Wait performs blocking file I/O \(declared //iohotpath:blocking\)`
	local()          // want `directives.local performs blocking stat I/O \(declared //iohotpath:blocking\)`
	quiet()          // trusted
}

//iohotpath:blocking stat
func local() {} // want local:`blocking\(stat\) declared`

//iohotpath:nonblocking
func quiet() { os.Remove("x") } // want quiet:`nonblocking`

func Bad() { // want Bad:`blocking\(log\): log.Print`
	log.Print("x") //iohotpath:ignore // want `//iohotpath:ignore needs a reason`
	os.Remove("x") //iohotpath:ignore not hot, but kept out of Bad's fact
	_ = len("x")   //iohotpath:ignore stale: nothing to suppress here // want `//iohotpath:ignore suppresses nothing; remove it`
	//iohotpath:hott // want `unknown directive //iohotpath:hott; use //hotpath, //iohotpath:hot, //iohotpath:blocking \[category\], //iohotpath:nonblocking or //iohotpath:ignore <reason>`
	// iohotpath:ignore spaced // want `directives take no space after //: write //iohotpath:ignore spaced`
	// iohotpath: prose that mentions the tool is not a directive
	//iohotpath:hot extra // want `//iohotpath:hot takes no argument`
	x := 1
	//hotpath // want `//hotpath applies to nothing: put it in the doc comment of a function or on the line directly above a for or range statement`
	x++
	_ = x
}

//iohotpath:blocking disks // want `unknown category "disks" in //iohotpath:blocking; use one of file, sync, stat, log, stdout, encode, network, database, process`
func BadCategory() {}

//iohotpath:nonblocking // want `//iohotpath:nonblocking applies to nothing: put it in the doc comment of a function declaration`
var V = 1

//iohotpath:blocking
//iohotpath:nonblocking
func Both() {} // want `Both is declared both //iohotpath:blocking and //iohotpath:nonblocking; keep one`
