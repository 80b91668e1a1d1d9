// Package disable turns off three categories.
package disable

import (
	"log"
	"os"
)

func logs() { log.Print("x") }

// hotpath
func Hot() { // want Hot:`hot blocking\(file\): os.Remove`
	log.Print("x")       // log is disabled
	log.Print("y")       //iohotpath:ignore for runs with log enabled: not stale here
	os.Stat("x")         // stat is disabled
	os.Stdout.Write(nil) // stdout is disabled: a standard stream, not a file
	logs()               // its only I/O is disabled: no fact
	os.Remove("x")       // want `os.Remove changes the file system`
}
