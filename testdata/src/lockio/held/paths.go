package held

import "sync"

type client struct {
	mu     sync.Mutex
	client *cache
	ready  bool
	err    error
}

// lazyClient is the classic: built on the first call under the lock,
// whose holder then makes its call with the lock still held.
func (c *client) lazyClient() {
	if c.client == nil {
		c.mu.Lock()
		defer c.mu.Unlock()
		c.client = &cache{}
	}
	block() // want `^held c.mu at 16 on the path where c.client is nil$`
}

func (c *client) notReady(k int) {
	if !c.ready {
		c.mu.Lock()
		defer c.mu.Unlock()
	} else if k > 2 {
		c.mu.Lock()
		defer c.mu.Unlock()
	}
	switch k {
	case 1:
		c.client.mu.Lock()
		defer c.client.mu.Unlock()
	}
	block() // want `^held c.mu at 25 on the path where c.ready is false, held c.client.mu at 33 on the path of case 1$`
}

// onFailure: a lock taken to note a failure is not held on the normal
// path.
func (c *client) onFailure(err error, ok bool) {
	if err != nil {
		c.mu.Lock()
		defer c.mu.Unlock()
		c.err = err
	}
	if !ok {
		c.mu.Lock()
		defer c.mu.Unlock()
	}
	block()
}

// flagged: locked and unlocked under the same flag. Between the two the
// lock is held on the path where the flag is set; after the second, a
// release lies between the lock and the call: not held.
func (c *client) flagged(locked bool) {
	if locked {
		c.mu.Lock()
	}
	block() // want `^held c.mu at 59 on the path where locked$`
	if locked {
		c.mu.Unlock()
	}
	block2()
}

// earlierSection: a release before the lock was taken does not count.
func (c *client) earlierSection() {
	c.mu.Lock()
	ready := c.ready
	c.mu.Unlock()
	if !ready {
		c.mu.Lock()
		defer c.mu.Unlock()
	}
	block() // want `^held c.mu at 74 on the path where ready is false$`
}

// lockedAgain: taken on some paths, then on every path: held, plainly.
func (c *client) lockedAgain(x bool) {
	if x {
		c.mu.Lock()
		c.mu.Unlock()
	}
	c.mu.Lock()
	block() // want `^held c.mu at 86$`
	c.mu.Unlock()
}
