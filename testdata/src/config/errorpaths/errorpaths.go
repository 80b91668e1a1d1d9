// Package errorpaths reports error-exit blocks too.
package errorpaths

import (
	"errors"
	"log"
)

// hotpath
func Hot(err error) error { // want Hot:`hot blocking\(log\): log.Print`
	if err != nil {
		log.Print("failed") // want `log.Print writes a log line on every call of hot function Hot`
		return errors.New("failed")
	}
	return nil
}
