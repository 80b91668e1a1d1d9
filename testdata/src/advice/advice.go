// Package advice: the advice fits the place. In a loop that drains a
// channel, the loop is the background writer: batching is the advice, not
// handing the write to a background writer.
package advice

import (
	"fmt"
	"os"
)

func Writer(events <-chan string, f *os.File) { // want Writer:"blocking\\(file\\): fmt\\.Fprintln"
	//hotpath
	for ev := range events {
		fmt.Fprintln(f, ev) // want `fmt.Fprintln does I/O on a file on every iteration of hot loop in Writer; this loop is the background writer: buffer what it receives and write once per batch, not per item`
		f.Sync()            // want `\(\*os.File\).Sync .* this loop is the background writer: sync once per batch of received items, not per item`
	}
}

func SelectWriter(events <-chan string, done <-chan struct{}) { // want SelectWriter:"blocking\\(file\\): os\\.OpenFile"
	//hotpath
	for {
		select {
		case ev := <-events:
			f, err := os.OpenFile("audit.log", os.O_APPEND|os.O_WRONLY, 0o600) // want `os.OpenFile opens a file on every iteration of hot loop in SelectWriter; this loop is the background writer: open the file once, before the loop`
			if err != nil {
				return
			}
			fmt.Fprintln(f, ev) // want `this loop is the background writer: buffer what it receives`
			f.Close()           // want `\(\*os.File\).Close does file I/O`
		case <-done:
			return
		}
	}
}

func Producer(items []string, f *os.File) { // want Producer:"blocking\\(file\\): fmt\\.Fprintln"
	//hotpath
	for _, it := range items {
		fmt.Fprintln(f, it) // want `fmt.Fprintln does I/O on a file on every iteration of hot loop in Producer; buffer the writes and hand them to a background writer`
	}
}
