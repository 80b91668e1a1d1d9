// Package oneper: one diagnostic per call site across rules.
package oneper

import (
	"fmt"
	"os"
)

func Drain(events []string) error { // want Drain:"blocking\\(file\\)"
	//hotpath
	for _, ev := range events {
		f, err := os.OpenFile("audit.log", os.O_APPEND|os.O_WRONLY, 0o600) // want `^os.OpenFile opens a file on every iteration of hot loop in Drain; open it once or hand the write to a background writer \(also reopen-in-loop: os.OpenFile opens the same file on every iteration of the loop in Drain; open it once before the loop\)$`
		if err != nil {
			return err
		}
		fmt.Fprintln(f, ev) // want `fmt.Fprintln does I/O on a file`
		f.Close()           // want `\(\*os.File\).Close does file I/O`
	}
	return nil
}

// Cold is not hot: reopen-in-loop alone.
func Cold(events []string) error { // want Cold:"blocking\\(file\\)"
	for _, ev := range events {
		f, err := os.OpenFile("cold.log", os.O_APPEND|os.O_WRONLY, 0o600) // want `^os.OpenFile opens the same file on every iteration of the loop in Cold; open it once before the loop$`
		if err != nil {
			return err
		}
		fmt.Fprintln(f, ev)
		f.Close()
	}
	return nil
}
