// Package disabled is analysed with -disable=io-under-lock: no finding
// under a lock, and hot-io's findings do not mention the lock.
package disabled

import (
	"net/http"
	"sync"
)

type Cache struct {
	mu  sync.Mutex
	url string
}

func (c *Cache) Refresh() { // want Refresh:`blocking\(network\): http.Get`
	c.mu.Lock()
	defer c.mu.Unlock()
	http.Get(c.url)
}

// hotpath
func (c *Cache) Hot() { // want Hot:`hot blocking\(network\): http.Get`
	c.mu.Lock()
	defer c.mu.Unlock()
	http.Get(c.url) // want `^http.Get makes an HTTP request on every call of hot function Cache.Hot; reuse connections and batch the calls, or move them off the hot path$`
}
