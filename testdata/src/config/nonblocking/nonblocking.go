// Package nonblocking trusts a standard function and one of its own.
package nonblocking

import (
	"log"
	"os"
)

type Cache struct{}

func (c *Cache) Load() { os.ReadFile("cache") } // want Load:`nonblocking`

func load() { os.ReadFile("other") } // want load:`blocking\(file\): os.ReadFile`

// hotpath
func Hot(c *Cache) { // want Hot:`hot blocking\(log\): log.Println`
	log.Printf("x")  // trusted
	log.Println("x") // want `log.Println writes a log line`
	c.Load()         // trusted
	load()           // want `nonblocking.load performs blocking file I/O`
}
