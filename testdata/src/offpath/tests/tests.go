// Package tests: -funcs does not make functions of _test.go files hot.
package tests

import "log"

func Handle() { // want Handle:"hot blocking\\(log\\): log\\.Printf"
	log.Printf("x") // want `log.Printf writes a log line on every call of hot function Handle`
}
